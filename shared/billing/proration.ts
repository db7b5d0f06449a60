/**
 * Which days of a month are billable: on or after the day billing starts, and while the account
 * is active. Days suspended or after closing are not billed; a reopened account is billed again
 * from the day it is active.
 */
import { statusOn } from '../accounts/status-history';
import type { StatusPeriod } from '../accounts/fields';
import { daysOfMonth } from '../time/days';
import type { DayRange } from './fields';

export interface Proration {
  month: string;
  daysInMonth: number;
  billableDays: number;
  /** The billable days as runs of consecutive days, for the invoice line. */
  periods: DayRange[];
}

export const prorationOf = (
  month: string,
  billingStartsOn: string,
  history: StatusPeriod[],
): Proration => {
  const days = daysOfMonth(month);
  const periods: DayRange[] = [];
  let billableDays = 0;
  for (const day of days) {
    const billable = day >= billingStartsOn && statusOn(history, day) === 'active';
    if (!billable) continue;

    billableDays += 1;
    const last = periods.at(-1);
    // Days are consecutive strings of one month: the previous day ends the run if it is last.
    if (last && Number(last.to.slice(8)) === Number(day.slice(8)) - 1) last.to = day;
    else periods.push({ from: day, to: day });
  }

  return { month, daysInMonth: days.length, billableDays, periods };
};
