/**
 * Demo billing, so that the finance views show something after `npm start`: a price plan for
 * every demo account, a tax code for those without one, the monthly runs from the first billable
 * month to the last month that has ended, and payments as finance would record them: most paid
 * in full within weeks, some in part, one account that never pays (so ageing has a tail), one
 * overpayment carried as credit, one invoice voided and replaced. Runs and payments are made in
 * date order through the same store functions as the API, each at its own moment in the past.
 * Seeded only while no price plan exists, so a table seeded before billing existed gets it too.
 */
import type { Account } from '../../../shared/accounts/fields';
import { accountsUnder, updateAccount } from '../../../shared/accounts/store';
import type { Principal } from '../../../shared/auth/principal';
import type { Invoice, PricePlanInput } from '../../../shared/billing/fields';
import { listInvoices } from '../../../shared/billing/invoice-store';
import { recordPayment } from '../../../shared/billing/payments';
import { allPricePlans, createPricePlan } from '../../../shared/billing/plan-store';
import { DEFAULT_TERMS } from '../../../shared/billing/plans';
import { firstBillableDay } from '../../../shared/billing/reports';
import { runBilling } from '../../../shared/billing/run';
import { voidInvoice } from '../../../shared/billing/void';
import type { Db } from '../../../shared/db/client';
import { addDays, addMonths, monthOf } from '../../../shared/time/days';
import { ictDate, ictMonth } from '../../../shared/time/ict';
import { hashString } from './random';

export interface DemoBillingSummary {
  plans: number;
  invoices: number;
  payments: number;
}

const FINANCE: Principal = {
  userId: 'system',
  username: 'ketoan',
  fullName: 'Dữ liệu mẫu',
  role: 'finance',
  accountId: 'operator',
  scopePath: '/',
  sessionId: 'seed',
};

/** The moment, as an ISO instant, of a time of day in Vietnam. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`).toISOString();

const planOf = (account: Account): PricePlanInput => {
  const base = { ...DEFAULT_TERMS, accountId: account.id, effectiveFrom: '2025-01-01', note: null };
  if (account.kind === 'collector') {
    return { ...base, monthlyPrice: 450_000, vatRate: 10, note: 'Doanh nghiệp thu gom (mẫu)' };
  }
  if (account.kind === 'commune-committee') {
    return {
      ...base,
      discountKind: 'percent',
      discountValue: 20,
      discountUntil: '2026-06-30',
      note: 'Hỗ trợ xã năm đầu tính phí (mẫu)',
    };
  }

  return base;
};

/** A plausible 10-digit tax code, the same for an account on every seed (Khánh Hòa: 42…). */
const demoTaxCode = (id: string) => `42${String(hashString(id) % 100_000_000).padStart(8, '0')}`;

const invoicesOf = async (db: Db, month: string): Promise<Invoice[]> =>
  (
    await listInvoices(db, {
      sort: { field: 'number', order: 'ASC' },
      range: { start: 0, end: 999 },
      filter: { month },
    })
  ).records.filter((invoice) => invoice.status !== 'void');

export const seedDemoBilling = async (
  db: Db,
  now = new Date().toISOString(),
): Promise<DemoBillingSummary | undefined> => {
  if ((await allPricePlans(db)).size > 0) return undefined;
  const summary: DemoBillingSummary = { plans: 0, invoices: 0, payments: 0 };
  const today = ictDate(now);
  const accounts = (await accountsUnder(db, '/')).filter((a) => a.kind !== 'operator');
  const envOffice = accounts.find((a) => a.kind === 'environment-office')?.id;
  const neverPays = accounts.find(
    (a) => a.kind === 'ward-committee' && a.activatedOn! < '2025-06-01',
  )?.id;

  for (const account of accounts) {
    const seeded = at('2025-01-01', '08:00');
    if (!account.taxCode) {
      await updateAccount(
        db,
        account.id,
        { ...account, taxCode: demoTaxCode(account.id) },
        account.version,
        seeded,
      );
    }
    await createPricePlan(db, planOf(account), seeded);
    summary.plans += 1;
  }
  if (envOffice) {
    await createPricePlan(
      db,
      {
        ...DEFAULT_TERMS,
        accountId: envOffice,
        effectiveFrom: '2026-07-01',
        monthlyPrice: 350_000,
        note: 'Giá mới từ 07/2026 (mẫu)',
      },
      at('2026-06-15', '08:00'),
    );
    summary.plans += 1;
  }

  const plans = await allPricePlans(db);
  const starts = accounts
    .filter((a) => a.activatedOn)
    .map((a) => monthOf(firstBillableDay(a.activatedOn as string, plans.get(a.id) ?? []).day));
  const last = addMonths(ictMonth(now), -1);
  let overpaid = false;
  for (let month = starts.sort()[0]; month && month <= last; month = addMonths(month, 1)) {
    const runDay = `${addMonths(month, 1)}-01`;
    const run = await runBilling(db, month, { trigger: 'seed', now: at(runDay, '00:15') });
    summary.invoices += run.issued;

    for (const invoice of await invoicesOf(db, month)) {
      const draw = hashString(invoice.number);
      if (invoice.accountId === neverPays || invoice.balanceDue === 0) continue;
      const paidOn = addDays(invoice.issuedOn, 3 + (draw % 20));
      // The last month's invoices are days old: a few are paid, most wait.
      if (paidOn > today || (month === last && draw % 3 !== 0)) continue;
      const partly = month >= addMonths(last, -2) && draw % 4 === 0;
      const over: boolean = !overpaid && invoice.accountId === envOffice;
      overpaid ||= over;
      const amount = over
        ? 500_000
        : partly
          ? Math.min(100_000, invoice.balanceDue)
          : invoice.balanceDue;
      const cash = draw % 9 === 0;
      await recordPayment(
        db,
        {
          invoiceId: invoice.number,
          amount,
          paidOn,
          method: cash ? 'cash' : 'bank-transfer',
          reference: cash
            ? `PT-${invoice.number}`
            : `FT${paidOn.replace(/-/g, '').slice(2)}${String(draw % 10_000).padStart(4, '0')}`,
          note: over ? 'Chuyển dư, trừ vào các hóa đơn sau' : null,
        },
        at(paidOn, '10:30'),
        FINANCE,
      );
      summary.payments += 1;
    }

    // One correction: a ward's invoice voided a few days after issue and replaced.
    const wrong =
      month === addMonths(last, -3)
        ? (await invoicesOf(db, month)).find(
            (i) => i.accountId !== neverPays && i.accountId !== envOffice,
          )
        : undefined;
    if (wrong) {
      const day = addDays(wrong.issuedOn, 4);
      await voidInvoice(db, wrong.number, 'Sai mã số thuế người mua (mẫu)', at(day, '14:00'), {
        ...FINANCE,
        username: 'vanhanh',
        role: 'operator',
      });
      summary.invoices += 1;
    }
  }

  return summary;
};
