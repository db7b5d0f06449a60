/**
 * An account's statement: its invoices (what it owes), their voiding (owing reversed) and its
 * payments (what it paid), by date, with a running balance. A positive balance is owed; a
 * negative one is credit. Credit taken off an invoice is not a line: no money moved, it only
 * settles part of that invoice, so the balance already counts it.
 */
import { getAccount } from '../accounts/store';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { ValidationError } from '../errors';
import { isDay } from '../time/days';
import { ledgerOf } from './invoice-store';
import { readCredits } from './ledger-items';
import { accountNotFound, seesAccount } from './scope';

export interface StatementLine {
  date: string;
  kind: 'invoice' | 'void' | 'payment';
  /** The invoice number, or the payment's transfer reference. */
  reference: string;
  invoiceId: string;
  description: string;
  debit: number;
  credit: number;
  balance: number;
}

export interface Statement {
  accountId: string;
  accountName: string;
  from: string | null;
  to: string | null;
  openingBalance: number;
  lines: StatementLine[];
  closingBalance: number;
  /** What the account's open invoices still ask for, today. */
  outstanding: number;
  /** Overpayments not yet taken off an invoice, today. */
  credit: number;
}

/**
 * Lines of one day: invoices, then voids, then replacements (issued by the void, after it), then
 * payments.
 */
type Entry = Omit<StatementLine, 'balance'> & { order: number };

export const accountStatement = async (
  db: Db,
  accountId: string,
  range: { from?: string; to?: string },
  caller?: Principal,
): Promise<Statement> => {
  for (const [name, day] of Object.entries(range)) {
    if (day !== undefined && !isDay(day)) {
      throw new ValidationError('Ngày phải có dạng YYYY-MM-DD', { [name]: 'Không hợp lệ' });
    }
  }
  if (!seesAccount(accountId, caller)) throw accountNotFound();
  const account = await getAccount(db, accountId).catch(() => {
    throw accountNotFound();
  });
  const [ledger, credits] = await Promise.all([
    ledgerOf(db, accountId),
    readCredits(db, [accountId]),
  ]);

  const entries: Entry[] = [];
  for (const invoice of ledger.invoices) {
    entries.push({
      date: invoice.issuedOn,
      kind: 'invoice',
      reference: invoice.number,
      invoiceId: invoice.number,
      description: `Hóa đơn tháng ${invoice.month}`,
      debit: invoice.total,
      credit: 0,
      order: invoice.replaces ? 2 : 0,
    });
    if (invoice.status === 'void' && invoice.voidedOn) {
      entries.push({
        date: invoice.voidedOn,
        kind: 'void',
        reference: invoice.number,
        invoiceId: invoice.number,
        description: `Hủy hóa đơn ${invoice.number}: ${invoice.voidReason ?? ''}`.trim(),
        debit: 0,
        credit: invoice.total,
        order: 1,
      });
    }
  }
  for (const payment of ledger.payments) {
    entries.push({
      date: payment.paidOn,
      kind: 'payment',
      reference: payment.reference,
      invoiceId: payment.invoiceId,
      description: `Thanh toán hóa đơn ${payment.invoiceId}`,
      debit: 0,
      credit: payment.amount,
      order: 3,
    });
  }
  entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.order - b.order || a.reference.localeCompare(b.reference),
  );

  let balance = 0;
  let openingBalance = 0;
  const lines: StatementLine[] = [];
  for (const { order: _order, ...entry } of entries) {
    balance += entry.debit - entry.credit;
    if (range.from && entry.date < range.from) openingBalance = balance;
    else if (!range.to || entry.date <= range.to) lines.push({ ...entry, balance });
  }

  return {
    accountId,
    accountName: account.name,
    from: range.from ?? null,
    to: range.to ?? null,
    openingBalance,
    lines,
    closingBalance: lines.at(-1)?.balance ?? openingBalance,
    outstanding: ledger.invoices.reduce(
      (sum, invoice) => sum + (invoice.status === 'void' ? 0 : invoice.balanceDue),
      0,
    ),
    credit: credits.get(accountId) ?? 0,
  };
};
