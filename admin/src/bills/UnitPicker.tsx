import { Autocomplete, TextField } from '@mui/material';
import { useEffect } from 'react';
import { type RaRecord, useGetList, useTranslate } from 'react-admin';
import { viCollator } from '../../../shared/text/collation';
import { BASE_LEVELS, type UnitLevel } from '../../../shared/units/fields';

interface Unit extends RaRecord {
  name: string;
  level: UnitLevel;
  unitPath: string;
}

interface Props {
  value: string | null;
  onChange: (unitId: string | null) => void;
  /** The levels offered; all the caller sees when absent. */
  levels?: readonly UnitLevel[];
  label: string;
  helperText?: string;
}

/** Each unit under its parent, by name: "Phường Vĩnh Hải › Tổ dân phố 1". */
const byPath = (units: Unit[]) => {
  const names = new Map(units.map((unit) => [String(unit.id), unit.name]));
  const labelOf = (unit: Unit) =>
    unit.unitPath
      .split('/')
      .filter(Boolean)
      .map((id) => names.get(id))
      .filter(Boolean)
      .join(' › ');

  return units
    .map((unit) => ({ ...unit, label: labelOf(unit) }))
    .sort((a, b) => viCollator.compare(a.label, b.label));
};

/**
 * A unit of the caller's area, typed or picked; a ward's officer has one ward, chosen for them.
 * The units of an area are a few hundred at most: fetched once, filtered in place.
 */
export const UnitPicker = ({ value, onChange, levels, label, helperText }: Props) => {
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<Unit>('units', {
    filter: levels ? { level: [...levels] } : {},
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  const units = byPath(data);
  const selected = units.find((unit) => unit.id === value) ?? null;
  // A ward's officer sees one ward (and its hamlets): it is chosen for them.
  const wards = units.filter((unit) => BASE_LEVELS.includes(unit.level));
  const only = wards.length === 1 ? String(wards[0].id) : null;

  useEffect(() => {
    if (only && value === null) onChange(only);
  }, [only, value, onChange]);

  return (
    <Autocomplete
      options={units}
      value={selected}
      loading={isPending}
      getOptionLabel={(unit) => unit.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_, unit) => onChange(unit ? String(unit.id) : null)}
      noOptionsText={translate('nguon.no_options')}
      loadingText={translate('ra.message.loading')}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} />}
    />
  );
};
