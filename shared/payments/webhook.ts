/**
 * A gateway's notification, from the bytes received to the answer in the gateway's own form.
 *
 * The order is the one the gateways' guides give, with nothing read or written before the
 * signature is verified over the input exactly as received (VNPay: the raw query string; MoMo,
 * ZaloPay, payOS: the raw body): a forged or tampered call stores nothing, and cannot leave a
 * "processed" mark that would turn the real notification away. Then the merchant (its id picked
 * the credentials, so a valid signature of another terminal is refused), the attempt (one read),
 * the amount, and the attempt's state.
 *
 * Money reported as paid is always recorded, exactly once per gateway transaction: for bills
 * through `settleBills` (which keeps a wrong amount as `flagged` and a second payment of a paid
 * bill as an `overpayment`, bills untouched), for an invoice through the billing part's
 * `recordPayment` (a partial payment or credit there), for an order we do not know as
 * `unmatched`. The attempt's new state is written in the same transaction as a bill payment.
 * A failure notice only ever fails a pending attempt: it never moves anything paid back.
 */
import { ConflictError } from '../errors';
import { findPaymentIdByReference, recordPayment } from '../billing/payments';
import type { Db } from '../db/client';
import { logger } from '../logger';
import { ictDate } from '../time/ict';
import {
  attemptSucceededUpdate,
  closeAttempt,
  findAttempt,
  markAttemptSucceeded,
  type PaymentAttempt,
} from './attempt-record';
import {
  answerFor,
  type GatewayAnswer,
  type GatewayName,
  type GatewayNotification,
  type Situation,
  verifyIncoming,
} from './gateways/index';
import { loadMerchants, type Merchant, type MerchantDirectory } from './merchants';
import { type SettleResult, SettlementCancelled, settleBills } from './settle';

/** What became of a notification: the gateway's answer, and what was recorded, for logs. */
export interface NotificationOutcome {
  situation: Situation;
  /** `settleBills`' result, `invoice`/`invoice-duplicate`, `failed`, or why nothing was done. */
  recorded: SettleResult | 'invoice' | 'invoice-duplicate' | 'failed' | 'none';
  attemptId: string | null;
}

export interface ReceivedNotification extends NotificationOutcome {
  answer: GatewayAnswer;
}

/** payOS' confirm-webhook test call names a sample order; ours are millisecond-based codes. */
const isPayosSample = (notification: GatewayNotification): boolean =>
  notification.gateway === 'payos' && Number(notification.orderId) < 1e12;

const outcome = (
  situation: Situation,
  recorded: NotificationOutcome['recorded'],
  attempt?: PaymentAttempt,
): NotificationOutcome => ({ situation, recorded, attemptId: attempt?.id ?? null });

/** Money for an order we have no attempt for: kept as unmatched for finance. */
const unknownOrder = async (
  db: Db,
  notification: GatewayNotification,
  merchant: Merchant,
  now: string,
): Promise<NotificationOutcome> => {
  if (notification.outcome !== 'paid' || isPayosSample(notification)) {
    return outcome('order-not-found', 'none');
  }
  const { result } = await settleBills(
    db,
    {
      method: notification.gateway,
      reference: notification.gatewayTxnId,
      amount: notification.amount,
      paidAt: notification.paidAt ?? now,
      accountId: merchant.accountId,
      billIds: [],
      orderId: notification.orderId,
      details: notification.details,
    },
    now,
  );

  return outcome('order-not-found', result);
};

const received = (notification: GatewayNotification) => ({
  gatewayTxnId: notification.gatewayTxnId,
  resultCode: notification.resultCode,
});

/** The situation a bill settlement answers with; a wrong amount was answered before. */
const billSituation = (result: SettleResult): Situation =>
  result === 'duplicate' ? 'already-confirmed' : 'confirmed';

const settleAttemptBills = async (
  db: Db,
  attempt: PaymentAttempt,
  notification: GatewayNotification,
  now: string,
): Promise<SettleResult> => {
  if (attempt.target.kind !== 'bills') throw new Error('not a bills attempt');
  // A second, different payment for an attempt already paid is recorded (an overpayment) but
  // does not claim the attempt again.
  // The attempt names the payment that paid it, written in the payment's own transaction.
  const extraItems = (paymentId: string) =>
    attempt.status === 'succeeded'
      ? []
      : [
          {
            Update: attemptSucceededUpdate(
              db.tableName,
              attempt,
              { ...received(notification), paymentId },
              now,
            ),
          },
        ];
  const { result } = await settleBills(
    db,
    {
      method: notification.gateway,
      reference: notification.gatewayTxnId,
      amount: notification.amount,
      paidAt: notification.paidAt ?? now,
      accountId: attempt.accountId,
      billIds: attempt.target.billIds,
      attemptId: attempt.id,
      orderId: attempt.orderId,
      details: notification.details,
    },
    now,
    { extraItems },
  );

  return result;
};

/**
 * An invoice payment through the billing part: idempotent per (gateway, transaction id); its
 * duplicate refusal means "already recorded". The attempt is marked afterwards, and again by a
 * repeated notification if that write was lost.
 */
