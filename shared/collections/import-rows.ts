import { choiceKey } from '../import/choices';
import type { Choice } from '../resources/types';
import { refusalReasonChoices, sortingStatusChoices } from './resource';

/** Columns a collection spreadsheet may have once mapped; anything else is rejected by name. */
export const COLLECTION_IMPORT_COLUMNS = [
  'at',
  'unitId',
  'hamletId',
  'householdCode',
  'householdId',
  'householdsCovered',
  'collectorId',
  'recyclableKg',
  'foodKg',
  'otherKg',
  'bulkyKg',
  'hazardousKg',
  'sortingStatus',
  'refusalReason',
  'note',
  'photoUrl',
] as const;

/** What collectors write besides the form's labels, folded. */
const ALIASES: Record<string, Record<string, string>> = {
  sortingStatus: {
    co: 'sorted',
    'co phan loai': 'sorted',
    'da phan loai': 'sorted',
    'phan loai': 'sorted',
    'mot phan': 'partly',
    'phan loai mot phan': 'partly',
    'chua dung': 'partly',
    khong: 'unsorted',
    'khong phan loai': 'unsorted',
    'chua phan loai': 'unsorted',
    'tu choi': 'refused',
    'tu choi thu': 'refused',
  },
  refusalReason: {
    'chua phan loai': 'not-sorted',
    'khong phan loai': 'not-sorted',
    'sai tui': 'wrong-bag',
    'sai bao bi': 'wrong-bag',
    'khong de rac': 'not-put-out',
    'khong co rac': 'not-put-out',
    'khong bo rac': 'not-put-out',
  },
};

const lookupOf = (field: string, choices: Choice[]): Map<string, string> => {
  const lookup = new Map<string, string>(Object.entries(ALIASES[field] ?? {}));
  for (const { id, name } of choices) {
    for (const text of [id, name.vi, name.en]) lookup.set(choiceKey(text), id);
  }

  return lookup;
};

const LOOKUPS: Record<string, Map<string, string>> = {
  sortingStatus: lookupOf('sortingStatus', sortingStatusChoices),
  refusalReason: lookupOf('refusalReason', refusalReasonChoices),
};

/**
 * One spreadsheet row (every cell a string) as the values the collection schema reads: choices
 * by id or Vietnamese label, blank cells left out. References (ward, hamlet, household code,
 * collector) are resolved by the import itself, which knows the ward.
 */
export const normalizeCollectionRow = (row: Record<string, string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(row)) {
    const value = raw.normalize('NFC').trim();
    if (value === '') continue;
    const lookup = LOOKUPS[field];
    out[field] = lookup ? (lookup.get(choiceKey(value)) ?? value) : value;
  }

  return out;
};
