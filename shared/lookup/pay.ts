import { z } from 'zod';
import type { Db } from '../db/client';
import { ConflictError } from '../errors';
import { createAttempt, getAttemptState } from '../payments/attempts';
import { MAX_BILLS_PER_PAYMENT } from '../payments/settle';
import { asObject, parseOrThrow, rejectUnknownFields } from '../validation';
import { PAY_METHODS, type PayAnswer, type PayMethod, type PublicAttempt } from './answer';
import { bankName } from './banks';
import type { HouseholdProof } from './household';
import { provenHousehold } from './lookup';
import { qrSvgDataUrl } from './qr';

const payFields = ['unitId', 'code', 'phone', 'billIds', 'method'] as const;

const paySchema = z.object({
  billIds: z.union(
    [
      z.literal('all'),
      z
        .array(z.string().min(1).max(100), { error: 'billIds phải là danh sách mã kỳ thu' })
        .min(1, { error: 'Cần chọn ít nhất một kỳ thu' })
        .max(MAX_BILLS_PER_PAYMENT, {
          error: `Mỗi lần thanh toán tối đa ${MAX_BILLS_PER_PAYMENT} kỳ`,
        }),
    ],
    { error: 'billIds phải là "all" hoặc danh sách mã kỳ thu' },
  ),
  method: z.enum(PAY_METHODS, { error: 'Cách thanh toán không hợp lệ' }),
});

export interface PayInput extends HouseholdProof {
  billIds: string[] | 'all';
  method: PayMethod;
}

/**
 * The body of a payment start. The proof (ward, code, phone) is not checked here: whatever is
 * wrong with it gets the look-up's one not-found answer. The rest must be well formed (400).
 */
export const parsePayInput = (body: unknown): PayInput => {
  const object = asObject(body);
  rejectUnknownFields(object, payFields);
  const { billIds, method } = parseOrThrow(paySchema, object);

  return { unitId: object.unitId, code: object.code, phone: object.phone, billIds, method };
};

export interface PayContext {
  /** The result page the gateway sends the resident back to. */
  returnUrl: string;
  /** The resident's address, which VNPay asks for. */
  clientIp: string;
}

const notUnpaid = () =>
  new ConflictError(
    'Có kỳ thu đã được thanh toán hoặc không còn phải nộp. Hãy tra cứu lại để xem số còn nợ.',
    'lookup.bill_not_unpaid',
  );

/**
 * Starts paying some or all of a household's unpaid bills, after checking the proof again:
 * one payment attempt (shared/payments/attempts.ts) for the chosen bills, answered with the
 * gateway's page to go to, or the VietQR code to transfer with. Only unpaid bills of this
 * household can be chosen; the attempt itself refuses bills of several collecting accounts
 * and a way of paying the account has not configured.
 */
export const startPayment = async (
  db: Db,
  input: PayInput,
  context: PayContext,
  now: string,
): Promise<PayAnswer> => {
  const { household, bills } = await provenHousehold(db, input);
  const unpaid = new Set(bills.map((bill) => bill.id));
  const chosen = input.billIds === 'all' ? [...unpaid] : [...new Set(input.billIds)];
  if (chosen.some((id) => !unpaid.has(id))) throw notUnpaid();
  if (chosen.length === 0) {
    throw new ConflictError('Hộ không còn khoản phí nào chưa thanh toán.', 'lookup.nothing_to_pay');
  }

  const started = await createAttempt(
    db,
    {
      target: { kind: 'bills', billIds: chosen, householdId: household.id },
      gateway: input.method,
      returnUrl: context.returnUrl,
      clientIp: context.clientIp,
    },
    now,
  );
  const answer: PayAnswer = { attemptId: started.attempt.id };
  if (started.redirectUrl) answer.redirectUrl = started.redirectUrl;
  if (started.qr) {
    answer.qr = {
      payload: started.qr.payload,
      image: qrSvgDataUrl(started.qr.payload),
      bankName: bankName(started.qr.bankBin),
      accountNumber: started.qr.accountNumber,
      accountName: started.qr.accountName,
      amount: started.qr.amount,
      content: started.qr.content,
    };
  }

  return answer;
};

/** The result page's view of an attempt: its state, amount and months, nothing personal. */
export const publicAttempt = async (db: Db, id: string): Promise<PublicAttempt> => {
  const state = await getAttemptState(db, id);

  return {
    id: state.id,
    status: state.status,
    method: state.method,
    amount: state.amount,
    months: state.months,
    createdAt: state.createdAt,
    settledAt: state.settledAt,
  };
};
