/**
 * The payment attempt as stored (see attempts.ts for what an attempt is): its shape, its key
 * under (gateway, order id), the pending index it sits in while open, and the only ways its
 * status moves forward from `pending`: `succeeded`, `failed` or `expired`.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { getItem } from '../db/items';
import { keys, stripInternal, TREE_PENDING_ATTEMPTS } from '../db/keys';
import { NotFoundError } from '../errors';
import type { GatewayName } from './gateways/types';

export const ATTEMPT_METHODS = ['vnpay', 'momo', 'zalopay', 'payos', 'vietqr'] as const;
export type AttemptMethod = (typeof ATTEMPT_METHODS)[number];

export const ATTEMPT_STATUSES = ['pending', 'succeeded', 'failed', 'expired'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** How long a payment page stays open at the gateway. */
export const PAYMENT_WINDOW_MINUTES = 15;

/**
 * The account whose merchants collect invoice payments: the platform operator's. Its id is
 * `operator` in every stack this repository builds; NGUON_OPERATOR_ACCOUNT_ID names another.
 */
export const operatorAccountId = (): string => process.env.NGUON_OPERATOR_ACCOUNT_ID || 'operator';

/** What an attempt is asked to pay. Bills without ids: every unpaid bill of the household. */
export type AttemptTargetInput =
  | { kind: 'bills'; householdId: string; billIds: string[] }
  | { kind: 'invoice'; invoiceId: string };

/** What an attempt pays, as stored: the months let the result page say what was paid. */
export type AttemptTarget =
  | { kind: 'bills'; householdId: string; billIds: string[]; months: string[] }
  | { kind: 'invoice'; invoiceId: string; payerAccountId: string; months: string[] };

export interface PaymentAttempt {
  /** `<gateway>.<order id>`: names the stored key, so the result page reads it in one request. */
  id: string;
  orderId: string;
  gateway: AttemptMethod;
  target: AttemptTarget;
  /** The account the money goes to: the bills' collecting account, or the operator's. */
  accountId: string;
  /** The merchant the payment was opened with; null for a VietQR transfer. */
  merchantId: string | null;
  /** Whole VND. */
  amount: number;
  /** ASCII text shown by the gateway and used as transfer content. */
  description: string;
  /** Where its bills lie; the platform root for invoices. */
  unitPath: string;
  status: AttemptStatus;
  createdAt: string;
  /** When the payment page closes at the gateway. */
  expiresAt: string;
  settledAt: string | null;
  /** The gateway's transaction once money or a failure is reported. */
  gatewayTxnId: string | null;
  resultCode: string | null;
  /** The payment recorded for it, when known (always for invoices). */
  paymentId: string | null;
}

/** What the payer's result page may read: the state, never who paid. */
export interface AttemptState {
  id: string;
  status: AttemptStatus;
  method: AttemptMethod;
  amount: number;
  months: string[];
  createdAt: string;
  settledAt: string | null;
}

export const attemptKey = (attempt: Pick<PaymentAttempt, 'gateway' | 'orderId'>) =>
  keys.paymentAttempt(attempt.gateway, attempt.orderId);

/** The stored item; an open attempt of an online gateway is also in the pending index. */
export const attemptItem = (attempt: PaymentAttempt): Record<string, unknown> => ({
  ...attemptKey(attempt),
  ...attempt,
  ...(attempt.status === 'pending' && attempt.gateway !== 'vietqr'
    ? { treePk: TREE_PENDING_ATTEMPTS, treeSk: `${attempt.createdAt}#${attempt.id}` }
    : {}),
});

/** The gateway and order id an attempt id names, or undefined for anything else. */
export const parseAttemptId = (
  id: string,
): { gateway: AttemptMethod; orderId: string } | undefined => {
  const dot = id.indexOf('.');
  const gateway = id.slice(0, dot) as AttemptMethod;
  const orderId = id.slice(dot + 1);
  if (dot < 1 || !ATTEMPT_METHODS.includes(gateway) || !/^[\w.-]{1,60}$/.test(orderId)) {
    return undefined;
  }

  return { gateway, orderId };
};

