/**
 * What an account owes for one month, before any credit or payment. The order is fixed:
 * 1. the month's price prorated by days: price × billable days ÷ days in the month, rounded half
 *    up to whole đồng;
 * 2. the discount on that amount: a percentage of it (rounded half up), or a fixed amount per
 *    whole month prorated by the same days (rounded half up) and never more than the amount;
 * 3. VAT on what remains, rounded half up;
 * 4. the total, amount + VAT.
 * Credit is applied after the total (issue.ts): it is money already received, not a price cut,
 * so it changes neither the taxable amount nor the VAT.
 */
import type { Account } from '../accounts/fields';
import { historyOf } from '../accounts/status-history';
import { viDay, viMonth } from '../time/days';
import type { InvoiceLine, PlanTerms, PricePlan } from './fields';
import { formatVnd, percentOf, prorate } from './money';
import { billingStartsOn, discountApplies, planFor } from './plans';
import { type Proration, prorationOf } from './proration';

export type BillableAccount = Pick<
  Account,
  'id' | 'kind' | 'status' | 'activatedOn' | 'createdAt' | 'statusHistory'
>;

export interface Charge {
  month: string;
  planId: string;
  terms: PlanTerms;
  billingStartsOn: string;
  proration: Proration;
  line: InvoiceLine;
}

const discountOf = (terms: PlanTerms, month: string, gross: number, p: Proration) => {
  if (!discountApplies(terms, month)) return { discount: 0, note: null };
  const value = terms.discountValue ?? 0;
  if (terms.discountKind === 'percent') {
    return { discount: percentOf(gross, Math.min(value, 100)), note: `Giảm ${value}%` };
  }

  return {
    discount: Math.min(prorate(value, p.billableDays, p.daysInMonth), gross),
    note: `Giảm ${formatVnd(value)}/tháng`,
  };
};

const describe = (month: string, p: Proration): string => {
  const base = `Phí sử dụng nền tảng Nguồn tháng ${viMonth(month)}`;
  if (p.billableDays === p.daysInMonth) return base;
  const periods = p.periods
    .map((range) =>
      range.from === range.to ? viDay(range.from) : `${viDay(range.from)}–${viDay(range.to)}`,
    )
    .join('; ');

  return `${base} (${p.billableDays}/${p.daysInMonth} ngày: ${periods})`;
};

/**
 * The month's charge, or undefined when nothing is billable: the operator's account, an account
 * never activated, a month without a billable day, or a month discounted to nothing.
 */
export const chargeFor = (
  account: BillableAccount,
  versions: PricePlan[],
  month: string,
): Charge | undefined => {
  if (account.kind === 'operator' || !account.activatedOn) return undefined;

  const plan = planFor(versions, month);
  const { terms } = plan;
  const startsOn = billingStartsOn(account.activatedOn, terms.freeMonths);
  const proration = prorationOf(month, startsOn, historyOf(account));
  if (proration.billableDays === 0) return undefined;

  const gross = prorate(terms.monthlyPrice, proration.billableDays, proration.daysInMonth);
  const { discount, note } = discountOf(terms, month, gross, proration);
  const amount = gross - discount;
  if (amount <= 0) return undefined;
  const vat = percentOf(amount, terms.vatRate);

  return {
    month,
    planId: plan.id,
    terms,
    billingStartsOn: startsOn,
    proration,
    line: {
      description: describe(month, proration),
      unit: 'tháng',
      billableDays: proration.billableDays,
      daysInMonth: proration.daysInMonth,
      quantity: `${proration.billableDays}/${proration.daysInMonth}`,
      unitPrice: terms.monthlyPrice,
      grossAmount: gross,
      discount,
      discountNote: note,
      amount,
      vatRate: terms.vatRate,
      vat,
      total: amount + vat,
    },
  };
};
