import { Autocomplete, TextField } from '@mui/material';
import { useEffect } from 'react';
import { useGetList, useTranslate, type RaRecord } from 'react-admin';
import { BASE_LEVELS } from '../../../../shared/units/fields';
import { viCollator } from '../../../../shared/text/collation';

interface Ward extends RaRecord {
  name: string;
}

interface Props {
  value: string | null;
  onChange: (unitId: string | null) => void;
  disabled?: boolean;
}

/** A city has a few dozen wards and communes: they are fetched once and filtered in place. */
export const WardPicker = ({ value, onChange, disabled }: Props) => {
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<Ward>('units', {
    filter: { level: [...BASE_LEVELS] },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  const wards = [...data].sort((a, b) => viCollator.compare(a.name, b.name));
  const selected = wards.find((ward) => ward.id === value) ?? null;
  const only = wards.length === 1 ? String(wards[0].id) : null;

  // A ward officer sees only their own ward: it is the one the rows go to, always.
  useEffect(() => {
    if (only && value === null) onChange(only);
  }, [only, value, onChange]);

  return (
    <Autocomplete
      options={wards}
      value={selected}
      loading={isPending}
      disabled={disabled}
      getOptionLabel={(ward) => ward.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_, ward) => onChange(ward ? String(ward.id) : null)}
      sx={{ maxWidth: 420 }}
      noOptionsText={translate('nguon.no_options')}
      loadingText={translate('ra.message.loading')}
      clearText={translate('ra.action.clear_input_value')}
      openText={translate('ra.action.open')}
      closeText={translate('ra.action.close')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('nguon.import.ward')}
          helperText={translate('nguon.import.ward_help')}
        />
      )}
    />
  );
};
