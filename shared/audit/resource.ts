import { choicesOf, type ResourceDef } from '../resources/types';

export const auditActionChoices = choicesOf(['create', 'update', 'delete'], {
  create: { vi: 'Tạo mới', en: 'Created' },
  update: { vi: 'Sửa', en: 'Updated' },
  delete: { vi: 'Xóa', en: 'Deleted' },
});

export const auditResourceChoices = choicesOf(
  [
    'households',
    'units',
    'accounts',
    'users',
    'collections',
    'targets',
    'emission-factors',
    'invoices',
    'invoice-payments',
    'price-plans',
    'fee-schedules',
    'bills',
    'payments',
  ],
  {
    households: { vi: 'Hộ', en: 'Household' },
    units: { vi: 'Đơn vị hành chính', en: 'Unit' },
    accounts: { vi: 'Tài khoản', en: 'Account' },
    users: { vi: 'Người dùng', en: 'User' },
    collections: { vi: 'Lượt thu gom', en: 'Collection' },
    targets: { vi: 'Chỉ tiêu', en: 'Target' },
    'emission-factors': { vi: 'Hệ số phát thải', en: 'Emission factors' },
    invoices: { vi: 'Hóa đơn dịch vụ', en: 'Invoice' },
    'invoice-payments': { vi: 'Thanh toán hóa đơn', en: 'Invoice payment' },
    'price-plans': { vi: 'Bảng giá', en: 'Price plan' },
    'fee-schedules': { vi: 'Mức thu phí rác', en: 'Fee line' },
    bills: { vi: 'Hóa đơn phí rác', en: 'Fee bill' },
    payments: { vi: 'Thanh toán phí rác', en: 'Fee payment' },
  },
);

/** Read-only: the trail is written by the writes it records, never through this resource. */
export const auditResource: ResourceDef = {
  name: 'audit-events',
  label: {
    one: { vi: 'Nhật ký thay đổi', en: 'Audit event' },
    many: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  },
  recordRepresentation: 'at',
  defaultSort: { field: 'at', order: 'DESC' },
  sortableFields: ['at'],
  canDelete: false,
  readOnly: true,
  fields: [
    {
      source: 'at',
      label: { vi: 'Thời điểm', en: 'When' },
      kind: 'dateTime',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    {
      source: 'username',
      label: { vi: 'Người thực hiện', en: 'Who' },
      kind: 'text',
      list: true,
      serverOwned: true,
    },
    {
      source: 'action',
      label: { vi: 'Thao tác', en: 'Action' },
      kind: 'choice',
      choices: auditActionChoices,
      list: true,
      serverOwned: true,
    },
    {
      source: 'resource',
      label: { vi: 'Loại bản ghi', en: 'Record type' },
      kind: 'choice',
      choices: auditResourceChoices,
      list: true,
      serverOwned: true,
    },
    {
      source: 'recordId',
      label: { vi: 'Mã bản ghi', en: 'Record id' },
      kind: 'text',
      list: true,
      serverOwned: true,
    },
    {
      source: 'changes',
      label: { vi: 'Thay đổi', en: 'Changes' },
      kind: 'changes',
      list: true,
      serverOwned: true,
    },
  ],
  filters: [
    {
      source: 'month',
      label: { vi: 'Tháng', en: 'Month' },
      kind: 'month',
      alwaysOn: true,
    },
    {
      source: 'resource',
      label: { vi: 'Loại bản ghi', en: 'Record type' },
      kind: 'choice',
      choices: auditResourceChoices,
      alwaysOn: true,
    },
    {
      source: 'action',
      label: { vi: 'Thao tác', en: 'Action' },
      kind: 'choice',
      choices: auditActionChoices,
    },
    { source: 'recordId', label: { vi: 'Mã bản ghi', en: 'Record id' }, kind: 'text' },
  ],
};
