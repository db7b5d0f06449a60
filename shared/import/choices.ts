import {
  feeClassChoices,
  householdKindChoices,
  inactiveReasonChoices,
  statusChoices,
} from '../households/resource';
import type { Choice } from '../resources/types';
import { fold } from '../text/fold';

/** "Hộ nghèo (miễn)", "ho ngheo mien", "HỘ NGHÈO - MIỄN" all read "ho ngheo mien". */
export const choiceKey = (value: string): string =>
  fold(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * What registers write besides the form's labels: the short forms people actually type.
 * Keys are folded; values are ids.
 */
const ALIASES: Record<string, Record<string, string>> = {
  kind: {
    ho: 'household',
    'gia dinh': 'household',
    'ho dan': 'household',
    'kinh doanh': 'business',
    'ho kinh doanh': 'business',
    'co so': 'business',
    'co quan': 'institution',
    'truong hoc': 'institution',
    truong: 'institution',
  },
  feeClass: {
    thuong: 'standard',
    'binh thuong': 'standard',
    'ho thuong': 'standard',
    ngheo: 'poor',
    'ho ngheo': 'poor',
    mien: 'poor',
    'mien phi': 'poor',
    'can ngheo': 'near-poor',
    'kd nho': 'business-small',
    'kd vua': 'business-medium',
    'kd lon': 'business-large',
  },
  status: {
    'hoat dong': 'active',
    'con hoat dong': 'active',
    'ngung hoat dong': 'inactive',
    'da ngung': 'inactive',
  },
  inactiveReason: {
    chuyen: 'moved-away',
    'chuyen noi khac': 'moved-away',
    nhap: 'merged',
    'giai toa': 'demolished',
    'khong con': 'demolished',
    khac: 'other',
  },
};

const CHOICES: Record<string, Choice[]> = {
  kind: householdKindChoices,
  feeClass: feeClassChoices,
  status: statusChoices,
  inactiveReason: inactiveReasonChoices,
};

const buildLookup = (field: string): Map<string, string> => {
  const lookup = new Map<string, string>(Object.entries(ALIASES[field] ?? {}));
  // Ids and labels last, so they win over an alias that happens to read the same.
  for (const { id, name } of CHOICES[field] ?? []) {
    for (const text of [id, name.vi, name.en]) lookup.set(choiceKey(text), id);
  }

  return lookup;
};

const LOOKUPS = new Map(Object.keys(CHOICES).map((field) => [field, buildLookup(field)]));

/** Fields whose values are one of a fixed list of ids. */
export const isChoiceField = (field: string): boolean => LOOKUPS.has(field);

/** The id a typed id or label stands for; undefined when it names none. */
export const choiceId = (field: string, value: string): string | undefined =>
  LOOKUPS.get(field)?.get(choiceKey(value));
