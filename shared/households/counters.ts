import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys, PLATFORM } from '../db/keys';
import type { TransactItem } from '../db/transact';
import { ictMonth } from '../time/ict';
import { pathIds } from '../units/fields';
import { bandOf } from './completeness';

/**
 * Register counters per unit: how many households lie below it, how many are active, complete
 * (10/10) and incomplete (< 7). They change in the same transaction as the households they
 * count, so an unfiltered list total and the digitisation dashboard never read households.
 */
export interface HouseholdCount {
  total: number;
  active: number;
  complete: number;
  incomplete: number;
}

const COUNT_FIELDS = ['total', 'active', 'complete', 'incomplete'] as const;

interface Counted {
  unitPath: string;
  status: string;
  completeness: number;
}

const contribution = (household: Counted, sign: 1 | -1): HouseholdCount => {
  const band = bandOf(household.completeness);

  return {
    total: sign,
    active: household.status === 'active' ? sign : 0,
    complete: band === 'complete' ? sign : 0,
    incomplete: band === 'incomplete' ? sign : 0,
  };
};

/** Adds the change from `before` to `after` (either may be absent) into `deltas`. */
export const addCounterDeltas = (
  deltas: Map<string, HouseholdCount>,
  before: Counted | undefined,
  after: Counted | undefined,
): void => {
  for (const [household, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!household) continue;
    const change = contribution(household, sign);
    for (const unitId of [PLATFORM, ...pathIds(household.unitPath)]) {
      const sum = deltas.get(unitId) ?? { total: 0, active: 0, complete: 0, incomplete: 0 };
      for (const field of COUNT_FIELDS) sum[field] += change[field];
      deltas.set(unitId, sum);
    }
  }
};

/** Items each unit whose counts move adds to a transaction: its counter and its month's moves. */
export const COUNTER_ITEMS_PER_UNIT = 2;

const addUpdate = (tableName: string, key: { pk: string; sk: string }, delta: HouseholdCount) => ({
  Update: {
    TableName: tableName,
    Key: key,
    UpdateExpression: `ADD ${COUNT_FIELDS.map((f) => `#${f} :${f}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(COUNT_FIELDS.map((f) => [`#${f}`, f])),
    ExpressionAttributeValues: Object.fromEntries(COUNT_FIELDS.map((f) => [`:${f}`, delta[f]])),
  },
});

/**
 * Two updates per unit whose counts changed, for the transaction that writes the households:
 * the counter itself, and the same move added to the unit's month (Vietnam time) so that the
 * register of any past month can be read back as the counter minus the moves made since.
 */
export const counterUpdates = (
  tableName: string,
  deltas: Map<string, HouseholdCount>,
  month = ictMonth(new Date()),
): TransactItem[] =>
  [...deltas.entries()]
    .filter(([, delta]) => COUNT_FIELDS.some((field) => delta[field] !== 0))
    .flatMap(([unitId, delta]) => [
      addUpdate(tableName, keys.householdCounter(unitId), delta),
      addUpdate(tableName, keys.householdCounterMonth(unitId, month), delta),
    ]);

export const countOf = (item: Record<string, unknown> | undefined): HouseholdCount => ({
  total: Number(item?.total ?? 0),
  active: Number(item?.active ?? 0),
  complete: Number(item?.complete ?? 0),
  incomplete: Number(item?.incomplete ?? 0),
});

export const householdCounts = async (
  db: Db,
  unitIds: string[],
): Promise<Map<string, HouseholdCount>> => {
  const items = await batchGet(db, unitIds.map(keys.householdCounter));

  return new Map(items.map((item) => [String(item.pk).slice('COUNTER#'.length), countOf(item)]));
};
