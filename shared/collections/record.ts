import { collectionTreePk, householdCollectionsPk, keys } from '../db/keys';
import { ictDate, ictMonth } from '../time/ict';
import {
  type Collection,
  type CollectionInput,
  type StoredCollection,
  type Tenths,
  toKg,
  toTenths,
  WASTE_GROUPS,
  weightField,
} from './fields';

/** The stored item: the collection plus the keys of the two indexes it appears in. */
export const collectionItem = (collection: StoredCollection): Record<string, unknown> => ({
  ...keys.collection(collection.id),
  ...collection,
  // Listed per ward and month, newest first.
  treePk: collectionTreePk(collection.unitId, collection.month),
  treeSk: `${collection.at}#${collection.id}`,
  // A household's own pickups, for its sorting record; route pickups have no household.
  ...(collection.householdId
    ? {
        householdPk: householdCollectionsPk(collection.householdId),
        householdSk: `${collection.at}#${collection.id}`,
      }
    : {}),
});

const INTERNAL = ['pk', 'sk', 'treePk', 'treeSk', 'householdPk', 'householdSk'];

export const storedOf = (item: Record<string, unknown>): StoredCollection => {
  const copy = { ...item };
  for (const attribute of INTERNAL) delete copy[attribute];

  return copy as unknown as StoredCollection;
};

const totalTenths = (weights: Tenths): number =>
  WASTE_GROUPS.reduce((sum, group) => sum + weights[group], 0);

/** The API form: kilograms with one decimal per group, and their total. */
export const collectionOf = (stored: StoredCollection): Collection => {
  const { weights, ...rest } = stored;

  return {
    ...rest,
    ...(Object.fromEntries(WASTE_GROUPS.map((g) => [weightField(g), toKg(weights[g])])) as Record<
      `${(typeof WASTE_GROUPS)[number]}Kg`,
      number
    >),
    totalKg: toKg(totalTenths(weights)),
  };
};

export const tenthsOf = (input: CollectionInput): Tenths =>
  Object.fromEntries(WASTE_GROUPS.map((g) => [g, toTenths(input[weightField(g)])])) as Tenths;

export const totalKgOf = (input: CollectionInput): number => toKg(totalTenths(tenthsOf(input)));

/** Builds the next stored state from validated input and the path it was resolved to. */
export const nextCollection = (
  input: CollectionInput,
  resolved: { unitPath: string; hamletId: string | null },
  base: { id: string; createdAt: string; version: number },
  now: string,
): StoredCollection => ({
  id: base.id,
  at: input.at,
  month: ictMonth(input.at),
  day: ictDate(input.at),
  unitId: input.unitId,
  hamletId: resolved.hamletId,
  householdId: input.householdId,
  householdsCovered: input.householdId ? 1 : (input.householdsCovered ?? 1),
  collectorId: input.collectorId,
  weights: tenthsOf(input),
  sortingStatus: input.sortingStatus,
  refusalReason: input.refusalReason,
  note: input.note,
  photoUrl: input.photoUrl,
  unitPath: resolved.unitPath,
  createdAt: base.createdAt,
  updatedAt: now,
  version: base.version,
});

const CONTENT = [
  'at',
  'unitId',
  'hamletId',
  'householdId',
  'householdsCovered',
  'collectorId',
  'sortingStatus',
  'refusalReason',
  'note',
  'photoUrl',
  'unitPath',
] as const;

/** Same pickup, same facts: a re-imported row that changes nothing writes nothing. */
export const sameContent = (a: StoredCollection, b: StoredCollection): boolean =>
  CONTENT.every((field) => (a[field] ?? null) === (b[field] ?? null)) &&
  WASTE_GROUPS.every((group) => a.weights[group] === b.weights[group]);
