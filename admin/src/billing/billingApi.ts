/**
 * The billing routes beyond ra-data-simple-rest's CRUD (README, "Billing of the accounts"):
 * dedicated actions on invoices, the statement, the printable invoice, runs and the finance
 * views. Types come from the server's own modules (type imports only, nothing of them is bundled).
 */
import type { BillingRun, Invoice, Payment } from '../../../shared/billing/fields';
import type { PrintableInvoice } from '../../../shared/billing/print';
import type { Ageing, FreePeriodRow, MonthTotals } from '../../../shared/billing/reports';
import type { Statement } from '../../../shared/billing/statement';
import type { VoidResult } from '../../../shared/billing/void';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';

export type { Ageing, BillingRun, FreePeriodRow, Invoice, MonthTotals, Payment, PrintableInvoice };
export type { Statement, VoidResult };

const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

/** A query string of the parameters that have a value. */
export const queryOf = (params: Record<string, string | undefined>): string => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();

  return text ? `?${text}` : '';
};

const id = (value: string) => encodeURIComponent(value);

export interface PaymentForm {
  invoiceId: string;
  amount: number;
  paidOn: string;
  method: 'bank-transfer' | 'cash';
  reference: string;
  note: string | null;
}

export const recordPayment = (input: PaymentForm) =>
  post<Payment & { invoice: Invoice }>('/invoice-payments', input);

export const voidInvoice = (number: string, reason: string) =>
  post<VoidResult>(`/invoices/${id(number)}/void`, { reason });

export const runBilling = (month: string) => post<BillingRun>('/billing-runs', { month });

export const GATEWAYS = ['vietqr', 'vnpay', 'momo', 'zalopay', 'payos'] as const;
export type Gateway = (typeof GATEWAYS)[number];

/** What `POST /api/invoices/{id}/pay` answers: a gateway page to go to, or a VietQR to show. */
export interface PaymentStart {
  attemptId: string;
  redirectUrl?: string;
  qr?: {
    payload: string;
    bankName: string;
    accountNumber: string;
    amount: number;
    content: string;
  };
}

export const payInvoice = (number: string, gateway: Gateway) =>
  post<PaymentStart>(`/invoices/${id(number)}/pay`, { gateway });

/** Paths of the read-only views, for useApiGet. */
export const paths = {
  print: (number: string) => `/invoices/${id(number)}/print`,
  statement: (accountId: string, range: { from?: string; to?: string }) =>
    `/accounts/${id(accountId)}/statement${queryOf(range)}`,
  ageing: (asOf?: string) => `/finance/ageing${queryOf({ asOf })}`,
  monthly: (from?: string, to?: string) => `/finance/monthly${queryOf({ from, to })}`,
  freePeriod: (asOf?: string, all = false) =>
    `/finance/free-period${queryOf({ asOf, all: all ? 'true' : undefined })}`,
};

export interface MonthlyAnswer {
  from: string;
  to: string;
  months: MonthTotals[];
}

export interface FreePeriodAnswer {
  asOf: string;
  accounts: FreePeriodRow[];
}
