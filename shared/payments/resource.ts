import { choicesOf, type ResourceDef } from '../resources/types';
import { PAYMENT_METHODS, PAYMENT_STATUSES, REVIEW_REASONS } from './record';

export const feePaymentMethodChoices = choicesOf(PAYMENT_METHODS, {
  vnpay: { vi: 'VNPay', en: 'VNPay' },
  momo: { vi: 'MoMo', en: 'MoMo' },
  zalopay: { vi: 'ZaloPay', en: 'ZaloPay' },
  payos: { vi: 'payOS', en: 'payOS' },
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  'bank-transfer': { vi: 'Chuyển khoản', en: 'Bank transfer' },
});

export const paymentStatusChoices = choicesOf(PAYMENT_STATUSES, {
  recorded: { vi: 'Đã ghi nhận', en: 'Recorded' },
  matched: { vi: 'Đã khớp tay', en: 'Matched by hand' },
  flagged: { vi: 'Sai số tiền, cần xem', en: 'Flagged' },
  unmatched: { vi: 'Chưa khớp hóa đơn', en: 'Unmatched' },
  overpayment: { vi: 'Thanh toán thừa', en: 'Overpayment' },
  refunded: { vi: 'Đã hoàn tiền', en: 'Refunded' },
});

export const reviewReasonChoices = choicesOf(REVIEW_REASONS, {
  'amount-mismatch': { vi: 'Số tiền khác tổng hóa đơn', en: 'Amount differs from the bills' },
  'account-mismatch': {
    vi: 'Hóa đơn do đơn vị khác thu',
    en: 'Bills collected by another account',
  },
  'mixed-households': { vi: 'Hóa đơn của nhiều hộ', en: 'Bills of several households' },
  'bill-not-found': { vi: 'Không tìm thấy hóa đơn', en: 'Bill not found' },
  'no-bill': { vi: 'Không nêu hóa đơn', en: 'No bill named' },
  'bill-not-unpaid': {
    vi: 'Hóa đơn đã thanh toán, miễn hoặc hủy',
    en: 'Bill already paid, waived or cancelled',
  },
});

/**
 * Household fee payments (issue 5). Never created, edited or deleted through this resource:
 * gateways' webhooks and the lost-notification check write theirs, cash has
 * `POST /api/payments/cash`, bank transfers `POST /api/payments/bank-statement`, and finance
 * resolves what needs review with `POST /api/payments/{id}/resolve`.
 */
export const feePaymentResource: ResourceDef = {
  name: 'payments',
  label: {
    one: { vi: 'Thanh toán phí rác', en: 'Fee payment' },
    many: { vi: 'Thanh toán phí rác', en: 'Fee payments' },
  },
  recordRepresentation: 'reference',
  defaultSort: { field: 'paidAt', order: 'DESC' },
  // The indexes order payments by time only.
  sortableFields: ['paidAt'],
  canDelete: false,
  readOnly: true,
  audited: true,
  fields: [
    {
      source: 'paidAt',
      label: { vi: 'Thời điểm thanh toán', en: 'Paid at' },
      kind: 'dateTime',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    {
      source: 'method',
      label: { vi: 'Hình thức', en: 'Method' },
      kind: 'choice',
      choices: feePaymentMethodChoices,
      list: true,
      serverOwned: true,
    },
    {
      source: 'amount',
      label: { vi: 'Số tiền (VND)', en: 'Amount (VND)' },
      kind: 'number',
      list: true,
      serverOwned: true,
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: paymentStatusChoices,
      list: true,
      serverOwned: true,
    },
    {
      source: 'reference',
      label: { vi: 'Mã giao dịch', en: 'Reference' },
      kind: 'text',
      list: true,
      serverOwned: true,
      helper: {
        vi: 'Mã giao dịch của cổng, số phiếu thu, hoặc mã giao dịch ngân hàng',
        en: 'Gateway transaction, receipt number or bank reference',
      },
    },
    {
      source: 'unitId',
      label: { vi: 'Phường/xã', en: 'Ward/commune' },
      kind: 'reference',
      reference: 'units',
      list: true,
      serverOwned: true,
    },
    {
      source: 'accountId',
      label: { vi: 'Tài khoản nhận tiền', en: 'Receiving account' },
      kind: 'reference',
      reference: 'accounts',
      serverOwned: true,
    },
    {
      source: 'receiptNo',
      label: { vi: 'Số phiếu thu', en: 'Receipt number' },
      kind: 'text',
      serverOwned: true,
    },
    {
      source: 'reviewReason',
      label: { vi: 'Lý do cần xem', en: 'Why it needs review' },
      kind: 'choice',
      choices: reviewReasonChoices,
      serverOwned: true,
    },
    {
      source: 'expectedAmount',
      label: { vi: 'Tổng hóa đơn (VND)', en: 'Bills total (VND)' },
      kind: 'number',
      serverOwned: true,
    },
    {
      source: 'orderId',
      label: { vi: 'Mã đơn gửi cổng', en: 'Gateway order id' },
      kind: 'text',
      serverOwned: true,
    },
    {
      source: 'createdAt',
      label: { vi: 'Ghi nhận lúc', en: 'Recorded at' },
      kind: 'dateTime',
      serverOwned: true,
    },
  ],
  filters: [
    // The month paid; the list opens on the current month, as the API answers without one.
    { source: 'month', label: { vi: 'Tháng', en: 'Month' }, kind: 'month', alwaysOn: true },
    {
      source: 'method',
      label: { vi: 'Hình thức', en: 'Method' },
      kind: 'choice',
      choices: feePaymentMethodChoices,
      alwaysOn: true,
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: paymentStatusChoices,
      alwaysOn: true,
    },
    {
      source: 'unitId',
      label: { vi: 'Phường/xã', en: 'Ward/commune' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: { static: { level: ['ward', 'commune', 'special-zone'] } },
    },
  ],
};
