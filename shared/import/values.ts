import { NOT_SORTING } from '../households/fields';
import { choiceId, choiceKey, isChoiceField } from './choices';
import { householdImportTargets } from './columns';
import { toIsoDate } from './dates';

/** What registers write for "does not sort at source", folded. */
const NOT_SORTING_WORDS = new Set([
  'khong',
  'khong phan loai',
  'chua phan loai',
  'no',
  'not sorting',
]);
/** "Not known yet": left out, so the stored value stays as it is. */
const UNKNOWN_WORDS = new Set(['chua ro', 'unknown', 'khong ro']);

const IMPORT_FIELDS = new Set(householdImportTargets.map((t) => t.field));
const DATE_FIELDS = new Set(['sortingSince', 'inactiveSince']);

/**
 * Excel drops the leading zero of a phone typed as a number: a mobile (03x, 05x, 07x, 08x, 09x)
 * comes back as 9 digits, a landline (02xx) as 10. Anything else is left for the schema,
 * which knows every valid form and says what is wrong.
 */
const restorePhoneZero = (value: string): string => {
  const digits = value.replace(/[\s.-]/g, '');
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) return `0${digits}`;

  return value;
};

/** "12,25" (comma decimal, as Vietnamese Excel writes) and "12.25" are both 12.25. */
const toCoordinate = (value: string): number | string => {
  const text = /^[+-]?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;

  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : value;
};

const normalizeValue = (field: string, value: string): unknown => {
  if (field === 'members') return /^\d+$/.test(value) ? Number(value) : value;
  if (field === 'phone') return restorePhoneZero(value);
  if (isChoiceField(field)) return choiceId(field, value) ?? value;

  if (field === 'sortingSince') {
    const key = choiceKey(value);
    if (NOT_SORTING_WORDS.has(key)) return NOT_SORTING;
    if (UNKNOWN_WORDS.has(key)) return undefined;
  }
  // An impossible date stays as typed, so the schema rejects it instead of storing a guess.
  if (DATE_FIELDS.has(field)) return toIsoDate(value) ?? value;

  return value;
};

/**
 * Turns one import record (strings from a spreadsheet) into input values the household schema
 * accepts. Unknown keys are passed through unchanged (the schema rejects them).
 */
export function normalizeImportRecord(record: Record<string, string>): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  const coordinates: { lat?: unknown; lng?: unknown } = {};

  for (const [field, raw] of Object.entries(record)) {
    // The batch endpoint receives this from a client: anything unexpected is left as sent,
    // for the schema to reject with its own message.
    if (!IMPORT_FIELDS.has(field) || typeof raw !== 'string') {
      entries.push([field, raw]);
      continue;
    }
    const value = raw.normalize('NFC').trim();
    // A blank cell leaves the stored value as it is.
    if (value === '') continue;

    if (field === 'lat' || field === 'lng') {
      coordinates[field] = toCoordinate(value);
      continue;
    }
    const normalized = normalizeValue(field, value);
    if (normalized !== undefined) entries.push([field, normalized]);
  }

  // One of the two alone still becomes a location, so the schema names the missing half.
  if ('lat' in coordinates || 'lng' in coordinates) {
    entries.push(['location', { lat: coordinates.lat, lng: coordinates.lng }]);
  }

  return Object.fromEntries(entries);
}
