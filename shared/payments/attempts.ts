/**
 * Payment attempts (issue 5, and issue 6's online invoice payment): one try at paying through
 * one gateway. An attempt covers one bill, all unpaid bills of a household, or an account
 * invoice; it has its own order id in the form its gateway requires, and is stored under
 * (gateway, order id), so a notification finds it with one read.
 *
 * An attempt is written before the gateway is asked for a payment page, so a notification can
 * never arrive for an order we have not stored. Its status only moves forward from `pending`:
 * to `succeeded` when its money is recorded (webhook.ts), `failed` when the gateway says it
 * failed, `expired` when the lost-notification check finds it unpaid after its window
 * (query-pending.ts). Money that arrives late for a failed or expired attempt is still recorded.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Bill } from '../bills/fields';
import { getBills, unpaidBillsOfHousehold } from '../bills/store';
import type { Invoice } from '../billing/fields';
import { getLatestInvoice } from '../billing/invoice-store';
import type { Db } from '../db/client';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { logger } from '../logger';
import { type GatewayHttp, gatewayHttp } from './adapter';
import {
  ATTEMPT_METHODS,
  type AttemptMethod,
  type AttemptTarget,
  type AttemptTargetInput,
  attemptItem,
  closeAttempt,
  conditionFailed,
  operatorAccountId,
  PAYMENT_WINDOW_MINUTES,
  type PaymentAttempt,
} from './attempt-record';
import { orderIdFor, startPayment, vietQrPayload } from './gateways/index';
import { loadMerchants, type MerchantDirectory } from './merchants';
import { MAX_BILLS_PER_PAYMENT } from './settle';

export * from './attempt-record';

export interface AttemptRequest {
  target: AttemptTargetInput;
  gateway: AttemptMethod;
  /** Where the gateway sends the payer's browser back (it only reads the state). */
  returnUrl: string;
  /** The payer's address (VNPay wants it). */
  clientIp?: string;
  /** Base URL of this API for MoMo's and ZaloPay's per-order notification URL. */
  notifyBaseUrl?: string;
}

/** A VietQR transfer: what the code encodes and what to type when not scanning. */
export interface AttemptQr {
  payload: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
  amount: number;
  content: string;
}

export interface StartedAttempt {
  attempt: PaymentAttempt;
  redirectUrl?: string;
  qr?: AttemptQr;
}

export interface AttemptDeps {
  merchants?: MerchantDirectory;
  http?: GatewayHttp;
}

interface Resolved {
  target: AttemptTarget;
  accountId: string;
  amount: number;
  unitPath: string;
  /** The transfer content when one bill is paid: its own reference, which statements match. */
  billReference: string | null;
  describe: (orderId: string) => string;
}

const billsOf = async (db: Db, householdId: string, billIds: string[]): Promise<Bill[]> => {
  if (billIds.length === 0) return unpaidBillsOfHousehold(db, householdId);
  const ids = [...new Set(billIds)];
  const bills = await getBills(db, ids, true);
  if (bills.length < ids.length || bills.some((bill) => bill.householdId !== householdId)) {
    throw new NotFoundError('Không tìm thấy hóa đơn phí rác', 'bill.not_found');
  }

  return bills;
};

const resolveBills = async (
  db: Db,
  target: Extract<AttemptTargetInput, { kind: 'bills' }>,
): Promise<Resolved> => {
  const bills = await billsOf(db, target.householdId, target.billIds);
  if (bills.length === 0) {
    throw new ConflictError('Hộ không còn hóa đơn phí rác nào chưa thu', 'attempt.nothing_due');
  }
  if (bills.some((bill) => bill.status !== 'unpaid')) {
    throw new ConflictError(
      'Có hóa đơn đã được thanh toán hoặc không còn phải thu; hãy tra cứu lại',
      'attempt.bill_not_unpaid',
    );
  }
  if (bills.length > MAX_BILLS_PER_PAYMENT) {
    throw new ValidationError(
      `Mỗi lần thanh toán tối đa ${MAX_BILLS_PER_PAYMENT} hóa đơn`,
      { billIds: 'Quá nhiều hóa đơn' },
      'attempt.too_many_bills',
    );
  }
  const accountId = bills[0].accountId;
  if (bills.some((bill) => bill.accountId !== accountId)) {
    throw new ConflictError(
      'Các hóa đơn thu về những đơn vị khác nhau; hãy thanh toán từng hóa đơn',
      'attempt.mixed_accounts',
    );
  }
  const sorted = [...bills].sort((a, b) => a.month.localeCompare(b.month));
  const single = sorted.length === 1 ? sorted[0].reference : null;

  return {
    target: {
      kind: 'bills',
      householdId: target.householdId,
      billIds: sorted.map((bill) => bill.id),
      months: sorted.map((bill) => bill.month),
    },
    accountId,
    amount: sorted.reduce((sum, bill) => sum + bill.amount, 0),
    unitPath: sorted[0].unitPath,
    billReference: single,
    describe: (orderId) => `Phi rac ${single ?? orderId}`,
  };
};

