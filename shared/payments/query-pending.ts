/**
 * Lost notifications: gateways say theirs can be missed (a timeout, an answer of ours that
 * failed), and ZaloPay sends none for a failure. Every few minutes, each online attempt still
 * pending 15 minutes after it was opened is looked up with its gateway's query API through the
 * adapter; a verified answer is applied exactly as a webhook would apply it (webhook.ts), so a
 * notification arriving as well records nothing twice. An attempt the gateway still reports
 * unpaid once its payment window and a grace period have passed is expired; money arriving for
 * it later is still recorded by its notification.
 *
 * The open attempts are one query of the pending partition of the tree index, oldest first;
 * attempts leave it when they settle, fail or expire, so it holds only what is open.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { stripInternal, TREE_PENDING_ATTEMPTS } from '../db/keys';
import { logger } from '../logger';
import type { GatewayHttp } from './adapter';
import {
  closeAttempt,
  onlineGateway,
  PAYMENT_WINDOW_MINUTES,
  type PaymentAttempt,
} from './attempt-record';
import { queryOrder } from './gateways/index';
import { loadMerchants, type Merchant, type MerchantDirectory } from './merchants';
import { applyNotification } from './webhook';

/** An attempt is looked up once it has been pending this long. */
export const CHECK_AFTER_MINUTES = 15;
/** After its payment window, a gateway may still be finishing a payment made at the last minute. */
export const EXPIRY_GRACE_MINUTES = 15;
/** Attempts looked at per run; the oldest first, the rest on the next run. */
export const ATTEMPTS_PER_RUN = 200;
/** Gateways asked at the same time. */
const PARALLEL = 5;
const QUERY_TIMEOUT_MS = 8_000;

export interface PendingCheckSummary {
  checked: number;
  /** Attempts whose money was found and recorded (or had been recorded already). */
  settled: number;
  failed: number;
  expired: number;
  /** Still pending: inside their window, or not yet decided by the gateway. */
  open: number;
  /** The gateway did not answer usably, or the merchant is no longer configured. */
  errors: number;
}

export interface PendingCheckOptions {
  merchants?: MerchantDirectory;
  http?: GatewayHttp;
  limit?: number;
}

const minutes = (n: number) => n * 60_000;

/** Pending attempts opened before `cutoff`, oldest first. */
export const pendingAttempts = async (
  db: Db,
  cutoff: string,
  limit: number,
): Promise<PaymentAttempt[]> => {
  const attempts: PaymentAttempt[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'byTree',
        KeyConditionExpression: 'treePk = :pk AND treeSk < :cutoff',
        ExpressionAttributeValues: { ':pk': TREE_PENDING_ATTEMPTS, ':cutoff': cutoff },
        Limit: limit - attempts.length,
        ExclusiveStartKey: start,
      }),
    );
    attempts.push(...(page.Items ?? []).map((item) => stripInternal<PaymentAttempt>(item)));
    start = page.LastEvaluatedKey;
  } while (start && attempts.length < limit);

  return attempts;
};

type Verdict = 'settled' | 'failed' | 'expired' | 'open' | 'errors';

const checkOne = async (
  db: Db,
  attempt: PaymentAttempt,
  directory: MerchantDirectory,
  now: string,
  http?: GatewayHttp,
): Promise<Verdict> => {
  const gateway = onlineGateway(attempt);
  const merchant = (gateway &&
    attempt.merchantId &&
    directory.byMerchantId(gateway, attempt.merchantId)) as Merchant | undefined;
  if (!merchant) {
    logger.error('pending attempt has no configured merchant', {
      attemptId: attempt.id,
      gateway: attempt.gateway,
    });

    return 'errors';
  }

  const notification = await queryOrder(
    merchant,
    { orderId: attempt.orderId, createdAt: attempt.createdAt },
    now,
    http,
    QUERY_TIMEOUT_MS,
  );
  if (notification?.outcome === 'paid') {
    await applyNotification(db, notification, merchant, now);

    return 'settled';
  }
  if (notification?.outcome === 'failed') {
    const applied = await applyNotification(db, notification, merchant, now);
    if (applied.recorded === 'failed') return 'failed';
  }

  const expiresAfter = Date.parse(attempt.expiresAt) + minutes(EXPIRY_GRACE_MINUTES);
  if (Date.parse(now) < expiresAfter) return 'open';

  return (await closeAttempt(db, attempt, 'expired', now, { resultCode: notification?.resultCode }))
    ? 'expired'
    : 'open';
};

/**
 * Looks up every attempt pending for `CHECK_AFTER_MINUTES` with its gateway, and settles, fails
 * or expires it. One attempt's failure (a gateway down) does not stop the others.
 */
export const checkPendingAttempts = async (
  db: Db,
  now: string,
  options: PendingCheckOptions = {},
): Promise<PendingCheckSummary> => {
  const directory = options.merchants ?? (await loadMerchants());
  const cutoff = new Date(Date.parse(now) - minutes(CHECK_AFTER_MINUTES)).toISOString();
  const attempts = await pendingAttempts(db, cutoff, options.limit ?? ATTEMPTS_PER_RUN);
  const summary: PendingCheckSummary = {
    checked: attempts.length,
    settled: 0,
    failed: 0,
    expired: 0,
    open: 0,
    errors: 0,
  };

  for (let i = 0; i < attempts.length; i += PARALLEL) {
    const verdicts = await Promise.all(
      attempts.slice(i, i + PARALLEL).map((attempt) =>
        checkOne(db, attempt, directory, now, options.http).catch((error: Error) => {
          logger.warn('pending attempt not checked', {
            attemptId: attempt.id,
            gateway: attempt.gateway,
            error: error?.name ?? 'unknown',
          });

          return 'errors' as const;
        }),
      ),
    );
    for (const verdict of verdicts) summary[verdict] += 1;
  }

  return summary;
};

/** How long after opening an unpaid attempt is expired (for the docs and tests). */
export const EXPIRES_AFTER_MINUTES = PAYMENT_WINDOW_MINUTES + EXPIRY_GRACE_MINUTES;
