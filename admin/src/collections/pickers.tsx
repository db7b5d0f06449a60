import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { type Ref, useEffect, useMemo, useState } from 'react';
import { type RaRecord, useGetList, useTranslate } from 'react-admin';
import { BASE_LEVELS } from '../../../shared/units/fields';
import { viCollator } from '../../../shared/text/collation';
import { referenceSort } from '../generated/referenceSort';

export interface Named extends RaRecord {
  name: string;
}

interface PickerProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  helperText?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
}

/** The texts MUI's Autocomplete shows, in the panel's language. */
const useAutocompleteTexts = () => {
  const translate = useTranslate();

  return {
    noOptionsText: translate('nguon.no_options'),
    loadingText: translate('ra.message.loading'),
    clearText: translate('ra.action.clear_input_value'),
    openText: translate('ra.action.open'),
    closeText: translate('ra.action.close'),
  };
};

/** A pick from a short list fetched once (wards of a city, hamlets of a ward, collectors). */
const ListPicker = ({
  options,
  loading,
  label,
  value,
  onChange,
  error,
  helperText,
  disabled,
  inputRef,
  required,
}: PickerProps & { options: Named[]; loading: boolean }) => {
  const texts = useAutocompleteTexts();
  const selected = options.find((option) => option.id === value) ?? null;

  return (
    <Autocomplete
      {...texts}
      options={options}
      value={selected}
      loading={loading}
      disabled={disabled}
      autoHighlight
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_, option) => onChange(option ? String(option.id) : null)}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={inputRef}
          label={label}
          required={required}
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
    />
  );
};

const byName = (records: Named[] | undefined): Named[] =>
  [...(records ?? [])].sort((a, b) => viCollator.compare(a.name, b.name));

const ALL = { page: 1, perPage: 1000 };

/** Wards and communes of the user's area. */
export const useWards = () => {
  const { data, isPending } = useGetList<Named>('units', {
    filter: { level: [...BASE_LEVELS] },
    sort: referenceSort('units'),
    pagination: ALL,
  });

  return { wards: useMemo(() => byName(data), [data]), loading: isPending };
};

export const WardPicker = (props: PickerProps) => {
  const { wards, loading } = useWards();

  return <ListPicker {...props} options={wards} loading={loading} />;
};

/** The hamlets (residential groups) of one ward; none to offer before the ward is chosen. */
export const useHamlets = (unitId: string | null) => {
  const { data, isPending } = useGetList<Named>(
    'units',
    {
      filter: { level: 'hamlet', parentId: unitId },
      sort: referenceSort('units'),
      pagination: ALL,
    },
    { enabled: Boolean(unitId) },
  );

  return { hamlets: useMemo(() => byName(data), [data]), loading: Boolean(unitId) && isPending };
};

export const HamletPicker = (props: PickerProps & { unitId: string | null }) => {
  const { unitId, ...rest } = props;
  const { hamlets, loading } = useHamlets(unitId);

  return <ListPicker {...rest} options={hamlets} loading={loading} disabled={!unitId} />;
};

/** Collector companies serving the user's area. */
export const useCollectors = (enabled = true) => {
  const { data, isPending } = useGetList<Named>(
    'accounts',
    { filter: { kind: 'collector' }, sort: referenceSort('accounts'), pagination: ALL },
    { enabled },
  );

  return { collectors: useMemo(() => byName(data), [data]), loading: enabled && isPending };
};

export const CollectorPicker = (props: PickerProps) => {
  const { collectors, loading } = useCollectors();

  return <ListPicker {...props} options={collectors} loading={loading} />;
};

interface HouseholdOption extends RaRecord {
  code: string;
  ownerName: string;
  address?: string | null;
  hamletId?: string | null;
}

const SEARCH_DELAY_MS = 250;
const SEARCH_PAGE = 20;

/**
 * A household of the chosen ward (and hamlet, when one is chosen), found by typing its code,
 * owner, address or phone: the API searches, so a ward of thousands stays quick.
 */
export const HouseholdPicker = (
  props: PickerProps & { unitId: string | null; hamletId: string | null },
) => {
  const { unitId, hamletId, label, value, onChange, error, helperText, inputRef, required } = props;
  const texts = useAutocompleteTexts();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<HouseholdOption | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), SEARCH_DELAY_MS);

    return () => clearTimeout(timer);
  }, [input]);

  // Cleared from outside (a saved pickup, another ward): the picked option goes too.
  useEffect(() => {
    if (value === null) setChosen(null);
  }, [value]);

  const { data, isPending } = useGetList<HouseholdOption>(
    'households',
    {
      filter: { unitId, ...(hamletId ? { hamletId } : {}), ...(query ? { q: query } : {}) },
      sort: referenceSort('households'),
      pagination: { page: 1, perPage: SEARCH_PAGE },
    },
    { enabled: Boolean(unitId) },
  );
  const options = useMemo(() => {
    const found = data ?? [];

    return chosen && !found.some((h) => h.id === chosen.id) ? [chosen, ...found] : found;
  }, [data, chosen]);
  const selected = options.find((option) => option.id === value) ?? null;

  return (
    <Autocomplete
      {...texts}
      options={options}
      value={selected}
      loading={Boolean(unitId) && isPending}
      disabled={!unitId || props.disabled}
      autoHighlight
      // The API has filtered already; the list shows what it answered.
      filterOptions={(all) => all}
      getOptionLabel={(option) => `${option.code} · ${option.ownerName}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_, text, reason) => {
        if (reason !== 'reset') setInput(text);
      }}
      onChange={(_, option) => {
        setChosen(option);
        onChange(option ? String(option.id) : null);
      }}
      renderOption={({ key, ...optionProps }, option) => (
        <Box component="li" key={key} {...optionProps}>
          <Box>
            <Typography variant="body2">{`${option.code} · ${option.ownerName}`}</Typography>
            {option.address && (
              <Typography variant="caption" color="text.secondary">
                {option.address}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={inputRef}
          label={label}
          required={required}
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
    />
  );
};
