import { billTreePk, keys, stripInternal } from '../db/keys';
import { codeKeyOf } from '../households/record';
import { isMonth } from '../time/days';
import type { Bill, BillStatus } from './fields';

export const billId = (householdId: string, month: string) => `${householdId}.${month}`;

/** The key of a bill id, or undefined when the id is not one. */
export const billKeyOf = (id: string): { pk: string; sk: string } | undefined => {
  const dot = id.lastIndexOf('.');
  const month = id.slice(dot + 1);

  return dot > 0 && isMonth(month) ? keys.bill(id.slice(0, dot), month) : undefined;
};

/** Unpaid first in a ward's month, so following up what is owed is one key range. */
const STATUS_ORDER: Record<BillStatus, string> = {
  unpaid: '1',
  paid: '2',
  waived: '3',
  cancelled: '4',
};

/** Bills without a hamlet sort after every hamlet. */
const NO_HAMLET = '~';

export const statusPrefix = (status: BillStatus) => `${STATUS_ORDER[status]}#`;

export const hamletPrefix = (status: BillStatus, hamletId: string | null) =>
  `${statusPrefix(status)}${hamletId ?? NO_HAMLET}#`;

/** Where a bill sits in its ward's month: status, hamlet, household code. */
export const billTreeSk = (bill: Pick<Bill, 'status' | 'hamletId' | 'householdCode' | 'id'>) =>
  `${hamletPrefix(bill.status, bill.hamletId)}${codeKeyOf(bill.householdCode)}#${bill.id}`;

/** The stored item: the bill, its key, and its place in the tree index. */
export const billItem = (bill: Bill): Record<string, unknown> => ({
  ...keys.bill(bill.householdId, bill.month),
  ...bill,
  treePk: billTreePk(bill.unitId, bill.month),
  treeSk: billTreeSk(bill),
});

export const billOf = (item: Record<string, unknown>): Bill => stripInternal<Bill>(item);

/** The item that holds a bill's reference. */
export const referenceItem = (bill: Pick<Bill, 'reference' | 'id'>) => ({
  ...keys.billReference(bill.reference),
  billId: bill.id,
});
