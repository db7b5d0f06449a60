/**
 * Money received per method and Vietnam day, for the caller's area (or a unit in it): what the
 * ward's cash book, each gateway's settlement report and the bank statement are checked against.
 * Every payment counts in `amount` (the money did arrive); the columns after it split it into
 * what settled bills, what still waits for review, and what was given back.
 *
 * It reads the payments of each month of the range from the path-level index and then the
 * payments themselves, so a range is held to 62 days; a per-day counter kept with each payment
 * would lift that, at the price of a hot item in every settlement.
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { stripInternal } from '../db/keys';
import { ValidationError } from '../errors';
import { addDays, daysBetween, isDay } from '../time/days';
import { ictDate, ictDayStart, monthsBetween } from '../time/ict';
import { PAYMENT_METHODS, type Payment, type PaymentMethod, REVIEW_STATUSES } from './record';
import { anchorOf, periodEntries } from './store';

export const MAX_REPORT_DAYS = 62;

export interface DailyTotal {
  /** `day:method`, so a list of totals has ids as react-admin needs. */
  id: string;
  day: string;
  method: PaymentMethod;
  count: number;
  amount: number;
  settledAmount: number;
  reviewAmount: number;
  refundedAmount: number;
}

export interface DailyQuery {
  from?: string;
  to?: string;
  unitId?: string;
}

const badDay = (field: string) =>
  new ValidationError(
    `${field === 'from' ? 'Từ ngày' : 'Đến ngày'} phải có dạng YYYY-MM-DD`,
    { [field]: 'Không hợp lệ' },
    'report.bad_day',
  );

/** The days asked for: this month so far when none are given. */
export const reportRange = (query: DailyQuery, now = new Date()): { from: string; to: string } => {
  const to = query.to || ictDate(now);
  const from = query.from || `${to.slice(0, 7)}-01`;
  if (!isDay(from)) throw badDay('from');
  if (!isDay(to)) throw badDay('to');
  if (from > to) {
    throw new ValidationError(
      'Từ ngày phải trước hoặc bằng đến ngày',
      { from: 'Sau đến ngày' },
      'report.bad_range',
    );
  }
  if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) {
    throw new ValidationError(
      `Mỗi báo cáo tối đa ${MAX_REPORT_DAYS} ngày`,
      { from: 'Khoảng ngày quá dài' },
      'report.range_too_long',
    );
  }

  return { from, to };
};

const ORDER = new Map(PAYMENT_METHODS.map((method, index) => [method, index]));

export const dailyTotals = async (
  db: Db,
  query: DailyQuery,
  caller?: Principal,
): Promise<DailyTotal[]> => {
  const { from, to } = reportRange(query);
  const anchor = await anchorOf(db, query.unitId, caller);
  if (!anchor) return [];

  const start = ictDayStart(from);
  const end = ictDayStart(addDays(to, 1));
  const entries = [];
  for (const month of monthsBetween(from.slice(0, 7), to.slice(0, 7))) {
    entries.push(...(await periodEntries(db, anchor, { month, from: start, to: end })));
  }
  const payments = (
    await batchGet(
      db,
      entries.map((entry) => ({ pk: String(entry.pk), sk: String(entry.sk) })),
    )
  ).map((item) => stripInternal<Payment>(item));

  const totals = new Map<string, DailyTotal>();
  for (const payment of payments) {
    const day = ictDate(payment.paidAt);
    const id = `${day}:${payment.method}`;
    const total = totals.get(id) ?? {
      id,
      day,
      method: payment.method,
      count: 0,
      amount: 0,
      settledAmount: 0,
      reviewAmount: 0,
      refundedAmount: 0,
    };
    total.count += 1;
    total.amount += payment.amount;
    if (payment.status === 'recorded' || payment.status === 'matched') {
      total.settledAmount += payment.amount;
    } else if (REVIEW_STATUSES.includes(payment.status)) total.reviewAmount += payment.amount;
    else total.refundedAmount += payment.amount;
    totals.set(id, total);
  }

  return [...totals.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || (ORDER.get(a.method) ?? 0) - (ORDER.get(b.method) ?? 0),
  );
};
