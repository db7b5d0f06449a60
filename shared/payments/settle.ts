/**
 * Settling bills with money received: the one way a fee payment is recorded, for webhooks, the
 * lost-notification check, cash receipts and bank statements alike.
 *
 * Exactly once: the payment, a guard item holding its (method, reference), the bills it pays
 * and its audit event are one transaction, and the guard must not exist yet. Ten identical
 * calls at once make one payment; the nine others find the guard and answer `duplicate` with the
 * payment the first one made. A bill that moved meanwhile (paid by another gateway, waived) fails
 * its condition: the bills are read again and the payment judged again, a few times.
 *
 * What is not a clean settlement is still kept, never lost, for finance to resolve
 * (reconcile.ts): no bill → `unmatched`; an amount other than the bills' → `flagged`; a bill no
 * longer unpaid → `overpayment`. In those cases the bills are left exactly as they were.
 */
import { randomBytes } from 'node:crypto';
import { type Actor, auditPut, SYSTEM_ACTOR } from '../audit/events';
import type { Bill } from '../bills/fields';
import { billPaidItems, getBills } from '../bills/store';
import type { Db } from '../db/client';
import { getItem } from '../db/items';
import { keys, stripInternal } from '../db/keys';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError, ValidationError } from '../errors';
import {
  PAYMENT_METHODS,
  type Payment,
  type PaymentMethod,
  type PaymentStatus,
  paymentItem,
  referenceGuardKey,
  type ReviewReason,
} from './record';

export interface IncomingPayment {
  method: PaymentMethod;
  /** Gateway transaction id, `account/receipt no`, `account/bank ref`: unique per method. */
  reference: string;
  /** Whole VND. */
  amount: number;
  /** ISO instant. */
  paidAt: string;
  /** The account the money went to. */
  accountId: string;
  billIds: string[];
  attemptId?: string;
  orderId?: string;
  details?: Record<string, string>;
  receiptNo?: string;
}

export interface SettleOptions {
  /** Who records it; the system (a gateway, a job) when absent. */
  actor?: Actor;
  /**
   * Written in the same transaction, after the payment's own items (an attempt's new state);
   * as a function, given the id the payment will have.
   */
  extraItems?: TransactItem[] | ((paymentId: string) => TransactItem[]);
}

export type SettleResult = 'paid' | 'duplicate' | 'flagged' | 'overpayment' | 'unmatched';

export interface Settlement {
  result: SettleResult;
  payment: Payment;
}

/** An item of `options.extraItems` failed its condition: nothing at all was written. */
export class SettlementCancelled extends Error {
  constructor(readonly extraReasons: Array<string | undefined>) {
    super(`settlement cancelled by an extra item: ${extraReasons.join(',')}`);
    this.name = 'SettlementCancelled';
  }
}

/** Ids sort by the day they were made, then at random: `20250612-3fa9c1d27b04`. */
const newPaymentId = (now: string): string =>
  `${now.slice(0, 10).replace(/-/g, '')}-${randomBytes(6).toString('hex')}`;

/** A transaction holds at most 100 items: each bill takes two (the bill and its audit event). */
export const MAX_BILLS_PER_PAYMENT = 36;
const ROUNDS = 6;

/** How a payment stands against the bills it names (`undefined`: a bill that does not exist). */
export interface Assessment {
  status: Extract<PaymentStatus, 'recorded' | 'flagged' | 'unmatched' | 'overpayment'>;
  reviewReason: ReviewReason | null;
  expectedAmount: number | null;
}

/**
 * The checks in the order gateways' own guides make them: is there a bill, is it this account's,
 * is the amount right, is it still unpaid.
 */
export const assess = (
  amount: number,
  accountId: string,
  bills: Array<Bill | undefined>,
): Assessment => {
  const review = (
    status: Assessment['status'],
    reviewReason: ReviewReason,
    expectedAmount: number | null = null,
  ): Assessment => ({ status, reviewReason, expectedAmount });

  if (bills.length === 0) return review('unmatched', 'no-bill');
  const found = bills.filter((bill): bill is Bill => bill !== undefined);
  if (found.length < bills.length) return review('unmatched', 'bill-not-found');
  if (new Set(found.map((bill) => bill.householdId)).size > 1) {
    return review('flagged', 'mixed-households');
  }
  if (found.some((bill) => bill.accountId !== accountId))
    return review('flagged', 'account-mismatch');
  const expected = found.reduce((sum, bill) => sum + bill.amount, 0);
  if (amount !== expected) return review('flagged', 'amount-mismatch', expected);
  if (found.some((bill) => bill.status !== 'unpaid'))
    return review('overpayment', 'bill-not-unpaid');

  return { status: 'recorded', reviewReason: null, expectedAmount: null };
};

const bad = (field: string, message: string) =>
  new ValidationError(message, { [field]: message }, 'payment.invalid');

