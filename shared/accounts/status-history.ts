/**
 * An account's status over time. Billing needs to know which days an account was active, so
 * every status change through the accounts store appends `{ status, from }`, `from` being the
 * day of the change in Vietnam time; the status holds from that day on.
 */
import { ictDate } from '../time/ict';
import type { Account, AccountStatus, StatusPeriod } from './fields';

/**
 * The account's periods, oldest first. An account stored before histories were kept has its
 * current status from its creation day.
 */
export const historyOf = (
  account: Pick<Account, 'status' | 'createdAt'> & { statusHistory?: StatusPeriod[] },
): StatusPeriod[] =>
  account.statusHistory?.length
    ? [...account.statusHistory].sort((a, b) => a.from.localeCompare(b.from))
    : [{ status: account.status, from: ictDate(account.createdAt) }];

/**
 * The history after a change to `status` at `now`. A second change on the same day replaces the
 * first: a day has one status, the last one set.
 */
export const historyAfter = (
  current: Pick<Account, 'status' | 'createdAt'> & { statusHistory?: StatusPeriod[] },
  status: AccountStatus,
  now: string,
): StatusPeriod[] => {
  const history = historyOf(current);
  if (status === current.status) return history;

  const from = ictDate(now);

  return [...history.filter((period) => period.from !== from), { status, from }];
};

/**
 * The status on a day: that of the last period begun on or before it; before the first period,
 * the first period's status (the status an account was created with held until then).
 */
export const statusOn = (history: StatusPeriod[], day: string): AccountStatus => {
  let status = history[0]?.status ?? 'active';
  for (const period of history) {
    if (period.from <= day) status = period.status;
  }

  return status;
};
