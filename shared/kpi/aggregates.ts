/**
 * Monthly collection aggregates per unit: one item per unit (every ancestor of a collection's
 * path, and the platform `*`) and Vietnam month, changed by ADD in the same transaction as the
 * collection it counts (shared/collections/writes.ts). KPI pages read these, never collections.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  REFUSAL_REASONS,
  SORTING_STATUSES,
  type StoredCollection,
  WASTE_GROUPS,
} from '../collections/fields';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys, PLATFORM } from '../db/keys';
import { pathIds } from '../units/fields';

/**
 * The counted fields. Weights are tenths of a kilogram: `w.<group>` over every pickup,
 * `wu.<group>` over unsorted pickups only (they all go where mixed waste goes). Pickups by
 * status and kind, households covered (a household pickup covers 1, a route pickup what it
 * says), refusals by reason, and the household-months counted under the unit: with at least one
 * household pickup (`hh.withPickups`) and sorting at source (`hh.sorting`, shared/kpi/sorting.ts).
 */
export const AGGREGATE_FIELDS = [
  ...WASTE_GROUPS.map((group) => `w.${group}`),
  ...WASTE_GROUPS.map((group) => `wu.${group}`),
  ...SORTING_STATUSES.map((status) => `n.${status}`),
  'n.household',
  'n.route',
  'covered',
  ...REFUSAL_REASONS.map((reason) => `r.${reason}`),
  'hh.withPickups',
  'hh.sorting',
] as const;
export type AggregateField = (typeof AGGREGATE_FIELDS)[number];
export type Aggregate = Record<AggregateField, number>;

export const emptyAggregate = (): Aggregate =>
  Object.fromEntries(AGGREGATE_FIELDS.map((field) => [field, 0])) as Aggregate;

export const isZero = (aggregate: Partial<Aggregate>): boolean =>
  Object.values(aggregate).every((value) => !value);

/** The units a path counts in: the platform, then every unit from the province down. */
export const countedUnits = (unitPath: string): string[] => [PLATFORM, ...pathIds(unitPath)];

/** What one collection adds to the aggregates of its units in its month (`sign` -1 removes it). */
export const collectionContribution = (
  collection: StoredCollection,
  sign: 1 | -1,
): Partial<Aggregate> => {
  const unsorted = collection.sortingStatus === 'unsorted';
  const add: Partial<Aggregate> = {};
  const bump = (field: AggregateField, by: number) => {
    if (by !== 0) add[field] = (add[field] ?? 0) + sign * by;
  };
  for (const group of WASTE_GROUPS) {
    bump(`w.${group}`, collection.weights[group]);
    if (unsorted) bump(`wu.${group}`, collection.weights[group]);
  }
  bump(`n.${collection.sortingStatus}`, 1);
  bump(collection.householdId ? 'n.household' : 'n.route', 1);
  bump('covered', collection.householdsCovered);
  if (collection.refusalReason) bump(`r.${collection.refusalReason}`, 1);

  return add;
};

/** Accumulates per (unit, month) deltas; `key` is `unitId|month`. */
export class AggregateDeltas {
  readonly byKey = new Map<string, Partial<Aggregate>>();

  add(unitPath: string, month: string, delta: Partial<Aggregate>): void {
    for (const unitId of countedUnits(unitPath)) {
      const key = `${unitId}|${month}`;
      const sum = this.byKey.get(key) ?? {};
      for (const [field, value] of Object.entries(delta) as Array<[AggregateField, number]>) {
        sum[field] = (sum[field] ?? 0) + value;
        if (sum[field] === 0) delete sum[field];
      }
      this.byKey.set(key, sum);
    }
  }

  /** Keys whose delta is not zero: each is one Update of the transaction. */
  nonZero(): Array<[string, Partial<Aggregate>]> {
    return [...this.byKey.entries()].filter(([, delta]) => !isZero(delta));
  }

  clone(): AggregateDeltas {
    const copy = new AggregateDeltas();
    for (const [key, delta] of this.byKey) copy.byKey.set(key, { ...delta });

    return copy;
  }
}

/** One ADD of every moved field, for the transaction that writes the collections. */
export const aggregateUpdate = (tableName: string, key: string, delta: Partial<Aggregate>) => {
  const [unitId, month] = key.split('|');
  const fields = Object.keys(delta) as AggregateField[];

  return {
    Update: {
      TableName: tableName,
      Key: keys.kpiMonth(unitId, month),
      UpdateExpression: `ADD ${fields.map((_, i) => `#f${i} :f${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(fields.map((field, i) => [`#f${i}`, field])),
      ExpressionAttributeValues: Object.fromEntries(
        fields.map((field, i) => [`:f${i}`, delta[field] as number]),
      ),
    },
  };
};

export const aggregateOf = (item: Record<string, unknown> | undefined): Aggregate => {
  const aggregate = emptyAggregate();
  for (const field of AGGREGATE_FIELDS) aggregate[field] = Number(item?.[field] ?? 0);

  return aggregate;
};

/** A unit's aggregates from `from` to `to` (months, both included): one query. */
export const aggregatesOfUnit = async (
  db: Db,
  unitId: string,
  from: string,
  to: string,
): Promise<Map<string, Aggregate>> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.kpiMonth(unitId, from).pk,
        ':from': keys.kpiMonth(unitId, from).sk,
        ':to': keys.kpiMonth(unitId, to).sk,
      },
    }),
  );
  // At most a few dozen months of small items: one page.
  return new Map(
    (result.Items ?? []).map((item) => [String(item.sk).slice('MONTH#'.length), aggregateOf(item)]),
  );
};

/** Aggregates of (unit, month) pairs, read by key in batches of 100. */
export const aggregatesOf = async (
  db: Db,
  pairs: Array<{ unitId: string; month: string }>,
): Promise<Map<string, Aggregate>> => {
  const items = await batchGet(
    db,
    pairs.map((pair) => keys.kpiMonth(pair.unitId, pair.month)),
  );

  return new Map(
    items.map((item) => [
      `${String(item.pk).slice('KPI#'.length)}|${String(item.sk).slice('MONTH#'.length)}`,
      aggregateOf(item),
    ]),
  );
};
