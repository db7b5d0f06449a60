/**
 * The platform's billing of its accounts (DESIGN.md §1, issue 6): price plans, invoices,
 * payments and billing runs. Money is integer VND; days and months are Vietnam calendar days.
 */
export const INVOICE_STATUSES = ['issued', 'partly-paid', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const DISCOUNT_KINDS = ['percent', 'fixed'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

/** Gateways settle through the same function as finance does by hand (payments.ts). */
export const PAYMENT_METHODS = [
  'bank-transfer',
  'cash',
  'vnpay',
  'momo',
  'zalopay',
  'payos',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** What finance may record by hand; gateway payments arrive through their webhooks only. */
export const MANUAL_PAYMENT_METHODS = ['bank-transfer', 'cash'] as const;

export const RUN_TRIGGERS = ['schedule', 'admin', 'cli', 'seed'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** What a price plan version charges. */
export interface PlanTerms {
  /** Price of a whole month, VND, before discount and VAT. */
  monthlyPrice: number;
  /** Months free from activation; billing starts on the same day that many months later. */
  freeMonths: number;
  /** Whole percent, applied after the discount. */
  vatRate: number;
  /** Days from the issue date to the due date. */
  dueDays: number;
  discountKind: DiscountKind | null;
  /** Whole percent for `percent`; VND off a whole month for `fixed`. */
  discountValue: number | null;
  /** Last day of the last discounted month; null: for as long as this version holds. */
  discountUntil: string | null;
}

export interface PricePlanInput extends PlanTerms {
  accountId: string;
  /** The first day of the first month this version prices. */
  effectiveFrom: string;
  note: string | null;
}

export interface PricePlan extends PricePlanInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DayRange {
  from: string;
  to: string;
}

/** The one line of a month's invoice: the prorated service, its discount and VAT. */
export interface InvoiceLine {
  description: string;
  unit: string;
  /** Billable days and days in the month: the quantity is billableDays ÷ daysInMonth months. */
  billableDays: number;
  daysInMonth: number;
  /** `15/30`, as printed. */
  quantity: string;
  unitPrice: number;
  /** unitPrice × billableDays ÷ daysInMonth, rounded half up. */
  grossAmount: number;
  discount: number;
  discountNote: string | null;
  /** grossAmount − discount: the amount VAT is charged on. */
  amount: number;
  vatRate: number;
  vat: number;
  total: number;
}

export interface PaymentAllocation {
  paymentId: string;
  paidOn: string;
  amount: number;
}

export interface Actor {
  userId: string;
  username: string;
}

export interface Invoice {
  /** The invoice number, e.g. `NG-2026-000123`. */
  id: string;
  number: string;
  accountId: string;
  accountName: string;
  buyerTaxCode: string | null;
  /** The billed month, `YYYY-MM`; the number's year is its year. */
  month: string;
  billedPeriods: DayRange[];
  planId: string;
  lines: InvoiceLine[];
  subtotal: number;
  discount: number;
  taxableAmount: number;
  vatRate: number;
  vat: number;
  total: number;
  /** Taken from the account's credit when the invoice was issued. */
  creditApplied: number;
  paidAmount: number;
  /** total − creditApplied − paidAmount; 0 once void. */
  balanceDue: number;
  payments: PaymentAllocation[];
  issuedOn: string;
  dueDate: string;
  status: InvoiceStatus;
  /** The run that issued it; null for a replacement, issued when the invoice it replaces was voided. */
  runId: string | null;
  replaces: string | null;
  replacedBy: string | null;
  voidReason: string | null;
  voidedOn: string | null;
  voidedBy: Actor | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Payment {
  /** `YYYY-MM.<random>`: the month of `paidOn` first, so the id finds its partition. */
  id: string;
  invoiceId: string;
  accountId: string;
  amount: number;
  /** What went to the invoice; the rest (`creditAdded`) became the account's credit. */
  allocated: number;
  creditAdded: number;
  paidOn: string;
  method: PaymentMethod;
  reference: string;
  note: string | null;
  recordedBy: Actor;
  createdAt: string;
}

export interface BillingRun {
  id: string;
  month: string;
  trigger: RunTrigger;
  startedBy: string;
  startedAt: string;
  finishedAt: string;
  status: 'completed' | 'failed';
  /** Accounts looked at (every account but the operator's). */
  accounts: number;
  issued: number;
  alreadyInvoiced: number;
  notBillable: number;
  issuedTotal: number;
  firstNumber: string | null;
  lastNumber: string | null;
  /** Error code of a failed run; invoices issued before the failure stay, a rerun completes. */
  error: string | null;
}

/** Ageing of outstanding balances: not yet due, then days past the due date (reports.ts). */
export const AGEING_BUCKETS = [
  'notDue',
  'days0to30',
  'days31to60',
  'days61to90',
  'over90',
] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
