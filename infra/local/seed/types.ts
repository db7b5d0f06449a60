/** Shapes of the demo data, as the database seeding reads them. */

export type UnitLevel = 'province' | 'city' | 'ward' | 'commune' | 'hamlet';

export interface SeedUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  /** ISO date 'YYYY-MM-DD'; null = valid since before the platform's records. */
  validFrom: string | null;
  /** ISO date, exclusive; null = still valid. */
  validTo: string | null;
}

export type AccountKind =
  | 'province-office'
  | 'environment-office'
  | 'ward-committee'
  | 'commune-committee'
  | 'collector'
  | 'operator';

export interface SeedAccount {
  id: string;
  name: string;
  kind: AccountKind;
  /** null only for the operator, whose account covers everything. */
  unitId: string | null;
  contactName: string;
  phone: string;
  email: string;
  status: 'active';
  activatedOn: string;
}

export type HouseholdKind = 'household' | 'business' | 'institution' | 'market' | 'other';

export type FeeClass =
  'standard' | 'poor' | 'near-poor' | 'business-small' | 'business-medium' | 'business-large';

export type InactiveReason = 'moved-away' | 'merged' | 'demolished' | 'other';

export interface SeedHousehold {
  code: string;
  ownerName: string;
  unitId: string;
  kind?: HouseholdKind;
  address?: string;
  hamletId?: string;
  phone?: string;
  members?: number;
  feeClass?: FeeClass;
  /** A date, declared not sorting, or null/absent = unknown. */
  sortingSince?: string | 'not-sorting' | null;
  collectorId?: string;
  location?: { lat: number; lng: number };
  note?: string;
  status: 'active' | 'inactive';
  inactiveSince?: string;
  inactiveReason?: InactiveReason;
}
