/**
 * The lost-notification check. EventBridge Scheduler calls it every 5 minutes
 * (infra/routes.ts) with `{ job, scheduledTime }`; it asks the gateways about every attempt
 * still pending 15 minutes after it was opened and settles, fails or expires it
 * (shared/payments/query-pending.ts). It runs at the moment of the call, not the scheduled one:
 * a late delivery only looks at more attempts. Every step is idempotent, so an overlapping or
 * retried run records nothing twice.
 */
import { defaultDb } from '../../shared/db/client';
import { logger } from '../../shared/logger';
import { checkPendingAttempts } from '../../shared/payments/query-pending';

export interface PendingJobEvent {
  job?: string;
  scheduledTime?: string;
}

export const handler = async (event: PendingJobEvent = {}) => {
  const summary = await checkPendingAttempts(defaultDb(), new Date().toISOString());
  logger.info('pending payment attempts checked', {
    scheduledTime: event.scheduledTime ?? null,
    ...summary,
  });

  return summary;
};
