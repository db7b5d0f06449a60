import { choicesOf, type ResourceDef } from '../resources/types';
import { PAYMENT_METHODS } from './fields';

export const paymentMethodChoices = choicesOf(PAYMENT_METHODS, {
  'bank-transfer': { vi: 'Chuyển khoản', en: 'Bank transfer' },
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  vnpay: { vi: 'VNPay', en: 'VNPay' },
  momo: { vi: 'MoMo', en: 'MoMo' },
  zalopay: { vi: 'ZaloPay', en: 'ZaloPay' },
  payos: { vi: 'payOS', en: 'payOS' },
});

/**
 * Money received for invoices. Never edited nor deleted; finance records one with
 * `POST /api/invoice-payments` `{invoiceId, amount, paidOn, method, reference, note}` from the invoice's
 * page (a dedicated action, hence read only here).
 */
export const paymentResource: ResourceDef = {
  name: 'invoice-payments',
  label: {
    one: { vi: 'Thanh toán hóa đơn', en: 'Invoice payment' },
    many: { vi: 'Thanh toán hóa đơn', en: 'Invoice payments' },
  },
  recordRepresentation: 'reference',
  defaultSort: { field: 'paidOn', order: 'DESC' },
  sortableFields: ['paidOn', 'amount', 'createdAt'],
  canDelete: false,
  readOnly: true,
  audited: true,
  fields: [
    {
      source: 'paidOn',
      label: { vi: 'Ngày thanh toán', en: 'Paid on' },
      kind: 'date',
      list: true,
      sortable: true,
      required: true,
    },
    {
      source: 'invoiceId',
      label: { vi: 'Hóa đơn', en: 'Invoice' },
      kind: 'reference',
      reference: 'invoices',
      list: true,
      required: true,
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
      source: 'amount',
      label: { vi: 'Số tiền (VND)', en: 'Amount (VND)' },
      kind: 'number',
      list: true,
      sortable: true,
      required: true,
    },
    {
      source: 'method',
      label: { vi: 'Hình thức', en: 'Method' },
      kind: 'choice',
      choices: paymentMethodChoices,
      list: true,
      defaultValue: 'bank-transfer',
    },
    {
      source: 'reference',
      label: { vi: 'Mã giao dịch', en: 'Reference' },
      kind: 'text',
      list: true,
      required: true,
      helper: { vi: 'Mã giao dịch ngân hàng hoặc số phiếu thu', en: 'Bank or receipt reference' },
    },
    {
      source: 'allocated',
      label: { vi: 'Trừ vào hóa đơn', en: 'Applied to invoice' },
      kind: 'number',
      serverOwned: true,
    },
    {
      source: 'creditAdded',
      label: { vi: 'Chuyển thành tiền thừa', en: 'Added to credit' },
      kind: 'number',
      serverOwned: true,
    },
    { source: 'note', label: { vi: 'Ghi chú', en: 'Note' }, kind: 'longText' },
    {
      source: 'createdAt',
      label: { vi: 'Ghi nhận lúc', en: 'Recorded at' },
      kind: 'dateTime',
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
    // The month paid; the list opens on the current month, as the API answers without one.
    { source: 'month', label: { vi: 'Tháng', en: 'Month' }, kind: 'month', alwaysOn: true },
    {
      source: 'invoiceId',
      label: { vi: 'Hóa đơn', en: 'Invoice' },
      kind: 'reference',
      reference: 'invoices',
    },
  ],
};