const settleAttemptInvoice = async (
  db: Db,
  attempt: PaymentAttempt,
  notification: GatewayNotification,
  now: string,
): Promise<'invoice' | 'invoice-duplicate'> => {
  if (attempt.target.kind !== 'invoice') throw new Error('not an invoice attempt');
  const paidAt = notification.paidAt && notification.paidAt < now ? notification.paidAt : now;
  let paymentId: string | undefined;
  let recorded: 'invoice' | 'invoice-duplicate' = 'invoice';
  try {
    const { payment } = await recordPayment(
      db,
      {
        invoiceId: attempt.target.invoiceId,
        amount: notification.amount,
        paidOn: ictDate(paidAt),
        method: notification.gateway,
        reference: notification.gatewayTxnId,
        note: `Thanh toán trực tuyến, mã đơn ${attempt.orderId}`,
      },
      now,
    );
    paymentId = payment.id;
  } catch (error) {
    if (!(error instanceof ConflictError) || error.code !== 'payment.duplicate_reference') {
      throw error;
    }
    recorded = 'invoice-duplicate';
    paymentId = await findPaymentIdByReference(db, notification.gateway, notification.gatewayTxnId);
  }
  if (attempt.status !== 'succeeded') {
    await markAttemptSucceeded(db, attempt, { ...received(notification), paymentId }, now);
  }

  return recorded;
};

const ROUNDS = 3;

/**
 * Applies a verified notification to its attempt. Shared by the webhooks and the lost
 * notification check (query-pending.ts), which settles "the same way a webhook would".
 */
export const applyNotification = async (
  db: Db,
  notification: GatewayNotification,
  merchant: Merchant,
  now: string,
): Promise<NotificationOutcome> => {
  for (let round = 1; ; round += 1) {
    const attempt = await findAttempt(db, notification.gateway, notification.orderId);
    if (!attempt || attempt.merchantId !== notification.merchantId) {
      return unknownOrder(db, notification, merchant, now);
    }
    // No money moved on a failure: its amount (0 in some query answers) is not compared.
    if (notification.outcome !== 'paid') {
      if (notification.outcome === 'pending') return outcome('confirmed', 'none', attempt);
      if (attempt.status !== 'pending') return outcome('already-confirmed', 'none', attempt);
      const failed = await closeAttempt(db, attempt, 'failed', now, received(notification));
      if (failed) return outcome('confirmed', 'failed', attempt);
      continue;
    }

    const amountDiffers = notification.amount !== attempt.amount;
    // The attempt took this transaction in the same write as its payment: a repeat is known
    // from the one read already made.
    if (attempt.status === 'succeeded' && attempt.gatewayTxnId === notification.gatewayTxnId) {
      return outcome(amountDiffers ? 'amount-mismatch' : 'already-confirmed', 'duplicate', attempt);
    }
    try {
      if (attempt.target.kind === 'invoice') {
        const recorded = await settleAttemptInvoice(db, attempt, notification, now);
        const situation = recorded === 'invoice' ? 'confirmed' : 'already-confirmed';

        return outcome(amountDiffers ? 'amount-mismatch' : situation, recorded, attempt);
      }
      const result = await settleAttemptBills(db, attempt, notification, now);

      return outcome(amountDiffers ? 'amount-mismatch' : billSituation(result), result, attempt);
    } catch (error) {
      // The attempt moved between reading and writing (another notification, the check):
      // nothing was written; read it again.
      if (!(error instanceof SettlementCancelled) || round >= ROUNDS) throw error;
    }
  }
};

/** Gateway notifications may carry a failure of ours to record: that one they should resend. */
const errorOutcome = (gateway: GatewayName, error: unknown): ReceivedNotification => {
  logger.error('gateway notification not recorded', {
    gateway,
    error: (error as Error)?.name ?? 'unknown',
    detail: (error as Error)?.message?.slice(0, 200),
  });

  return {
    situation: 'error',
    recorded: 'none',
    attemptId: null,
    answer: answerFor(gateway, 'error'),
  };
};

/**
 * Handles one notification as received. `raw` is the raw query string (VNPay) or the raw body
 * (the others); nothing is read from the table unless it verifies.
 */
export const receiveNotification = async (
  db: Db,
  gateway: GatewayName,
  raw: string,
  now: string,
  merchants?: MerchantDirectory,
): Promise<ReceivedNotification> => {
  let directory: MerchantDirectory;
  try {
    directory = merchants ?? (await loadMerchants());
  } catch (error) {
    return errorOutcome(gateway, error);
  }

  const verified = verifyIncoming(gateway, raw, directory);
  if (!verified.ok) {
    logger.warn('gateway notification refused', { gateway, reason: verified.reason });

    return {
      situation: 'bad-signature',
      recorded: 'none',
      attemptId: null,
      answer: answerFor(gateway, 'bad-signature'),
    };
  }

  try {
    const result = await applyNotification(db, verified.notification, verified.merchant, now);
    logger.info('gateway notification', {
      gateway,
      orderId: verified.notification.orderId,
      outcome: verified.notification.outcome,
      situation: result.situation,
      recorded: result.recorded,
      attemptId: result.attemptId,
    });

    return { ...result, answer: answerFor(gateway, result.situation) };
  } catch (error) {
    return errorOutcome(gateway, error);
  }
};
