/**
 * Writing the bills of a run: each bill with its reference guard, its household's bill count
 * (which keeps the household from being deleted), a check that the household still exists, and
 * its audit event, in transactions of BILLS_PER_TRANSACTION bills. A bill is written only if
 * absent, so a bill another run made meanwhile is dropped, not repeated.
 */
import { type Actor, auditPut } from '../audit/events';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { ConflictError } from '../errors';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import type { Bill } from './fields';
import { billItem, referenceItem } from './record';
import { newReference } from './reference';

/** Five items a bill: 20 bills fill DynamoDB's 100-item transaction. */
export const BILLS_PER_TRANSACTION = 20;
const ITEMS_PER_BILL = 5;
/** Rounds of retries for one group (lost races, a repeated reference) before giving up. */
const MAX_ROUNDS = 20;

const billItems = (tableName: string, bill: Bill, actor: Actor): TransactItem[] => [
  {
    Put: {
      TableName: tableName,
      Item: billItem(bill),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  {
    Put: {
      TableName: tableName,
      Item: referenceItem(bill),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  {
    Update: {
      TableName: tableName,
      Key: keys.householdBills(bill.householdId),
      UpdateExpression: 'ADD #count :one',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':one': 1 },
    },
  },
  // A household deleted since it was read fails the transaction: no bill names a missing one.
  {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.household(bill.householdId),
      ConditionExpression: 'attribute_exists(pk)',
    },
  },
  auditPut(
    tableName,
    actor,
    {
      resource: 'bills',
      recordId: bill.id,
      action: 'create',
      unitPath: bill.unitPath,
      after: bill,
    },
    bill.createdAt,
  ),
];

/**
 * Writes bills in groups; a group that loses a race is written again without the bills another
 * run made meanwhile (or whose household is gone), with fresh references where one was taken.
 */
export const writeBills = async (
  db: Db,
  bills: Bill[],
  actor: Actor,
): Promise<{ created: Bill[]; alreadyBilled: number; gone: number }> => {
  const created: Bill[] = [];
  let alreadyBilled = 0;
  let gone = 0;
  for (let start = 0; start < bills.length; start += BILLS_PER_TRANSACTION) {
    let group = bills.slice(start, start + BILLS_PER_TRANSACTION);
    for (let round = 1; group.length > 0; round += 1) {
      if (round > MAX_ROUNDS) {
        throw new ConflictError(
          'Đang có lần lập hóa đơn khác ghi cùng các hộ này; hãy chạy lại sau ít phút',
          'bill.run_busy',
        );
      }
      try {
        await transactWrite(
          db,
          group.flatMap((bill) => billItems(db.tableName, bill, actor)),
        );
        created.push(...group);
        group = [];
      } catch (error) {
        if (!(error instanceof TransactionCancelled)) throw error;
        const failed = (index: number, item: number) =>
          error.reasons[index * ITEMS_PER_BILL + item] === 'ConditionalCheckFailed';
        // The bills made meanwhile, read again rather than trusted to the reasons alone.
        const made = new Set(
          (
            await batchGet(
              db,
              group.map((bill) => keys.bill(bill.householdId, bill.month)),
              true,
            )
          ).map((item) => String(item.id)),
        );
        const next: Bill[] = [];
        group.forEach((bill, index) => {
          if (made.has(bill.id)) alreadyBilled += 1;
          else if (failed(index, 3)) gone += 1;
          else next.push(failed(index, 1) ? { ...bill, reference: newReference() } : bill);
        });
        group = next;
      }
    }
  }

  return { created, alreadyBilled, gone };
};
