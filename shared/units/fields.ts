/** Administrative units: a tree from province down to hamlets (thôn, tổ dân phố). */
export const UNIT_LEVELS = [
  'province',
  'city',
  'district',
  'ward',
  'commune',
  'special-zone',
  'hamlet',
] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Levels that keep a household register: a household belongs to one of these. */
export const BASE_LEVELS: readonly UnitLevel[] = ['ward', 'commune', 'special-zone'];

export interface UnitInput {
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Unit extends UnitInput {
  id: string;
  unitPath: string;
  householdCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The path of a top-level unit is `/id/`; a child appends `id/`. */
export const childPath = (parentPath: string | null, id: string): string =>
  `${parentPath ?? '/'}${id}/`;

/** The unit ids of a path, from the top down. */
export const pathIds = (unitPath: string): string[] => unitPath.split('/').filter(Boolean);

/** True when `path` is `scope` or lies below it. Paths end in '/', so ids never half-match. */
export const isUnder = (path: string, scope: string): boolean => path.startsWith(scope);
