import { choicesOf, type ResourceDef } from '../resources/types';
import { INVOICE_STATUSES } from './fields';

export const invoiceStatusChoices = choicesOf(INVOICE_STATUSES, {
  issued: { vi: 'Chưa thanh toán', en: 'Issued' },
  'partly-paid': { vi: 'Thanh toán một phần', en: 'Partly paid' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  void: { vi: 'Đã hủy', en: 'Void' },
});

const money = (source: string, vi: string, en: string, list = false) => ({
  source,
  label: { vi, en },
  kind: 'number' as const,
  list,
  sortable: list,
  serverOwned: true,
  helper: { vi: 'VND', en: 'VND' },
});

/**
 * The platform's invoices to accounts. Issued by billing runs and never edited: voiding
 * (`POST /api/invoices/{id}/void`) and payments (`POST /api/invoice-payments`) are dedicated actions,
 * the printable form is `GET /api/invoices/{id}/print`. Amounts are integer VND.
 */
export const invoiceResource: ResourceDef = {
  name: 'invoices',
  label: {
    one: { vi: 'Hóa đơn dịch vụ', en: 'Invoice' },
    many: { vi: 'Hóa đơn dịch vụ', en: 'Invoices' },
  },
  recordRepresentation: 'number',
  defaultSort: { field: 'number', order: 'DESC' },
  sortableFields: ['number', 'month', 'issuedOn', 'dueDate', 'total', 'balanceDue', 'accountName'],
  canDelete: false,
  readOnly: true,
  audited: true,
  fields: [
    {
      source: 'number',
      label: { vi: 'Số hóa đơn', en: 'Number' },
      kind: 'text',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    {
      source: 'accountId',
      label: { vi: 'Tài khoản', en: 'Account' },
      kind: 'reference',
      reference: 'accounts',
      list: true,
      serverOwned: true,
    },
    {
      source: 'month',
      label: { vi: 'Tháng', en: 'Month' },
      kind: 'text',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: invoiceStatusChoices,
      list: true,
      serverOwned: true,
    },
    {
      source: 'issuedOn',
      label: { vi: 'Ngày lập', en: 'Issued on' },
      kind: 'date',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    {
      source: 'dueDate',
      label: { vi: 'Hạn thanh toán', en: 'Due date' },
      kind: 'date',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    money('subtotal', 'Thành tiền', 'Amount'),
    money('discount', 'Giảm giá', 'Discount'),
    money('taxableAmount', 'Tiền trước thuế', 'Before VAT'),
    {
      source: 'vatRate',
      label: { vi: 'Thuế suất GTGT (%)', en: 'VAT rate (%)' },
      kind: 'number',
      serverOwned: true,
    },
    money('vat', 'Tiền thuế GTGT', 'VAT'),
    money('total', 'Tổng cộng', 'Total', true),
    money('creditApplied', 'Trừ tiền thừa kỳ trước', 'Credit applied'),
    money('paidAmount', 'Đã thanh toán', 'Paid'),
    money('balanceDue', 'Còn phải trả', 'Balance due', true),
    {
      source: 'buyerTaxCode',
      label: { vi: 'Mã số thuế người mua', en: 'Buyer tax code' },
      kind: 'text',
      serverOwned: true,
    },
    {
      source: 'replaces',
      label: { vi: 'Thay thế hóa đơn', en: 'Replaces' },
      kind: 'reference',
      reference: 'invoices',
      serverOwned: true,
    },
    {
      source: 'replacedBy',
      label: { vi: 'Được thay bằng', en: 'Replaced by' },
      kind: 'reference',
      reference: 'invoices',
      serverOwned: true,
    },
    {
      source: 'voidReason',
      label: { vi: 'Lý do hủy', en: 'Void reason' },
      kind: 'longText',
      serverOwned: true,
    },
    {
      source: 'voidedOn',
      label: { vi: 'Ngày hủy', en: 'Voided on' },
      kind: 'date',
      serverOwned: true,
    },
  ],
  filters: [
    {
      source: 'accountId',
      label: { vi: 'Tài khoản', en: 'Account' },
      kind: 'reference',
      reference: 'accounts',
      alwaysOn: true,
    },
    // The billed month `YYYY-MM` (the admin picks it from the ended months); without it (or an
    // account), the current year is listed.
    { source: 'month', label: { vi: 'Tháng dịch vụ', en: 'Billed month' }, kind: 'text' },
    { source: 'year', label: { vi: 'Năm', en: 'Year' }, kind: 'text' },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: invoiceStatusChoices,
      alwaysOn: true,
    },
  ],
};
