/**
 * A household fee payment (issue 5): money received for bills, whoever collected it. Gateway
 * payments are written by webhooks and reconciliation only; cash by a collector or ward official
 * with a receipt; bank transfers by importing the collecting account's statement. Each is
 * recorded once per (method, reference), whatever is sent again (settle.ts).
 */
import {
  feePaymentPathKey,
  householdPaymentsPk,
  keys,
  PLATFORM,
  TREE_PAYMENT_REVIEW,
} from '../db/keys';
import { PATH_LEVELS, pathKeyAttr } from '../db/table';
import { ictMonth } from '../time/ict';
import { pathIds } from '../units/fields';
import type { GatewayName } from './gateways/types';

export const PAYMENT_METHODS = [
  'vnpay',
  'momo',
  'zalopay',
  'payos',
  'cash',
  'bank-transfer',
] as const;
export type PaymentMethod = GatewayName | 'cash' | 'bank-transfer';

/**
 * `recorded`: settled its bills. `matched`: settled its bills when finance matched it by hand.
 * `flagged`: the amount is not what the bills ask. `unmatched`: no bill found for it.
 * `overpayment`: a bill was already paid, waived or cancelled. `refunded`: given back.
 */
export const PAYMENT_STATUSES = [
  'recorded',
  'matched',
  'flagged',
  'unmatched',
  'overpayment',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What finance still has to resolve: match it to bills, or refund it. */
export const REVIEW_STATUSES: readonly PaymentStatus[] = ['flagged', 'unmatched', 'overpayment'];

export const needsReview = (status: PaymentStatus): boolean => REVIEW_STATUSES.includes(status);

/** Why a payment waits for review, in words the reviewer reads. */
export const REVIEW_REASONS = [
  'amount-mismatch',
  'account-mismatch',
  'mixed-households',
  'bill-not-found',
  'no-bill',
  'bill-not-unpaid',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface PaymentActor {
  userId: string;
  username: string;
}

export interface Resolution {
  action: 'match' | 'refund';
  refundReference: string | null;
  note: string | null;
  by: PaymentActor;
  at: string;
}

export interface Payment {
  id: string;
  method: PaymentMethod;
  /** Unique per method: the gateway's transaction id, `account/receipt no`, `account/bank ref`. */
  reference: string;
  /** Whole VND. */
  amount: number;
  /** ISO instant the money was paid. */
  paidAt: string;
  /** The account the money went to (the ward's committee, a collector). */
  accountId: string;
  /** The bills' ward, or the collecting account's unit when no bill is known. */
  unitId: string | null;
  unitPath: string;
  householdId: string | null;
  billIds: string[];
  status: PaymentStatus;
  reviewReason: ReviewReason | null;
  /** What the bills asked for, when the amount differs. */
  expectedAmount: number | null;
  attemptId: string | null;
  orderId: string | null;
  receiptNo: string | null;
  /** Non-personal references of the gateway or bank (bank codes, link ids, transfer content). */
  details: Record<string, string>;
  recordedBy: PaymentActor;
  resolution: Resolution | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** References compare without case and spaces: "ft 2612 01" and "FT261201" are one transfer. */
export const normalizeReference = (reference: string): string =>
  reference.normalize('NFC').toUpperCase().replace(/\s+/g, '');

export const referenceGuardKey = (method: string, reference: string) =>
  keys.feePaymentReference(method, normalizeReference(reference));

/**
 * The stored item: the record plus its index keys. Every ancestor of its unit (and the whole
 * platform) lists it in that month's partition of the path-level indexes, sorted by time; a
 * payment waiting for review is also in the review partition of the tree index, which it leaves
 * when resolved; a household's payments are in the household index.
 */
export const paymentItem = (payment: Payment): Record<string, unknown> => {
  const month = ictMonth(payment.paidAt);
  const ancestors = [PLATFORM, ...pathIds(payment.unitPath)].slice(0, PATH_LEVELS);
  const at = `${payment.paidAt}#${payment.id}`;

  return {
    ...keys.feePayment(payment.id),
    ...payment,
    ...Object.fromEntries(
      ancestors.map((id, level) => [pathKeyAttr(level), feePaymentPathKey(id, month)]),
    ),
    nameKey: at,
    ...(needsReview(payment.status) ? { treePk: TREE_PAYMENT_REVIEW, treeSk: at } : {}),
    ...(payment.householdId
      ? { householdPk: householdPaymentsPk(payment.householdId), householdSk: at }
      : {}),
  };
};