/** The attempt a gateway's order id names, read strongly consistent. */
export const findAttempt = async (
  db: Db,
  gateway: AttemptMethod,
  orderId: string,
): Promise<PaymentAttempt | undefined> => {
  const item = await getItem(db, keys.paymentAttempt(gateway, orderId), true);

  return item ? stripInternal<PaymentAttempt>(item) : undefined;
};

const attemptNotFound = () =>
  new NotFoundError('Không tìm thấy lượt thanh toán', 'attempt.not_found');

export const getAttempt = async (db: Db, id: string): Promise<PaymentAttempt> => {
  const parsed = parseAttemptId(id);
  const attempt = parsed && (await findAttempt(db, parsed.gateway, parsed.orderId));
  if (!attempt) throw attemptNotFound();

  return attempt;
};

/** The state of an attempt for the payer's result page. */
export const getAttemptState = async (db: Db, id: string): Promise<AttemptState> => {
  const attempt = await getAttempt(db, id);

  return {
    id: attempt.id,
    status: attempt.status,
    method: attempt.gateway,
    amount: attempt.amount,
    months: attempt.target.months,
    createdAt: attempt.createdAt,
    settledAt: attempt.settledAt,
  };
};

export const conditionFailed = (error: unknown): boolean =>
  (error as { name?: string })?.name === 'ConditionalCheckFailedException';

/**
 * Moves a pending attempt to `failed` or `expired`; false when it had already left `pending`
 * (a notification or another check came first).
 */
export const closeAttempt = async (
  db: Db,
  attempt: PaymentAttempt,
  status: 'failed' | 'expired',
  now: string,
  details: { gatewayTxnId?: string; resultCode?: string } = {},
): Promise<boolean> => {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: attemptKey(attempt),
        UpdateExpression:
          'SET #status = :status, settledAt = :now, gatewayTxnId = :txn, resultCode = :code ' +
          'REMOVE treePk, treeSk',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':now': now,
          ':txn': details.gatewayTxnId ?? attempt.gatewayTxnId,
          ':code': details.resultCode ?? attempt.resultCode,
          ':pending': 'pending',
        },
      }),
    );

    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
};

/** The gateway an attempt was opened with, when it is an online one (not VietQR). */
export const onlineGateway = (attempt: PaymentAttempt): GatewayName | undefined =>
  attempt.gateway === 'vietqr' ? undefined : attempt.gateway;

/**
 * The update that records an attempt's money as received: conditioned on the status it was read
 * with, so two different notifications for one attempt cannot both claim it unnoticed.
 */
export const attemptSucceededUpdate = (
  tableName: string,
  attempt: PaymentAttempt,
  received: { gatewayTxnId: string; resultCode: string; paymentId?: string },
  now: string,
) => ({
  TableName: tableName,
  Key: attemptKey(attempt),
  UpdateExpression:
    'SET #status = :succeeded, settledAt = :now, gatewayTxnId = :txn, resultCode = :code, ' +
    'paymentId = :paymentId REMOVE treePk, treeSk',
  ConditionExpression: '#status = :seen',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: {
    ':succeeded': 'succeeded',
    ':now': now,
    ':txn': received.gatewayTxnId,
    ':code': received.resultCode,
    ':paymentId': received.paymentId ?? attempt.paymentId,
    ':seen': attempt.status,
  },
});

/** Records an attempt's money as received on its own; false when its status moved meanwhile. */
export const markAttemptSucceeded = async (
  db: Db,
  attempt: PaymentAttempt,
  received: { gatewayTxnId: string; resultCode: string; paymentId?: string },
  now: string,
): Promise<boolean> => {
  try {
    await db.doc.send(
      new UpdateCommand(attemptSucceededUpdate(db.tableName, attempt, received, now)),
    );

    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
};
