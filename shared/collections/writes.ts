/**
 * The transaction of a set of collection changes: the collections, their audit events, the
 * household-month tallies they move, each named household's collection count and existence,
 * and the monthly aggregates of every unit they count in — all in one TransactWriteItems, so
 * a KPI never disagrees with the collections it counts. Deltas are merged per item: a set of
 * changes touches each aggregate, tally and household once, whatever the number of changes.
 */
import { auditPut, SYSTEM_ACTOR } from '../audit/events';
import type { Principal } from '../auth/principal';
import { keys } from '../db/keys';
import type { TransactItem } from '../db/transact';
import {
  type Aggregate,
  AggregateDeltas,
  aggregateUpdate,
  collectionContribution,
} from '../kpi/aggregates';
import { isSorting, pickupsIn, placeOf, sameTally, type Tally, withPickup } from '../kpi/sorting';
import type { StoredCollection } from './fields';
import { collectionItem } from './record';
import { tallyKey, type TallyBook, type TallyEntry } from './tallies';

/** One collection's change: created (no before), updated (both) or deleted (no after). */
export interface CollectionChange {
  before?: StoredCollection;
  after?: StoredCollection;
}

/** What a transaction item guards, so a failed condition is answered with the right error. */
export type WriteGuard =
  | { kind: 'collection'; change: number }
  | { kind: 'tally' }
  | { kind: 'household'; householdId: string }
  | { kind: 'none' };

interface TallyMove {
  householdId: string;
  month: string;
  from: TallyEntry;
  to: Tally;
}

export const MAX_TRANSACTION_ITEMS = 100;

export class CollectionWrites {
  readonly changes: CollectionChange[] = [];
  private readonly tallies = new Map<string, TallyMove>();
  private readonly counts = new Map<string, number>();
  private readonly households = new Set<string>();
  private readonly deltas = new AggregateDeltas();

  constructor(private readonly book: TallyBook) {}

  /** Adds a change; the book must hold the tallies of the households and months it touches. */
  add(change: CollectionChange): void {
    this.changes.push(change);
    for (const [collection, sign] of [
      [change.before, -1],
      [change.after, 1],
    ] as const) {
      if (!collection) continue;
      this.deltas.add(
        collection.unitPath,
        collection.month,
        collectionContribution(collection, sign),
      );
      const householdId = collection.householdId;
      if (!householdId) continue;
      const key = tallyKey(householdId, collection.month);
      const move = this.tallies.get(key) ?? {
        householdId,
        month: collection.month,
        from: this.book.get(householdId, collection.month),
        to: this.book.get(householdId, collection.month).tally,
      };
      move.to = withPickup(move.to, collection, sign);
      this.tallies.set(key, move);
      this.counts.set(householdId, (this.counts.get(householdId) ?? 0) + sign);
      if (sign === 1) this.households.add(householdId);
    }
  }

  /** The aggregates with each household-month's move from its old place and status to the new. */
  private aggregateDeltas(): AggregateDeltas {
    const deltas = this.deltas.clone();
    for (const move of this.tallies.values()) {
      for (const [tally, sign] of [
        [move.from.tally, -1],
        [move.to, 1],
      ] as const) {
        const place = placeOf(tally);
        if (!place || pickupsIn(tally) === 0) continue;
        const hh: Partial<Aggregate> = { 'hh.withPickups': sign };
        if (isSorting(tally)) hh['hh.sorting'] = sign;
        deltas.add(place, move.month, hh);
      }
    }

    return deltas;
  }

  private movedTallies(): TallyMove[] {
    return [...this.tallies.values()].filter((move) => !sameTally(move.from.tally, move.to));
  }

  itemCount(): number {
    return (
      2 * this.changes.length +
      this.movedTallies().length +
      [...this.counts.values()].filter((count) => count !== 0).length +
      this.households.size +
      this.aggregateDeltas().nonZero().length
    );
  }

  /** The transaction's items, each with what it guards. */
  items(
    tableName: string,
    caller: Principal | undefined,
    now: string,
  ): Array<{ item: TransactItem; guard: WriteGuard }> {
    const out: Array<{ item: TransactItem; guard: WriteGuard }> = [];
    this.changes.forEach((change, index) => {
      out.push({
        item: collectionWrite(tableName, change),
        guard: { kind: 'collection', change: index },
      });
      out.push({ item: auditOf(tableName, change, caller, now), guard: { kind: 'none' } });
    });
    for (const move of this.movedTallies()) {
      out.push({ item: tallyWrite(tableName, move), guard: { kind: 'tally' } });
    }
    for (const [householdId, count] of this.counts) {
      if (count === 0) continue;
      out.push({
        item: {
          Update: {
            TableName: tableName,
            Key: keys.householdCollections(householdId),
            UpdateExpression: 'ADD #count :count',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':count': count },
          },
        },
        guard: { kind: 'none' },
      });
    }
    // A household deleted since it was read makes the transaction fail (its delete requires no
    // collections, shared/households/change-items.ts): no pickup points at a missing household.
    for (const householdId of this.households) {
      out.push({
        item: {
          ConditionCheck: {
            TableName: tableName,
            Key: keys.household(householdId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        guard: { kind: 'household', householdId },
      });
    }
    for (const [key, delta] of this.aggregateDeltas().nonZero()) {
      out.push({ item: aggregateUpdate(tableName, key, delta), guard: { kind: 'none' } });
    }

    return out;
  }

  /** After the transaction succeeded: the book holds the tallies as written. */
  commit(): void {
    for (const move of this.movedTallies()) {
      this.book.set(move.householdId, move.month, {
        tally: move.to,
        version: pickupsIn(move.to) === 0 ? 0 : move.from.version + 1,
      });
    }
  }
}

const collectionWrite = (tableName: string, change: CollectionChange): TransactItem => {
  const { before, after } = change;
  if (after) {
    return {
      Put: {
        TableName: tableName,
        Item: collectionItem(after),
        ...(before
          ? {
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':version': before.version },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    };
  }
  const gone = before as StoredCollection;

  return {
    Delete: {
      TableName: tableName,
      Key: keys.collection(gone.id),
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: { ':version': gone.version },
    },
  };
};

/** The tally as it will be, or gone when no pickup is left; conditioned on the version read. */
const tallyWrite = (tableName: string, move: TallyMove): TransactItem => {
  const key = keys.householdPickups(move.householdId, move.month);
  const condition =
    move.from.version > 0
      ? { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': move.from.version } }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
  if (pickupsIn(move.to) === 0) return { Delete: { TableName: tableName, Key: key, ...condition } };

  return {
    Put: {
      TableName: tableName,
      Item: {
        ...key,
        householdId: move.householdId,
        month: move.month,
        ...move.to,
        v: move.from.version + 1,
      },
      ...condition,
    },
  };
};

const auditOf = (
  tableName: string,
  change: CollectionChange,
  caller: Principal | undefined,
  at: string,
): TransactItem => {
  const record = (change.after ?? change.before) as StoredCollection;

  return auditPut(
    tableName,
    caller ?? SYSTEM_ACTOR,
    {
      resource: 'collections',
      recordId: record.id,
      action: !change.before ? 'create' : change.after ? 'update' : 'delete',
      unitPath: record.unitPath,
      before: change.before,
      after: change.after,
    },
    at,
  );
};
