import { choicesOf, type ResourceDef } from '../resources/types';
import { RUN_TRIGGERS } from './fields';

export const runTriggerChoices = choicesOf(RUN_TRIGGERS, {
  schedule: { vi: 'Tự động (ngày 01)', en: 'Scheduled (the 1st)' },
  admin: { vi: 'Từ trang quản trị', en: 'From the admin' },
  cli: { vi: 'Dòng lệnh', en: 'Command line' },
  seed: { vi: 'Dữ liệu mẫu', en: 'Demo data' },
});

/**
 * The log of billing runs. A run is started with `POST /api/billing-runs` `{month}` (the
 * operator's button) and is never edited; running a month again issues only what is missing.
 */
export const billingRunResource: ResourceDef = {
  name: 'billing-runs',
  label: {
    one: { vi: 'Lần lập hóa đơn', en: 'Billing run' },
    many: { vi: 'Lập hóa đơn', en: 'Billing runs' },
  },
  recordRepresentation: 'month',
  defaultSort: { field: 'startedAt', order: 'DESC' },
  sortableFields: ['startedAt', 'month'],
  canDelete: false,
  readOnly: true,
  fields: [
    {
      source: 'month',
      label: { vi: 'Tháng', en: 'Month' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
      helper: { vi: 'YYYY-MM, tháng đã kết thúc', en: 'YYYY-MM, a month that has ended' },
    },
    {
      source: 'trigger',
      label: { vi: 'Khởi chạy', en: 'Trigger' },
      kind: 'choice',
      choices: runTriggerChoices,
      list: true,
      serverOwned: true,
    },
    { source: 'startedBy', label: { vi: 'Người chạy', en: 'By' }, kind: 'text', serverOwned: true },
    {
      source: 'startedAt',
      label: { vi: 'Bắt đầu', en: 'Started' },
      kind: 'dateTime',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    {
      source: 'status',
      label: { vi: 'Kết quả', en: 'Result' },
      kind: 'choice',
      choices: choicesOf(['completed', 'failed'], {
        completed: { vi: 'Hoàn tất', en: 'Completed' },
        failed: { vi: 'Lỗi', en: 'Failed' },
      }),
      list: true,
      serverOwned: true,
    },
    {
      source: 'issued',
      label: { vi: 'Hóa đơn mới', en: 'Issued' },
      kind: 'number',
      list: true,
      serverOwned: true,
    },
    {
      source: 'alreadyInvoiced',
      label: { vi: 'Đã có hóa đơn', en: 'Already invoiced' },
      kind: 'number',
      list: true,
      serverOwned: true,
    },
    {
      source: 'notBillable',
      label: { vi: 'Không tính phí', en: 'Not billable' },
      kind: 'number',
      list: true,
      serverOwned: true,
    },
    {
      source: 'issuedTotal',
      label: { vi: 'Tổng tiền mới (VND)', en: 'Issued total (VND)' },
      kind: 'number',
      serverOwned: true,
    },
    {
      source: 'firstNumber',
      label: { vi: 'Từ số', en: 'From number' },
      kind: 'text',
      serverOwned: true,
    },
    {
      source: 'lastNumber',
      label: { vi: 'Đến số', en: 'To number' },
      kind: 'text',
      serverOwned: true,
    },
  ],
  filters: [{ source: 'month', label: { vi: 'Tháng', en: 'Month' }, kind: 'text' }],
};
