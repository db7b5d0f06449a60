/**
 * Building an invoice record and the table items that carry it. An invoice is written once, when
 * issued; afterwards only its payment state and, once, its voiding change (status.ts).
 */
import type { Account } from '../accounts/fields';
import { keys, ledgerTreePk } from '../db/keys';
import { addDays } from '../time/days';
import type { Charge } from './charge';
import type { Invoice, InvoiceStatus } from './fields';

export const INVOICE_PREFIX = 'NG';

/** `NG-2026-000123`: the billed month's year, then the year's sequence. */
export const invoiceNumber = (year: string, sequence: number): string =>
  `${INVOICE_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;

/** The year of an invoice number, or undefined when it is not one. */
export const yearOfNumber = (number: string): string | undefined =>
  /^NG-(\d{4})-\d{6,}$/.exec(number)?.[1];

export const invoiceKey = (number: string) => keys.invoice(yearOfNumber(number) ?? '', number);

/** Where an invoice stands after money reaches it; a void invoice stays void. */
export const statusAfter = (
  invoice: Pick<Invoice, 'status' | 'total' | 'creditApplied' | 'paidAmount'>,
): InvoiceStatus => {
  if (invoice.status === 'void') return 'void';
  const settled = invoice.creditApplied + invoice.paidAmount;
  if (settled >= invoice.total) return 'paid';

  return settled > 0 ? 'partly-paid' : 'issued';
};

export interface NewInvoice {
  number: string;
  account: Pick<Account, 'id' | 'name' | 'taxCode'>;
  charge: Charge;
  creditApplied: number;
  issuedOn: string;
  runId: string | null;
  now: string;
  replaces?: string;
}

export const buildInvoice = (spec: NewInvoice): Invoice => {
  const { line, terms, proration } = spec.charge;
  const total = line.total;
  const base = { status: 'issued' as InvoiceStatus, total, creditApplied: spec.creditApplied };

  return {
    id: spec.number,
    number: spec.number,
    accountId: spec.account.id,
    accountName: spec.account.name,
    buyerTaxCode: spec.account.taxCode ?? null,
    month: spec.charge.month,
    billedPeriods: proration.periods,
    planId: spec.charge.planId,
    lines: [line],
    subtotal: line.grossAmount,
    discount: line.discount,
    taxableAmount: line.amount,
    vatRate: line.vatRate,
    vat: line.vat,
    total,
    creditApplied: spec.creditApplied,
    paidAmount: 0,
    balanceDue: total - spec.creditApplied,
    payments: [],
    issuedOn: spec.issuedOn,
    dueDate: addDays(spec.issuedOn, terms.dueDays),
    status: statusAfter({ ...base, paidAmount: 0 }),
    runId: spec.runId,
    replaces: spec.replaces ?? null,
    replacedBy: null,
    voidReason: null,
    voidedOn: null,
    voidedBy: null,
    createdAt: spec.now,
    updatedAt: spec.now,
    version: 1,
  };
};

/** The stored item: in its year's partition, and in its account's ledger by issue date. */
export const invoiceItem = (invoice: Invoice) => ({
  ...invoiceKey(invoice.number),
  ...invoice,
  treePk: ledgerTreePk(invoice.accountId),
  treeSk: `${invoice.issuedOn}#I#${invoice.number}`,
});

/** What the audit trail keeps of an invoice: who issued or changed what, not every line. */
export const auditView = (invoice: Invoice) => ({
  accountId: invoice.accountId,
  month: invoice.month,
  total: invoice.total,
  creditApplied: invoice.creditApplied,
  paidAmount: invoice.paidAmount,
  dueDate: invoice.dueDate,
  status: invoice.status,
  replaces: invoice.replaces,
  replacedBy: invoice.replacedBy,
  voidReason: invoice.voidReason,
});
