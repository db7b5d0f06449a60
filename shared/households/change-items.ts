import { keys } from '../db/keys';
import type { TransactItem } from '../db/transact';
import { ConflictError } from '../errors';
import type { Household } from './fields';
import { codeKeyOf, householdItem } from './record';

/** One household's change: created (no before), updated (both) or deleted (no after). */
export interface HouseholdChange {
  before?: Household;
  after?: Household;
}

const codeItemKey = (household: Household) =>
  keys.householdCode(household.unitId, codeKeyOf(household.code));

/** What an item of a change guards, so a failed condition names the right error. */
export type Guard = 'record' | 'code' | 'collections' | 'bills' | 'none';

interface GuardedItem {
  item: TransactItem;
  guard: Guard;
}

/**
 * A household named by collections is never deleted (it is made inactive instead): the delete
 * removes the household's collection count only when it is absent or zero, in the same
 * transaction, so a pickup recorded at the same moment either lands first (and the delete
 * fails) or finds the household gone (shared/collections).
 */
const collectionsGuard = (tableName: string, household: Household): GuardedItem => ({
  item: {
    Delete: {
      TableName: tableName,
      Key: keys.householdCollections(household.id),
      ConditionExpression: 'attribute_not_exists(pk) OR #count <= :zero',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':zero': 0 },
    },
  },
  guard: 'collections',
});

/**
 * A household with fee bills is never deleted either: the delete removes its bill count only
 * when absent or zero, and a bill run checks the household exists in the transaction that adds
 * to the count (shared/bills/run.ts), so a bill never names a missing household.
 */
const billsGuard = (tableName: string, household: Household): GuardedItem => ({
  item: {
    Delete: {
      TableName: tableName,
      Key: keys.householdBills(household.id),
      ConditionExpression: 'attribute_not_exists(pk) OR #count <= :zero',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':zero': 0 },
    },
  },
  guard: 'bills',
});

/** The transaction items of one change, each tagged with what it guards. */
export const changeItems = (tableName: string, change: HouseholdChange): GuardedItem[] => {
  const { before, after } = change;
  const items: GuardedItem[] = [];

  if (after) {
    items.push({
      guard: 'record',
      item: {
        Put: {
          TableName: tableName,
          Item: householdItem(after),
          ...(before
            ? {
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': before.version },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
    });
  } else if (before) {
    items.push({
      guard: 'record',
      item: {
        Delete: {
          TableName: tableName,
          Key: keys.household(before.id),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': before.version },
        },
      },
    });
    items.push(collectionsGuard(tableName, before));
    items.push(billsGuard(tableName, before));
  }

  const oldCode = before ? codeItemKey(before) : undefined;
  const newCode = after ? codeItemKey(after) : undefined;
  if (oldCode && oldCode.pk !== newCode?.pk) {
    items.push({ guard: 'none', item: { Delete: { TableName: tableName, Key: oldCode } } });
  }
  if (newCode && newCode.pk !== oldCode?.pk) {
    items.push({
      guard: 'code',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...newCode, householdId: after?.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
  }

  return items;
};

export const householdHasBills = () =>
  new ConflictError(
    'Hộ đã có hóa đơn phí rác nên không xóa được; hãy chuyển trạng thái sang "Ngừng" (ghi ngày và lý do ngừng) thay vì xóa',
    'household.has_bills',
    { status: 'Chuyển sang "Ngừng" thay vì xóa' },
  );

export const householdHasCollections = () =>
  new ConflictError(
    'Hộ đã có lượt thu gom nên không xóa được; hãy chuyển trạng thái sang "Ngừng" (ghi ngày và lý do ngừng) thay vì xóa',
    'household.has_collections',
    { status: 'Chuyển sang "Ngừng" thay vì xóa' },
  );
