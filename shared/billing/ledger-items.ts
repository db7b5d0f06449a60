/**
 * Transaction items shared by issuing, voiding and paying. Each guards what it changes with a
 * condition, so two writers that read the same state cannot both succeed.
 */
import type { Db } from '../db/client';
import { batchGet, getItem } from '../db/items';
import { keys } from '../db/keys';
import type { TransactItem } from '../db/transact';

/** The year's sequence moved from `last` to `next`; fails if another writer moved it first. */
export const sequenceUpdate = (
  tableName: string,
  year: string,
  last: number,
  next: number,
): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: keys.invoiceSequence(year),
    UpdateExpression: 'SET #last = :next, #year = :year',
    ConditionExpression: last === 0 ? 'attribute_not_exists(pk)' : '#last = :last',
    ExpressionAttributeNames: { '#last': 'last', '#year': 'year' },
    ExpressionAttributeValues: {
      ':next': next,
      ':year': year,
      ...(last === 0 ? {} : { ':last': last }),
    },
  },
});

export const readSequence = async (db: Db, year: string): Promise<number> =>
  Number((await getItem(db, keys.invoiceSequence(year), true))?.last ?? 0);

/** Moves a month's totals; additions commute, so no condition is needed. */
export const totalsUpdate = (
  tableName: string,
  month: string,
  delta: { invoiced?: number; invoiceCount?: number; collected?: number; paymentCount?: number },
): TransactItem => {
  const entries = Object.entries(delta).filter(([, value]) => value !== undefined && value !== 0);

  return {
    Update: {
      TableName: tableName,
      Key: keys.billingTotals(month),
      UpdateExpression:
        `SET #month = :month` +
        (entries.length ? ` ADD ${entries.map(([name]) => `#${name} :${name}`).join(', ')}` : ''),
      ExpressionAttributeNames: {
        '#month': 'month',
        ...Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
      },
      ExpressionAttributeValues: {
        ':month': month,
        ...Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
      },
    },
  };
};

/**
 * Moves an account's credit by `delta`. Taking credit (delta < 0) requires at least that much
 * to be there, so credit is never spent twice; adding needs no condition.
 */
export const creditUpdate = (
  tableName: string,
  accountId: string,
  delta: number,
): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: keys.accountCredit(accountId),
    UpdateExpression: 'SET accountId = :account ADD credit :delta',
    ...(delta < 0 ? { ConditionExpression: 'credit >= :needed' } : {}),
    ExpressionAttributeValues: {
      ':account': accountId,
      ':delta': delta,
      ...(delta < 0 ? { ':needed': -delta } : {}),
    },
  },
});

/** Credits by account, strongly consistent; an account without an item has none. */
export const readCredits = async (db: Db, accountIds: string[]): Promise<Map<string, number>> => {
  const items = await batchGet(db, accountIds.map(keys.accountCredit), true);
  const credits = new Map(accountIds.map((id) => [id, 0]));
  for (const item of items) credits.set(String(item.accountId), Number(item.credit ?? 0));

  return credits;
};
