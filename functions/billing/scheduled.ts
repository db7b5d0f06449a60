/**
 * The monthly billing job. EventBridge Scheduler calls it at 00:15 on the 1st in
 * Asia/Ho_Chi_Minh (infra/routes.ts) with `{ job, scheduledTime }`; it bills the month before
 * the Vietnam day of `scheduledTime`, not of the moment it runs, so a retried or late delivery
 * still bills the right month. A run is idempotent: a retry after a failure completes it, a retry
 * after a success issues nothing. A failure is rethrown so that the Scheduler retries.
 */
import { defaultDb } from '../../shared/db/client';
import { runBilling } from '../../shared/billing/run';
import { logger } from '../../shared/logger';
import { addMonths } from '../../shared/time/days';
import { ictMonth } from '../../shared/time/ict';

export interface BillingJobEvent {
  job?: string;
  /** ISO time the Scheduler meant to run this invocation. */
  scheduledTime?: string;
  /** A month to bill instead, `YYYY-MM`, when invoked by hand (aws lambda invoke). */
  month?: string;
}

/** The month a job invocation bills: the one that ended before its scheduled Vietnam day. */
export const monthToBill = (event: BillingJobEvent, now = new Date().toISOString()): string =>
  event.month ?? addMonths(ictMonth(event.scheduledTime ?? now), -1);

export const handler = async (event: BillingJobEvent = {}) => {
  const month = monthToBill(event);
  logger.info('billing job started', { month, scheduledTime: event.scheduledTime ?? null });
  const run = await runBilling(defaultDb(), month, { trigger: 'schedule' });

  return {
    runId: run.id,
    month: run.month,
    issued: run.issued,
    alreadyInvoiced: run.alreadyInvoiced,
    notBillable: run.notBillable,
  };
};
