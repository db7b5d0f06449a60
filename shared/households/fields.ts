/** The household register's vocabulary: the ten basic fields and the values they take. */

export const HOUSEHOLD_KINDS = ['household', 'business', 'institution', 'market', 'other'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export const FEE_CLASSES = [
  'standard',
  'poor',
  'near-poor',
  'business-small',
  'business-medium',
  'business-large',
] as const;
export type FeeClass = (typeof FEE_CLASSES)[number];

export const HOUSEHOLD_STATUSES = ['active', 'inactive'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const INACTIVE_REASONS = ['moved-away', 'merged', 'demolished', 'other'] as const;
export type InactiveReason = (typeof INACTIVE_REASONS)[number];

/** `sortingSince` holds a date, this marker, or null (not known yet). */
export const NOT_SORTING = 'not-sorting';
export type SortingState = 'yes' | 'no' | 'unknown';

/** The ten basic fields of DESIGN.md §4, in their order there. */
export const BASIC_FIELDS = [
  'code',
  'ownerName',
  'kind',
  'address',
  'hamletId',
  'phone',
  'members',
  'feeClass',
  'sortingSince',
  'collectorId',
] as const;
export type BasicField = (typeof BASIC_FIELDS)[number];

/** Complete is 10 of 10; fewer than this many is incomplete. */
export const COMPLETE_AT = BASIC_FIELDS.length;
export const INCOMPLETE_BELOW = 7;

export type CompletenessBand = 'complete' | 'partial' | 'incomplete';

export interface Location {
  lat: number;
  lng: number;
}

/** What a client may write. */
export interface HouseholdInput {
  code: string;
  ownerName: string;
  unitId: string;
  kind: HouseholdKind | null;
  address: string | null;
  hamletId: string | null;
  phone: string | null;
  members: number | null;
  feeClass: FeeClass | null;
  sortingSince: string | null;
  collectorId: string | null;
  status: HouseholdStatus;
  inactiveSince: string | null;
  inactiveReason: InactiveReason | null;
  location: Location | null;
  note: string | null;
}

/** A stored household as the API returns it. */
export interface Household extends HouseholdInput {
  id: string;
  unitPath: string;
  completeness: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const SERVER_OWNED = ['id', 'unitPath', 'completeness', 'createdAt', 'updatedAt'] as const;
