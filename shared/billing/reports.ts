/**
 * Finance views over every account: outstanding balances aged as of a day, invoiced and collected
 * totals per month, and accounts still in their free period.
 *
 * Known limit: ageing rebuilds each invoice's balance on the chosen day from the invoices
 * themselves (issue day, payments with their days, voiding day), so it reads every invoice of
 * every year up to that day: fine for the hundreds of accounts of a province, an index of open
 * invoices would be the next step at tens of thousands.
 */
import { accountsUnder } from '../accounts/store';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { ValidationError } from '../errors';
import {
  addMonths,
  daysBetween,
  firstDayOf,
  isDay,
  isMonth,
  lastDayOf,
  monthOf,
} from '../time/days';
import { invoicesOfYear } from './invoice-store';
import { allPricePlans } from './plan-store';
import { AGEING_BUCKETS, type AgeingBucket, type Invoice } from './fields';
import { billingStartsOn, planFor } from './plans';

/** No invoice of the platform is older than this year. */
const FIRST_BILLING_YEAR = 2020;

export { AGEING_BUCKETS, type AgeingBucket };

/** Days past the due date: up to 30 (the due day itself is 0), 31–60, 61–90, over 90. */
export const bucketOf = (daysPastDue: number): AgeingBucket => {
  if (daysPastDue < 0) return 'notDue';
  if (daysPastDue <= 30) return 'days0to30';
  if (daysPastDue <= 60) return 'days31to60';

  return daysPastDue <= 90 ? 'days61to90' : 'over90';
};

/** What an invoice still asked for at the end of a day: 0 before it was issued or once void. */
export const outstandingOn = (invoice: Invoice, day: string): number => {
  if (invoice.issuedOn > day) return 0;
  if (invoice.status === 'void' && invoice.voidedOn && invoice.voidedOn <= day) return 0;
  const paid = invoice.payments
    .filter((payment) => payment.paidOn <= day)
    .reduce((sum, payment) => sum + payment.amount, 0);

  return Math.max(0, invoice.total - invoice.creditApplied - paid);
};

type Buckets = Record<AgeingBucket, number> & { total: number };
const zero = (): Buckets => ({
  notDue: 0,
  days0to30: 0,
  days31to60: 0,
  days61to90: 0,
  over90: 0,
  total: 0,
});

export interface AgedInvoice {
  number: string;
  month: string;
  dueDate: string;
  daysPastDue: number;
  bucket: AgeingBucket;
  outstanding: number;
}

export interface AgedAccount extends Buckets {
  accountId: string;
  accountName: string;
  invoices: AgedInvoice[];
}

export interface Ageing {
  asOf: string;
  totals: Buckets;
  accounts: AgedAccount[];
}

const invoicesUpTo = async (db: Db, day: string): Promise<Invoice[]> => {
  const last = Number(day.slice(0, 4));
  const years = Array.from({ length: last - FIRST_BILLING_YEAR + 1 }, (_, i) =>
    String(FIRST_BILLING_YEAR + i),
  );
  // Only years that ever had a number: one batch read of the sequences.
  const used = await batchGet(db, years.map(keys.invoiceSequence));
  const lists = await Promise.all(used.map((item) => invoicesOfYear(db, String(item.year))));

  return lists.flat();
};

export const ageing = async (db: Db, asOf: string): Promise<Ageing> => {
  if (!isDay(asOf))
    throw new ValidationError('Ngày phải có dạng YYYY-MM-DD', { asOf: 'Không hợp lệ' });
  const byAccount = new Map<string, AgedAccount>();
  const totals = zero();
  for (const invoice of await invoicesUpTo(db, asOf)) {
    const outstanding = outstandingOn(invoice, asOf);
    if (outstanding === 0) continue;
    const daysPastDue = daysBetween(invoice.dueDate, asOf);
    const bucket = bucketOf(daysPastDue);
    const row = byAccount.get(invoice.accountId) ?? {
      accountId: invoice.accountId,
      accountName: invoice.accountName,
      ...zero(),
      invoices: [],
    };
    row[bucket] += outstanding;
    row.total += outstanding;
    row.invoices.push({
      number: invoice.number,
      month: invoice.month,
      dueDate: invoice.dueDate,
      daysPastDue,
      bucket,
      outstanding,
    });
    byAccount.set(invoice.accountId, row);
    totals[bucket] += outstanding;
    totals.total += outstanding;
  }
  const accounts = [...byAccount.values()].sort(
    (a, b) => b.total - a.total || a.accountId.localeCompare(b.accountId),
  );

  return { asOf, totals, accounts };
};

