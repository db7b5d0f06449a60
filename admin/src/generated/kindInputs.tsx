import { Box, MenuItem, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  FieldTitle,
  InputHelperText,
  NumberInput,
  useInput,
  useResourceContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { NOT_SORTING } from '../../../shared/households/fields';
import { SORTING_DATE_PENDING } from './formValues';

type Mode = 'yes' | 'no' | 'unknown';

const modeOf = (value: unknown): Mode => {
  if (value === null || value === undefined || value === '') return 'unknown';

  return value === NOT_SORTING ? 'no' : 'yes';
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface KindInputProps {
  source: string;
  validate?: Validator;
  readOnly?: boolean;
}

/**
 * Sorting at source is one stored value (a date, "not-sorting" or null) but two questions for
 * the person entering it: does the household sort, and since when.
 */
export const SortingSinceInput = ({ source, validate, readOnly }: KindInputProps) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const { field, fieldState, id } = useInput({ source, validate, readOnly });
  const [mode, setMode] = useState<Mode>(modeOf(field.value));
  const date = typeof field.value === 'string' && ISO_DATE.test(field.value) ? field.value : '';
  const error = fieldState.error?.message;

  const chooseMode = (next: Mode) => {
    setMode(next);
    if (next === 'unknown') field.onChange(null);
    else if (next === 'no') field.onChange(NOT_SORTING);
    else field.onChange(date || SORTING_DATE_PENDING);
  };

  return (
    <Box sx={{ display: 'flex', gap: 2, width: '100%' }}>
      <MuiTextField
        select
        id={id}
        size="small"
        sx={{ flex: 1 }}
        label={<FieldTitle source={source} resource={resource} />}
        value={mode}
        disabled={readOnly}
        onChange={(event) => chooseMode(event.target.value as Mode)}
        onBlur={field.onBlur}
        error={Boolean(error) && mode !== 'yes'}
        helperText={mode !== 'yes' && error ? <InputHelperText error={error} /> : ' '}
      >
        <MenuItem value="yes">{translate('nguon.sorting.choice_yes')}</MenuItem>
        <MenuItem value="no">{translate('nguon.sorting.no')}</MenuItem>
        <MenuItem value="unknown">{translate('nguon.sorting.unknown')}</MenuItem>
      </MuiTextField>
      {mode === 'yes' && (
        <MuiTextField
          type="date"
          size="small"
          sx={{ flex: 1 }}
          label={translate('nguon.sorting.since_date')}
          value={date}
          disabled={readOnly}
          onChange={(event) => field.onChange(event.target.value || SORTING_DATE_PENDING)}
          error={Boolean(error)}
          helperText={error ? <InputHelperText error={error} /> : ' '}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      )}
    </Box>
  );
};

/** A location is a pair of numbers or nothing; see normalizeFormValues for the "nothing". */
export const LocationInput = ({ source, readOnly }: KindInputProps) => {
  const translate = useTranslate();

  return (
    <Box sx={{ display: 'flex', gap: 2, width: '100%' }}>
      <NumberInput
        source={`${source}.lat`}
        label={translate('nguon.location.lat')}
        step={0.000001}
        sx={{ flex: 1 }}
        readOnly={readOnly}
      />
      <NumberInput
        source={`${source}.lng`}
        label={translate('nguon.location.lng')}
        step={0.000001}
        sx={{ flex: 1 }}
        readOnly={readOnly}
      />
    </Box>
  );
};
