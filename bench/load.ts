/**
 * Fast bulk load: stored items built by the product's `householdItem`, written with
 * BatchWriteItem (25 a request, a few requests in flight), then the register counters set to
 * the totals of what was written. This bypasses the transactional store on purpose: it is how
 * the table gets big quickly, not what is measured.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../shared/db/client';
import { keys } from '../shared/db/keys';
import { addCounterDeltas, type HouseholdCount } from '../shared/households/counters';
import type { Household } from '../shared/households/fields';
import { codeKeyOf, householdItem } from '../shared/households/record';

type Item = Record<string, unknown>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes one BatchWriteItem of up to 25 items, retrying what DynamoDB leaves unprocessed. */
export const batchWrite = async (db: Db, items: Item[]): Promise<void> => {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    const result = await db.doc.send(
      new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }),
    );
    pending = (result.UnprocessedItems?.[db.tableName] ?? []) as typeof pending;
    if (pending.length > 0) await sleep(10 * 2 ** Math.min(attempt, 6));
  }
};

/** Writes all items, 25 a request, with `concurrency` requests in flight. */
export const batchWriteAll = async (db: Db, items: Item[], concurrency: number): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const start = next;
      next += 25;
      await batchWrite(db, items.slice(start, start + 25));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

/** Register counters kept in memory across load stages, written as absolute values. */
export class Counters {
  readonly byUnit = new Map<string, HouseholdCount>();

  add(households: Household[]): void {
    for (const household of households) addCounterDeltas(this.byUnit, undefined, household);
  }

  items(): Item[] {
    return [...this.byUnit.entries()].map(([unitId, count]) => ({
      ...keys.householdCounter(unitId),
      ...count,
    }));
  }
}

/** Stored items of households: the household (with its index keys) and its code guard. */
export const storedItems = (households: Household[]): Item[] =>
  households.flatMap((household) => [
    householdItem(household),
    {
      ...keys.householdCode(household.unitId, codeKeyOf(household.code)),
      householdId: household.id,
    },
  ]);
