/**
 * Finance resolves what could not settle by itself (an unmatched transfer, a flagged amount, an
 * overpayment): it matches the payment to bills, which are then paid by it, or records that the
 * money was given back, with the refund's reference. Either way the payment leaves the review
 * queue, and the change is audited in the same transaction.
 */
import { z } from 'zod';
import { type Actor, auditPut } from '../audit/events';
import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/principal';
import { formatVnd } from '../billing/money';
import type { Bill } from '../bills/fields';
import { REFERENCE_PATTERN } from '../bills/reference';
import { billByReference, billPaidItems, getBills } from '../bills/store';
import type { Db } from '../db/client';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError, ValidationError } from '../errors';
import { isUnder } from '../units/fields';
import { optionalText, parseOrThrow, requiredText } from '../validation';
import { needsReview, type Payment, paymentItem } from './record';
import { MAX_BILLS_PER_PAYMENT } from './settle';
import { getPayment } from './store';

export const resolveInputSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('match'),
      billIds: z
        .array(z.string({ error: 'Mã hóa đơn phải là chuỗi' }).min(1), {
          error: 'Cần chọn ít nhất một hóa đơn',
        })
        .min(1, { error: 'Cần chọn ít nhất một hóa đơn' })
        .max(MAX_BILLS_PER_PAYMENT, {
          error: `Tối đa ${MAX_BILLS_PER_PAYMENT} hóa đơn cho một khoản thanh toán`,
        }),
      note: optionalText(500, 'Ghi chú'),
    }),
    z.strictObject({
      action: z.literal('refund'),
      refundReference: requiredText(100, 'Mã giao dịch hoàn tiền'),
      note: optionalText(500, 'Ghi chú'),
    }),
  ],
  { error: 'Cách xử lý (action) phải là "match" (khớp hóa đơn) hoặc "refund" (hoàn tiền)' },
);
export type ResolveInput = z.infer<typeof resolveInputSchema>;

export const parseResolveInput = (body: unknown): ResolveInput =>
  parseOrThrow(resolveInputSchema, body);

const ROUNDS = 5;

const billsError = (message: string, code = 'payment.bad_bills') =>
  new ValidationError(message, { billIds: message }, code);

const stale = () =>
  new ConflictError(
    'Khoản thanh toán vừa được người khác xử lý; hãy tải lại trang',
    'payment.changed',
  );

/** The bills finance names, checked against the payment they would settle. */
const checkBills = (payment: Payment, ids: string[], bills: Bill[], caller: Principal) => {
  const byId = new Map(bills.map((bill) => [bill.id, bill]));
  const named = ids.map((id) => byId.get(id));
  if (named.some((bill) => !bill || !isUnder(bill.unitPath, scopeOf(caller)))) {
    throw billsError('Không tìm thấy hóa đơn đã chọn');
  }
  const found = named as Bill[];
  if (new Set(found.map((bill) => bill.householdId)).size > 1) {
    throw billsError('Các hóa đơn khớp với một khoản thanh toán phải cùng một hộ');
  }
  if (found.some((bill) => bill.accountId !== payment.accountId)) {
    throw billsError('Hóa đơn do một đơn vị khác thu, không phải tài khoản đã nhận khoản tiền này');
  }
  const settled = found.find((bill) => bill.status !== 'unpaid');
  if (settled) {
    throw new ConflictError(
      `Hóa đơn tháng ${settled.month} không còn chờ thanh toán; hãy chọn hóa đơn khác hoặc hoàn tiền`,
      'bill.not_unpaid',
      { billIds: 'Hóa đơn không còn chờ thanh toán' },
    );
  }
  const expected = found.reduce((sum, bill) => sum + bill.amount, 0);
  if (expected !== payment.amount) {
    throw new ValidationError(
      `Số tiền đã nhận (${formatVnd(payment.amount)}) khác tổng các hóa đơn (${formatVnd(expected)}); ` +
        'hãy chọn đúng hóa đơn, hoặc hoàn tiền',
      { billIds: 'Tổng hóa đơn khác số tiền đã nhận' },
      'payment.amount_mismatch',
    );
  }

  return found;
};

/**
 * Finance names bills by id or by the transfer reference the payer should have written
 * (`NGP…`), which is what an unmatched transfer's content is compared with.
 */
const billIdsOf = async (db: Db, named: string[]): Promise<string[]> => {
  const ids = await Promise.all(
    named.map(async (value) => {
      const text = value.trim();
      if (!REFERENCE_ONLY.test(text)) return text;

      return (await billByReference(db, text))?.id ?? text;
    }),
  );

  return [...new Set(ids)];
};

const REFERENCE_ONLY = new RegExp(`^${REFERENCE_PATTERN.source}$`, 'i');

const actorOf = (caller: Principal): Actor => ({
  userId: caller.userId,
  username: caller.username,
  accountId: caller.accountId,
});

/** Matches a payment under review to bills (paid by it), or marks it refunded. */
export const resolvePayment = async (
  db: Db,
  id: string,
  input: ResolveInput,
  now: string,
  caller: Principal,
): Promise<Payment> => {
  for (let round = 1; ; round += 1) {
    const before = await getPayment(db, id, caller);
    if (!needsReview(before.status)) {
      throw new ConflictError(
        'Khoản thanh toán này đã được ghi nhận hoặc xử lý, không cần xử lý nữa',
        'payment.not_in_review',
      );
    }
    const resolution = {
      action: input.action,
      refundReference: input.action === 'refund' ? input.refundReference : null,
      note: input.note,
      by: { userId: caller.userId, username: caller.username },
      at: now,
    };
    let after: Payment = {
      ...before,
      status: 'refunded',
      resolution,
      updatedAt: now,
      version: before.version + 1,
    };
    let billItems: TransactItem[] = [];
    if (input.action === 'match') {
      const ids = await billIdsOf(db, input.billIds);
      const bills = checkBills(before, ids, await getBills(db, ids, true), caller);
      after = {
        ...after,
        status: 'matched',
        billIds: bills.map((bill) => bill.id),
        householdId: bills[0].householdId,
        unitId: bills[0].unitId,
        unitPath: bills[0].unitPath,
        reviewReason: null,
        expectedAmount: null,
      };
      billItems = bills.flatMap((bill) =>
        billPaidItems(db.tableName, bill, id, now, actorOf(caller)),
      );
    }

    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.tableName,
          Item: paymentItem(after),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': before.version },
        },
      },
      auditPut(
        db.tableName,
        actorOf(caller),
        {
          resource: 'payments',
          recordId: id,
          action: 'update',
          unitPath: after.unitPath,
          before,
          after,
        },
        now,
      ),
      ...billItems,
    ];
    try {
      await transactWrite(db, items);

      return after;
    } catch (error) {
      if (!(error instanceof TransactionCancelled)) throw error;
      if (error.reasons[0] === 'ConditionalCheckFailed') throw stale();
      // A bill moved meanwhile: read everything again, the checks will say what changed.
      if (round >= ROUNDS) throw stale();
    }
  }
};
