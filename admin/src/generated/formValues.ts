import type { FieldDef, ResourceDef } from '../../../shared/resources/types';

/**
 * The sorting input's "yes" with no date chosen yet. It is kept in the form (rather than
 * falling back to "unknown") so that validation can ask for the date.
 */
export const SORTING_DATE_PENDING = 'pending-date';

type Values = Record<string, unknown>;

const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const shown = (field: FieldDef, values: Values): boolean =>
  !field.showWhen || values[field.showWhen.source] === field.showWhen.equals;

/** A location is both numbers or nothing; a half-filled pair is left for validation to name. */
const locationValue = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return isBlank(value) ? null : value;
  const { lat, lng } = value as { lat?: unknown; lng?: unknown };
  if (isBlank(lat) && isBlank(lng)) return null;

  return { lat: isBlank(lat) ? null : lat, lng: isBlank(lng) ? null : lng };
};

/**
 * Form values as the API expects them: hidden conditional fields emptied (react-hook-form keeps
 * the values of unmounted inputs) and a blank location sent as null.
 */
export const normalizeFormValues = (def: ResourceDef, values: Values): Values => {
  const result: Values = { ...values };
  for (const field of def.fields) {
    if (!(field.source in result)) continue;
    if (!shown(field, values)) result[field.source] = null;
    else if (field.kind === 'location') result[field.source] = locationValue(result[field.source]);
  }

  return result;
};