export interface MonthTotals {
  month: string;
  /** Invoices of the billed month that are not void. */
  invoiced: number;
  invoiceCount: number;
  /** Payments received in the month (by payment day). */
  collected: number;
  paymentCount: number;
}

export const MAX_REPORT_MONTHS = 60;

export const monthlyTotals = async (db: Db, from: string, to: string): Promise<MonthTotals[]> => {
  if (!isMonth(from) || !isMonth(to) || to < from) {
    throw new ValidationError('Cần khoảng tháng from ≤ to dạng YYYY-MM', { from: 'Không hợp lệ' });
  }
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  if (months.length > MAX_REPORT_MONTHS) {
    throw new ValidationError(`Tối đa ${MAX_REPORT_MONTHS} tháng mỗi lần xem`, { to: 'Quá dài' });
  }
  const items = new Map(
    (await batchGet(db, months.map(keys.billingTotals))).map((item) => [String(item.month), item]),
  );

  return months.map((month) => {
    const item = items.get(month) ?? {};
    const number = (name: string) => Number(item[name] ?? 0);

    return {
      month,
      invoiced: number('invoiced'),
      invoiceCount: number('invoiceCount'),
      collected: number('collected'),
      paymentCount: number('paymentCount'),
    };
  });
};

export interface FreePeriodRow {
  accountId: string;
  accountName: string;
  kind: string;
  activatedOn: string;
  freeMonths: number;
  billingStartsOn: string;
  inFreePeriod: boolean;
  daysUntilBilling: number;
}

/**
 * The first billable day, by the plan of each month as billing sees it: the first month whose
 * plan puts the start on or before the month's last day; the start is then within that month.
 */
export const firstBillableDay = (
  activatedOn: string,
  versions: Parameters<typeof planFor>[0],
): { day: string; freeMonths: number } => {
  // Free months are at most 120 (schema.ts), so the start lies within 121 months.
  for (let month = monthOf(activatedOn); month <= addMonths(monthOf(activatedOn), 121);) {
    const { freeMonths } = planFor(versions, month).terms;
    const start = billingStartsOn(activatedOn, freeMonths);
    if (start <= lastDayOf(month)) {
      return { day: start < firstDayOf(month) ? firstDayOf(month) : start, freeMonths };
    }
    month = addMonths(month, 1);
  }

  throw new RangeError('firstBillableDay: no start within 121 months');
};

/** Activated, billed accounts (not the operator's, not closed) and when billing starts. */
export const freePeriods = async (db: Db, asOf: string, all = false): Promise<FreePeriodRow[]> => {
  if (!isDay(asOf))
    throw new ValidationError('Ngày phải có dạng YYYY-MM-DD', { asOf: 'Không hợp lệ' });
  const [accounts, plans] = await Promise.all([accountsUnder(db, '/'), allPricePlans(db)]);

  return accounts
    .filter((a) => a.kind !== 'operator' && a.status !== 'closed' && a.activatedOn)
    .map((account) => {
      const start = firstBillableDay(account.activatedOn as string, plans.get(account.id) ?? []);

      return {
        accountId: account.id,
        accountName: account.name,
        kind: account.kind,
        activatedOn: account.activatedOn as string,
        freeMonths: start.freeMonths,
        billingStartsOn: start.day,
        inFreePeriod: start.day > asOf,
        daysUntilBilling: Math.max(0, daysBetween(asOf, start.day)),
      };
    })
    .filter((row) => all || row.inFreePeriod)
    .sort(
      (a, b) =>
        a.billingStartsOn.localeCompare(b.billingStartsOn) ||
        a.accountId.localeCompare(b.accountId),
    );
};
