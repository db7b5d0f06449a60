/**
 * Which price plan version prices a month. Versions take effect on the first day of a month, so
 * one month is always priced by one version; before an account's first version, and for an
 * account with none, the default terms apply, so no account goes unbilled by omission.
 */
import { addMonthsClamped, firstDayOf, monthOf } from '../time/days';
import type { PlanTerms, PricePlan } from './fields';

export const DEFAULT_TERMS: PlanTerms = {
  monthlyPrice: 300_000,
  freeMonths: 12,
  // The default plan carries no VAT; a plan states the rate the operator's tax adviser confirms.
  vatRate: 0,
  dueDays: 30,
  discountKind: null,
  discountValue: null,
  discountUntil: null,
};

export const DEFAULT_PLAN_ID = 'default';

export interface PlanInForce {
  id: string;
  terms: PlanTerms;
}

const termsOf = (plan: PricePlan): PlanTerms => ({
  monthlyPrice: plan.monthlyPrice,
  freeMonths: plan.freeMonths,
  vatRate: plan.vatRate,
  dueDays: plan.dueDays,
  discountKind: plan.discountKind,
  discountValue: plan.discountValue,
  discountUntil: plan.discountUntil,
});

/** The version with the latest `effectiveFrom` on or before the month's first day. */
export const planFor = (versions: PricePlan[], month: string): PlanInForce => {
  const start = firstDayOf(month);
  const inForce = versions
    .filter((plan) => plan.effectiveFrom <= start)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];

  return inForce
    ? { id: inForce.id, terms: termsOf(inForce) }
    : { id: DEFAULT_PLAN_ID, terms: DEFAULT_TERMS };
};

/**
 * The first billable day: activation plus the free months, the same date; where that date does
 * not exist (29 February, 31 April) the last day of that month.
 */
export const billingStartsOn = (activatedOn: string, freeMonths: number): string =>
  addMonthsClamped(activatedOn, freeMonths);

export const discountApplies = (terms: PlanTerms, month: string): boolean =>
  terms.discountKind !== null &&
  (terms.discountValue ?? 0) > 0 &&
  (terms.discountUntil === null || month <= monthOf(terms.discountUntil));
