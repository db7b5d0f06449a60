/** Collections (lượt thu gom): what was picked up, when, from whom, and whether it was sorted. */

/** The legal groups of household waste, plus bulky and hazardous (DESIGN.md §2). */
export const WASTE_GROUPS = ['recyclable', 'food', 'other', 'bulky', 'hazardous'] as const;
export type WasteGroup = (typeof WASTE_GROUPS)[number];

export const SORTING_STATUSES = ['sorted', 'partly', 'unsorted', 'refused'] as const;
export type SortingStatus = (typeof SORTING_STATUSES)[number];

/** Why a collector refused a pickup; required exactly when the status is `refused`. */
export const REFUSAL_REASONS = ['not-sorted', 'wrong-bag', 'not-put-out'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The API field of each group's weight, in kilograms with one decimal. */
export const weightField = (group: WasteGroup): `${WasteGroup}Kg` => `${group}Kg`;
export const WEIGHT_FIELDS = WASTE_GROUPS.map(weightField);

/**
 * Plausible bounds of one record, so a typo (12500 for 12.5) is caught at entry. A household
 * of the `household` kind puts out about 1 kg per person a day; 500 kg still allows a bulky
 * pickup (a wardrobe, a mattress). Businesses, institutions and markets produce far more: a
 * market's daily waste fits in 5 t. A route or hamlet pickup is one truckload: compactor trucks
 * carry 8–12 t, so 20 t is beyond any one load. A larger quantity is recorded as several
 * pickups. Route pickups cover at most 2,000 households (a large ward's route).
 */
export const MAX_KG = {
  household: 500,
  otherSource: 5_000,
  route: 20_000,
} as const;
export const MAX_HOUSEHOLDS_COVERED = 2_000;

/** Pickups recorded before this are refused as typing mistakes (the platform started later). */
export const EARLIEST_PICKUP = '2015-01-01T00:00:00.000Z';
/** Clocks of phones and servers disagree by a little; a pickup "now" may be a few minutes ahead. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Weights as stored: whole tenths of a kilogram, so sums never drift. */
export type Tenths = Record<WasteGroup, number>;

export const zeroTenths = (): Tenths => ({
  recyclable: 0,
  food: 0,
  other: 0,
  bulky: 0,
  hazardous: 0,
});

/** 12.3 kg → 123 tenths. Inputs are checked to one decimal first, so rounding only removes float noise. */
export const toTenths = (kg: number): number => Math.round(kg * 10);
/** 123 tenths → 12.3 kg. */
export const toKg = (tenths: number): number => tenths / 10;

/** What a client writes. Weights in kilograms; the store keeps tenths. */
export interface CollectionInput {
  at: string;
  unitId: string;
  hamletId: string | null;
  householdId: string | null;
  householdsCovered: number | null;
  collectorId: string;
  recyclableKg: number;
  foodKg: number;
  otherKg: number;
  bulkyKg: number;
  hazardousKg: number;
  sortingStatus: SortingStatus;
  refusalReason: RefusalReason | null;
  note: string | null;
  photoUrl: string | null;
}

/** A stored collection, in the form the store works with (weights in tenths). */
export interface StoredCollection {
  id: string;
  at: string;
  /** Vietnam calendar month and day of `at`: what the KPIs count it in. */
  month: string;
  day: string;
  unitId: string;
  hamletId: string | null;
  householdId: string | null;
  householdsCovered: number;
  collectorId: string;
  weights: Tenths;
  sortingStatus: SortingStatus;
  refusalReason: RefusalReason | null;
  note: string | null;
  photoUrl: string | null;
  /** The household's path when it was recorded (its ward and hamlet), or the route's. */
  unitPath: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A collection as the API returns it: weights in kilograms, and their total. */
export type Collection = Omit<StoredCollection, 'weights'> &
  Record<`${WasteGroup}Kg`, number> & { totalKg: number };

export const SERVER_OWNED = [
  'id',
  'month',
  'day',
  'totalKg',
  'unitPath',
  'createdAt',
  'updatedAt',
] as const;
