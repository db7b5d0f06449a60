/**
 * The single table's shape, described once: the local stack creates it from this, the CDK
 * stack declares it from this, and the data layer reads key names from it.
 *
 * Every item has `pk` and `sk`. Households are listed in Vietnamese order through five
 * path-level indexes: `byPath{n}` is keyed by the record's ancestor at depth n of its unit path
 * (depth 0 is the whole platform) and sorted by `nameKey`, a collation key whose byte order is
 * `Intl.Collator('vi')` order. Units and accounts are few per area and live in one `byTree`
 * index sorted by unit path, so "everything under this city" is a key-prefix query; collections
 * use the same index keyed by ward and Vietnam month, sorted by time. `byHousehold` holds what
 * belongs to one household in time order (its collections), so a household's sorting record reads
 * its own pickups of the last 90 days and nothing else.
 */
export const TABLE_NAME_DEFAULT = 'nguon';

export const PATH_LEVELS = 5;

/** Attributes the path-level indexes copy, so that list filters run inside the index. */
export const LIST_PROJECTED = [
  'kind',
  'feeClass',
  'sortingState',
  'status',
  'completeness',
  'search',
  'hamletId',
  'unitId',
  'code',
];

export interface IndexDef {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** 'ALL', or the non-key attributes to copy. */
  projection: 'ALL' | string[];
}

export const pathIndexName = (level: number): string => `byPath${level}`;
export const pathKeyAttr = (level: number): string => `p${level}`;

export const indexes: IndexDef[] = [
  ...Array.from({ length: PATH_LEVELS }, (_, level) => ({
    name: pathIndexName(level),
    partitionKey: pathKeyAttr(level),
    sortKey: 'nameKey',
    projection: LIST_PROJECTED,
  })),
  { name: 'byTree', partitionKey: 'treePk', sortKey: 'treeSk', projection: 'ALL' },
  { name: 'byHousehold', partitionKey: 'householdPk', sortKey: 'householdSk', projection: 'ALL' },
];

export const tableKeys = { partitionKey: 'pk', sortKey: 'sk' } as const;
