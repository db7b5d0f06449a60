/**
 * Cash handed to a collector or a ward official, recorded with the number of the receipt they
 * wrote. A receipt number counts once per collecting account: recording it again answers 409.
 * Cash is recorded against bills of one household the caller's area holds, still unpaid, for
 * exactly what they ask; anything else is refused before a payment exists. A bill outside the
 * caller's area answers 404, as one that does not exist; an id that names no bill at all, 400.
 */
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/principal';
import type { Bill } from '../bills/fields';
import { formatVnd } from '../billing/money';
import { billKeyOf } from '../bills/record';
import { billNotFound, getBills } from '../bills/store';
import type { Db } from '../db/client';
import { ConflictError, ValidationError } from '../errors';
import { parseInstant } from '../time/ict';
import { isUnder } from '../units/fields';
import { parseOrThrow, requiredText } from '../validation';
import type { Payment } from './record';
import { MAX_BILLS_PER_PAYMENT, type SettleResult, settleBills } from './settle';

/** Clocks of phones and servers differ a little; a receipt a few minutes "ahead" is fine. */
const CLOCK_SKEW_MS = 10 * 60_000;
const EARLIEST = '2020-01-01T00:00:00.000Z';

export const cashInputSchema = z.strictObject({
  billIds: z
    .array(z.string({ error: 'Mã hóa đơn phải là chuỗi' }).min(1, { error: 'Mã hóa đơn trống' }), {
      error: 'Cần danh sách hóa đơn (billIds)',
    })
    .min(1, { error: 'Cần chọn ít nhất một hóa đơn' })
    .max(MAX_BILLS_PER_PAYMENT, { error: `Tối đa ${MAX_BILLS_PER_PAYMENT} hóa đơn mỗi phiếu thu` }),
  amount: z
    .number({ error: 'Số tiền phải là số' })
    .int({ error: 'Số tiền phải là số nguyên VND' })
    .positive({ error: 'Số tiền phải lớn hơn 0' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'Số tiền quá lớn' }),
  receiptNo: requiredText(40, 'Số phiếu thu').pipe(
    z.string().regex(/^[\p{L}\p{N} ./_-]+$/u, {
      error: 'Số phiếu thu chỉ gồm chữ, số, khoảng trắng và . / _ -',
    }),
  ),
  paidAt: z.string({ error: 'Cần thời điểm thu tiền (paidAt)' }),
});
export type CashInput = z.infer<typeof cashInputSchema>;

export interface CashRecorded {
  result: Exclude<SettleResult, 'duplicate'>;
  payment: Payment;
}

const billsError = (message: string, code = 'payment.bad_bills') =>
  new ValidationError(message, { billIds: message }, code);

/** When the cash was handed over: not in the future, not before the platform existed. */
const paidAtOf = (text: string, now: string): string => {
  const instant = parseInstant(text);
  if (!instant || instant < EARLIEST || Date.parse(instant) > Date.parse(now) + CLOCK_SKEW_MS) {
    throw new ValidationError(
      'Thời điểm thu tiền phải là một thời điểm đã qua, dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm',
      { paidAt: 'Không hợp lệ' },
      'payment.bad_date',
    );
  }

  return instant;
};

/** An id that cannot name a bill at all is a malformed request (400). */
const checkIds = (ids: string[]): void => {
  const bad = ids.find((id) => !billKeyOf(id));
  if (bad !== undefined) {
    throw billsError('Mã hóa đơn không đúng dạng <mã hộ>.<YYYY-MM>');
  }
};

const checkBills = (ids: string[], bills: Bill[], amount: number, caller: Principal): Bill[] => {
  const byId = new Map(bills.map((bill) => [bill.id, bill]));
  const named = ids.map((id) => byId.get(id));
  // Outside the caller's area a bill does not exist for them: the same 404 as none at all.
  if (named.some((bill) => !bill || !isUnder(bill.unitPath, scopeOf(caller)))) {
    throw billNotFound();
  }
  const found = named as Bill[];
  if (new Set(found.map((bill) => bill.householdId)).size > 1) {
    throw billsError('Một phiếu thu chỉ thu tiền các hóa đơn của cùng một hộ');
  }
  if (new Set(found.map((bill) => bill.accountId)).size > 1) {
    throw billsError('Các hóa đơn do những đơn vị khác nhau thu; hãy lập phiếu thu riêng');
  }
  const settled = found.find((bill) => bill.status !== 'unpaid');
  if (settled) {
    throw new ConflictError(
      `Hóa đơn tháng ${settled.month.slice(5, 7)}/${settled.month.slice(0, 4)} không còn chờ thanh toán (đã thanh toán, được miễn hoặc đã hủy)`,
      'bill.not_unpaid',
      { billIds: 'Hóa đơn không còn chờ thanh toán' },
    );
  }
  const expected = found.reduce((sum, bill) => sum + bill.amount, 0);
  if (amount !== expected) {
    throw new ValidationError(
      `Số tiền thu phải bằng tổng các hóa đơn: ${formatVnd(expected)}`,
      { amount: `Phải bằng ${formatVnd(expected)}` },
      'payment.amount_mismatch',
    );
  }

  return found;
};

/**
 * Records a cash receipt. A bill paid at the very same moment by another way makes this an
 * overpayment for refund review rather than an error: the cash was taken all the same.
 */
export const recordCash = async (
  db: Db,
  body: unknown,
  now: string,
  caller: Principal,
): Promise<CashRecorded> => {
  const input = parseOrThrow(cashInputSchema, body);
  const paidAt = paidAtOf(input.paidAt, now);
  const billIds = [...new Set(input.billIds)];
  checkIds(billIds);
  const [bill] = checkBills(billIds, await getBills(db, billIds, true), input.amount, caller);

  const { result, payment } = await settleBills(
    db,
    {
      method: 'cash',
      reference: `${bill.accountId}/${input.receiptNo}`,
      amount: input.amount,
      paidAt,
      accountId: bill.accountId,
      billIds,
      receiptNo: input.receiptNo,
    },
    now,
    { actor: { userId: caller.userId, username: caller.username, accountId: caller.accountId } },
  );
  if (result === 'duplicate') {
    throw new ConflictError(
      `Phiếu thu số ${input.receiptNo} đã được ghi nhận trước đó`,
      'payment.duplicate_receipt',
      { receiptNo: 'Đã ghi nhận' },
    );
  }

  return { result, payment };
};