/** The incoming payment, checked and with its bill ids once each. */
export const checkIncoming = (incoming: IncomingPayment): IncomingPayment => {
  if (!PAYMENT_METHODS.includes(incoming.method)) {
    throw bad('method', 'Hình thức thanh toán không hợp lệ');
  }
  if (typeof incoming.reference !== 'string' || incoming.reference.trim() === '') {
    throw bad('reference', 'Thiếu mã giao dịch');
  }
  if (incoming.reference.length > 200) throw bad('reference', 'Mã giao dịch dài quá 200 ký tự');
  if (!Number.isSafeInteger(incoming.amount) || incoming.amount <= 0) {
    throw bad('amount', 'Số tiền phải là số nguyên VND lớn hơn 0');
  }
  if (Number.isNaN(Date.parse(incoming.paidAt))) {
    throw bad('paidAt', 'Thời điểm thanh toán không hợp lệ');
  }
  if (typeof incoming.accountId !== 'string' || incoming.accountId === '') {
    throw bad('accountId', 'Thiếu tài khoản nhận tiền');
  }
  const billIds = [...new Set(incoming.billIds)];
  if (!billIds.every((id) => typeof id === 'string' && id !== '')) {
    throw bad('billIds', 'Mã hóa đơn không hợp lệ');
  }
  if (billIds.length > MAX_BILLS_PER_PAYMENT) {
    throw bad('billIds', `Mỗi khoản thanh toán tối đa ${MAX_BILLS_PER_PAYMENT} hóa đơn`);
  }

  return { ...incoming, billIds, paidAt: new Date(incoming.paidAt).toISOString() };
};

/** The unit a payment belongs to when no bill says: its collecting account's. */
const accountPlace = async (db: Db, accountId: string) => {
  const account = await getItem(db, keys.account(accountId), true);
  const unitPath = typeof account?.unitPath === 'string' ? account.unitPath : '/';

  return { unitPath, unitId: (account?.unitId as string | null | undefined) ?? null };
};

/** The payment recorded under a (method, reference), if any. */
export const findPaymentByReference = async (
  db: Db,
  method: PaymentMethod,
  reference: string,
): Promise<Payment | undefined> => {
  const guard = await getItem(db, referenceGuardKey(method, reference), true);
  if (!guard) return undefined;
  const item = await getItem(db, keys.feePayment(String(guard.paymentId)), true);

  return item ? stripInternal<Payment>(item) : undefined;
};

const paymentOf = (
  id: string,
  input: IncomingPayment,
  bills: Array<Bill | undefined>,
  assessment: Assessment,
  place: { unitPath: string; unitId: string | null },
  actor: Actor,
  now: string,
): Payment => {
  const found = bills.filter((bill): bill is Bill => bill !== undefined);
  const households = [...new Set(found.map((bill) => bill.householdId))];

  return {
    id,
    method: input.method,
    reference: input.reference.trim(),
    amount: input.amount,
    paidAt: input.paidAt,
    accountId: input.accountId,
    unitId: place.unitId,
    unitPath: place.unitPath,
    householdId: households.length === 1 ? households[0] : null,
    billIds: input.billIds,
    status: assessment.status,
    reviewReason: assessment.reviewReason,
    expectedAmount: assessment.expectedAmount,
    attemptId: input.attemptId ?? null,
    orderId: input.orderId ?? null,
    receiptNo: input.receiptNo ?? null,
    details: input.details ?? {},
    recordedBy: { userId: actor.userId, username: actor.username },
    resolution: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
};

/**
 * Records money received for bills, exactly once per (method, reference). See the file's
 * comment for what each result means; `payment` is the one stored (for `duplicate`, the first).
 */
export const settleBills = async (
  db: Db,
  incoming: IncomingPayment,
  now: string,
  options: SettleOptions = {},
): Promise<Settlement> => {
  const input = checkIncoming(incoming);
  const actor = options.actor ?? SYSTEM_ACTOR;
  const guardKey = referenceGuardKey(input.method, input.reference);
  const id = newPaymentId(now);
  const extraItems =
    typeof options.extraItems === 'function' ? options.extraItems(id) : (options.extraItems ?? []);

  for (let round = 1; ; round += 1) {
    const bills = input.billIds.length > 0 ? await readBills(db, input.billIds) : [];
    const assessment = assess(input.amount, input.accountId, bills);
    const first = bills.find((bill) => bill !== undefined);
    const place = first
      ? { unitPath: first.unitPath, unitId: first.unitId }
      : await accountPlace(db, input.accountId);
    const payment = paymentOf(id, input, bills, assessment, place, actor, now);
    const billItems =
      assessment.status === 'recorded'
        ? (bills as Bill[]).flatMap((bill) => billPaidItems(db.tableName, bill, id, now, actor))
        : [];
    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.tableName,
          Item: paymentItem(payment),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...guardKey, paymentId: id, createdAt: now },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(
        db.tableName,
        actor,
        {
          resource: 'payments',
          recordId: id,
          action: 'create',
          unitPath: payment.unitPath,
          after: payment,
        },
        now,
      ),
      ...billItems,
      ...extraItems,
    ];

    try {
      await transactWrite(db, items);

      return { result: assessment.status === 'recorded' ? 'paid' : assessment.status, payment };
    } catch (error) {
      if (!(error instanceof TransactionCancelled)) throw error;
      const { reasons } = error;
      if (reasons[1] === 'ConditionalCheckFailed') {
        const existing = await findPaymentByReference(db, input.method, input.reference);
        if (existing) return { result: 'duplicate', payment: existing };
      }
      const extraReasons = reasons.slice(3 + billItems.length);
      if (extraReasons.includes('ConditionalCheckFailed')) {
        throw new SettlementCancelled(extraReasons);
      }
      // A bill moved (or the transaction kept meeting others): judge the payment again.
      if (round >= ROUNDS) {
        throw new ConflictError(
          'Hóa đơn đang được cập nhật cùng lúc; vui lòng thử lại',
          'payment.busy',
        );
      }
    }
  }
};

/** The bills named, in the order named; `undefined` where one does not exist. */
const readBills = async (db: Db, ids: string[]): Promise<Array<Bill | undefined>> => {
  const found = new Map((await getBills(db, ids, true)).map((bill) => [bill.id, bill]));

  return ids.map((id) => found.get(id));
};
