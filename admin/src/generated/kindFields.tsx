import { Chip, Tooltip, Typography } from '@mui/material';
import {
  useFieldValue,
  useGetMany,
  useTranslate,
  type FieldProps,
  type TranslateFunction,
} from 'react-admin';
import { bandOf } from '../../../shared/households/completeness';
import { COMPLETE_AT, NOT_SORTING } from '../../../shared/households/fields';
import { pathIds } from '../../../shared/units/fields';
import { formatDate, formatDateTime } from '../format/dates';
import { formatPhone } from '../format/phone';

/** Field components for the kinds react-admin has no field for. */

const Text = ({ children, nowrap }: { children: string; nowrap?: boolean }) => (
  <Typography component="span" variant="body2" sx={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
    {children}
  </Typography>
);

export const DateTextField = ({ source, withTime }: FieldProps & { withTime?: boolean }) => {
  const value = useFieldValue({ source }) as string | null | undefined;

  return <Text nowrap>{withTime ? formatDateTime(value) : formatDate(value)}</Text>;
};

export const PhoneField = ({ source }: FieldProps) => {
  const value = useFieldValue({ source }) as string | null | undefined;

  // A phone number broken over two lines reads as two numbers.
  return <Text nowrap>{formatPhone(value)}</Text>;
};

/** "Từ 01/05/2024", "Không phân loại" or "Chưa rõ": one stored value read as people say it. */
export const sortingText = (value: unknown, translate: TranslateFunction): string => {
  if (!value) return translate('nguon.sorting.unknown');
  if (value === NOT_SORTING) return translate('nguon.sorting.no');

  return translate('nguon.sorting.since', { date: formatDate(String(value)) });
};

export const SortingSinceField = ({ source }: FieldProps) => {
  const value = useFieldValue({ source }) as string | null | undefined;
  const translate = useTranslate();

  return <Text>{sortingText(value, translate)}</Text>;
};

export const LocationField = ({ source }: FieldProps) => {
  const value = useFieldValue({ source }) as { lat: number; lng: number } | null | undefined;

  return <Text>{value ? `${value.lat}, ${value.lng}` : ''}</Text>;
};

const bandColours = { complete: 'success', partial: 'warning', incomplete: 'error' } as const;

/** "7/10" in green, amber or red: how far a household's ten basic fields are filled. */
export const CompletenessField = ({ source }: FieldProps) => {
  const value = useFieldValue({ source }) as number | null | undefined;
  const translate = useTranslate();
  if (value === null || value === undefined) return null;
  const band = bandOf(value);

  return (
    <Tooltip title={translate(`nguon.completeness.${band}`)}>
      <Chip
        size="small"
        color={bandColours[band]}
        label={`${value}/${COMPLETE_AT}`}
        sx={{ fontVariantNumeric: 'tabular-nums' }}
      />
    </Tooltip>
  );
};

/** A unit path is a chain of ids; people read it as names, "Khánh Hòa › Nha Trang › …". */
export const UnitPathField = ({ source }: FieldProps) => {
  const value = useFieldValue({ source }) as string | null | undefined;
  const ids = value ? pathIds(value) : [];
  const { data, isPending } = useGetMany('units', { ids }, { enabled: ids.length > 0 });
  if (ids.length === 0) return null;
  if (isPending) return <Text>{ids.join(' › ')}</Text>;
  const names = new Map((data ?? []).map((unit) => [String(unit.id), String(unit.name)]));

  return <Text>{ids.map((id) => names.get(id) ?? id).join(' › ')}</Text>;
};