const resolveInvoice = async (db: Db, invoiceId: string): Promise<Resolved> => {
  const invoice: Invoice = await getLatestInvoice(db, invoiceId);
  if (invoice.status === 'void' || invoice.balanceDue <= 0) {
    throw new ConflictError(
      invoice.status === 'void'
        ? 'Hóa đơn đã bị hủy; hãy thanh toán hóa đơn thay thế'
        : 'Hóa đơn không còn số tiền phải trả',
      'attempt.nothing_due',
    );
  }

  return {
    target: {
      kind: 'invoice',
      invoiceId: invoice.number,
      payerAccountId: invoice.accountId,
      months: [invoice.month],
    },
    accountId: operatorAccountId(),
    amount: invoice.balanceDue,
    unitPath: '/',
    billReference: null,
    describe: () => `Hoa don ${invoice.number}`,
  };
};

const notConfigured = (what: string) =>
  new ValidationError(
    `Đơn vị thu tiền chưa cấu hình ${what}; hãy chọn cách thanh toán khác`,
    { gateway: 'Chưa cấu hình' },
    'attempt.not_configured',
  );

const ATTEMPTS_TO_STORE = 3;

/** Stores a new attempt under a fresh order id; a rare order id already taken draws another. */
const storeAttempt = async (
  db: Db,
  make: (orderId: string) => PaymentAttempt,
  gateway: AttemptMethod,
  now: string,
): Promise<PaymentAttempt> => {
  for (let round = 1; ; round += 1) {
    const attempt = make(orderIdFor(gateway, now));
    try {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: attemptItem(attempt),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );

      return attempt;
    } catch (error) {
      if (!conditionFailed(error) || round >= ATTEMPTS_TO_STORE) throw error;
    }
  }
};

/**
 * Opens a payment attempt: checks what it pays, stores it, then builds the gateway request from
 * the collecting account's configured merchant (a VNPay URL, a MoMo, ZaloPay or payOS payment
 * made through the adapter) or a VietQR code for its bank account. Scoping of who may pay what
 * is the caller's (the public look-up, the invoice route).
 */
export const createAttempt = async (
  db: Db,
  request: AttemptRequest,
  now: string,
  deps: AttemptDeps = {},
): Promise<StartedAttempt> => {
  // One form for stored instants: the pending index compares them as text.
  now = new Date(now).toISOString();
  if (!ATTEMPT_METHODS.includes(request.gateway)) {
    throw new ValidationError(
      'Cách thanh toán không hợp lệ',
      { gateway: 'Không hợp lệ' },
      'attempt.bad_gateway',
    );
  }
  const resolved =
    request.target.kind === 'invoice'
      ? await resolveInvoice(db, request.target.invoiceId)
      : await resolveBills(db, request.target);
  const directory = deps.merchants ?? (await loadMerchants());
  const gateway = request.gateway;
  const bank = gateway === 'vietqr' ? directory.forAccount(resolved.accountId).bank : undefined;
  const merchant =
    gateway === 'vietqr' ? undefined : directory.gatewayFor(resolved.accountId, gateway);
  if (gateway === 'vietqr' ? !bank : !merchant) {
    throw notConfigured(gateway === 'vietqr' ? 'tài khoản ngân hàng' : 'cổng thanh toán này');
  }
  const expiresAt = new Date(Date.parse(now) + PAYMENT_WINDOW_MINUTES * 60_000).toISOString();

  const attempt = await storeAttempt(
    db,
    (orderId) => ({
      id: `${gateway}.${orderId}`,
      orderId,
      gateway,
      target: resolved.target,
      accountId: resolved.accountId,
      merchantId: merchant?.merchantId ?? null,
      amount: resolved.amount,
      description: resolved.describe(orderId),
      unitPath: resolved.unitPath,
      status: 'pending',
      createdAt: now,
      expiresAt,
      settledAt: null,
      gatewayTxnId: null,
      resultCode: null,
      paymentId: null,
    }),
    gateway,
    now,
  );

  if (bank) {
    const content = resolved.billReference ?? attempt.orderId;
    const qr: AttemptQr = {
      payload: vietQrPayload({
        bankBin: bank.bankBin,
        accountNumber: bank.accountNumber,
        amount: attempt.amount,
        content,
      }),
      bankBin: bank.bankBin,
      accountNumber: bank.accountNumber,
      accountName: bank.accountName,
      amount: attempt.amount,
      content,
    };

    return { attempt, qr };
  }

  const notifyBase = request.notifyBaseUrl ?? process.env.NGUON_PUBLIC_URL ?? request.returnUrl;
  try {
    const { redirectUrl } = await startPayment(
      merchant as NonNullable<typeof merchant>,
      { orderId: attempt.orderId, amount: attempt.amount, description: attempt.description },
      {
        now,
        returnUrl: request.returnUrl,
        notifyUrl: new URL(`/api/webhooks/${gateway}`, notifyBase).toString(),
        clientIp: request.clientIp,
        expiresInMinutes: PAYMENT_WINDOW_MINUTES,
      },
      deps.http ?? gatewayHttp,
    );

    return { attempt, redirectUrl };
  } catch (error) {
    // No payment page was opened: the attempt can never be paid, so it fails at once.
    await closeAttempt(db, attempt, 'failed', now, { resultCode: 'create-failed' });
    logger.warn('payment attempt could not start', {
      gateway,
      attemptId: attempt.id,
      error: (error as Error).name,
    });
    throw error;
  }
};
