/**
 * What a printable invoice shows, in Vietnamese: seller, buyer with tax code, period, the line
 * (quantity, unit price, amount, VAT, total), the amount in words, and how it was settled. The
 * admin lays it out; the numbers and words are decided here, once.
 */
import { accountsUnder, getAccount } from '../accounts/store';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { firstDayOf, lastDayOf, viDay, viMonth } from '../time/days';
import type { DayRange, Invoice, InvoiceStatus } from './fields';
import { getInvoice } from './invoice-store';
import { type Seller, sellerOf } from './seller';
import { amountInWords } from './words';

const STATUS_LABELS: Record<InvoiceStatus, string> = {
  issued: 'Chưa thanh toán',
  'partly-paid': 'Đã thanh toán một phần',
  paid: 'Đã thanh toán',
  void: 'Đã hủy',
};

export interface PrintableInvoice {
  title: string;
  number: string;
  issuedOn: string;
  dueDate: string;
  status: InvoiceStatus;
  statusLabel: string;
  seller: Seller;
  buyer: { accountId: string; name: string; taxCode: string | null; contactName: string | null };
  period: { month: string; label: string; from: string; to: string; billed: DayRange[] };
  lines: Array<{
    no: number;
    description: string;
    unit: string;
    quantity: string;
    unitPrice: number;
    amount: number;
    discount: number;
    discountNote: string | null;
    vatRate: number;
    vat: number;
    total: number;
  }>;
  subtotal: number;
  discount: number;
  taxableAmount: number;
  vatRate: number;
  vat: number;
  total: number;
  amountInWords: string;
  settlement: Array<{ label: string; amount: number }>;
  balanceDue: number;
  replaces: string | null;
  replacedBy: string | null;
  voidReason: string | null;
  /** Dates as printed (dd/MM/yyyy). */
  printed: { issuedOn: string; dueDate: string; period: string };
}

export const printableInvoice = async (
  db: Db,
  number: string,
  caller?: Principal,
): Promise<PrintableInvoice> => {
  const invoice: Invoice = await getInvoice(db, number, caller);
  const [buyer, operators] = await Promise.all([
    getAccount(db, invoice.accountId).catch(() => undefined),
    accountsUnder(db, '/'),
  ]);
  const operator = operators.find((account) => account.kind === 'operator');
  const from = firstDayOf(invoice.month);
  const to = lastDayOf(invoice.month);

  return {
    title: 'HÓA ĐƠN DỊCH VỤ',
    number: invoice.number,
    issuedOn: invoice.issuedOn,
    dueDate: invoice.dueDate,
    status: invoice.status,
    statusLabel: STATUS_LABELS[invoice.status],
    seller: sellerOf(operator),
    // The name and tax code as they were when the invoice was issued, never today's.
    buyer: {
      accountId: invoice.accountId,
      name: invoice.accountName,
      taxCode: invoice.buyerTaxCode,
      contactName: buyer?.contactName ?? null,
    },
    period: {
      month: invoice.month,
      label: `Tháng ${viMonth(invoice.month)}`,
      from,
      to,
      billed: invoice.billedPeriods,
    },
    lines: invoice.lines.map((line, index) => ({
      no: index + 1,
      description: line.description,
      unit: line.unit,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.grossAmount,
      discount: line.discount,
      discountNote: line.discountNote,
      vatRate: line.vatRate,
      vat: line.vat,
      total: line.total,
    })),
    subtotal: invoice.subtotal,
    discount: invoice.discount,
    taxableAmount: invoice.taxableAmount,
    vatRate: invoice.vatRate,
    vat: invoice.vat,
    total: invoice.total,
    amountInWords: amountInWords(invoice.total),
    settlement: [
      { label: 'Tổng cộng tiền thanh toán', amount: invoice.total },
      ...(invoice.creditApplied > 0
        ? [{ label: 'Trừ tiền thừa các kỳ trước', amount: -invoice.creditApplied }]
        : []),
      ...(invoice.paidAmount > 0 ? [{ label: 'Đã thanh toán', amount: -invoice.paidAmount }] : []),
      { label: 'Còn phải thanh toán', amount: invoice.balanceDue },
    ],
    balanceDue: invoice.balanceDue,
    replaces: invoice.replaces,
    replacedBy: invoice.replacedBy,
    voidReason: invoice.voidReason,
    printed: {
      issuedOn: viDay(invoice.issuedOn),
      dueDate: viDay(invoice.dueDate),
      period: `${viDay(from)} – ${viDay(to)}`,
    },
  };
};
