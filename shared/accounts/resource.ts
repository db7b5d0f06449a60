import { choicesOf, type ResourceDef } from '../resources/types';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES } from './fields';

export const accountKindChoices = choicesOf(ACCOUNT_KINDS, {
  'province-office': { vi: 'Sở TNMT tỉnh', en: 'Province office' },
  'environment-office': { vi: 'Phòng TNMT', en: 'Environment office' },
  'ward-committee': { vi: 'UBND phường', en: 'Ward committee' },
  'commune-committee': { vi: 'UBND xã', en: 'Commune committee' },
  collector: { vi: 'Đơn vị thu gom', en: 'Collector' },
  operator: { vi: 'Đơn vị vận hành', en: 'Platform operator' },
});

export const accountStatusChoices = choicesOf(ACCOUNT_STATUSES, {
  active: { vi: 'Đang dùng', en: 'Active' },
  suspended: { vi: 'Tạm ngừng', en: 'Suspended' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
});

export const accountResource: ResourceDef = {
  name: 'accounts',
  label: { one: { vi: 'Tài khoản', en: 'Account' }, many: { vi: 'Tài khoản', en: 'Accounts' } },
  recordRepresentation: 'name',
  defaultSort: { field: 'name', order: 'ASC' },
  sortableFields: ['name', 'activatedOn'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'name',
      label: { vi: 'Tên', en: 'Name' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
    },
    {
      source: 'kind',
      label: { vi: 'Loại', en: 'Kind' },
      kind: 'choice',
      choices: accountKindChoices,
      list: true,
      required: true,
    },
    {
      source: 'unitId',
      label: { vi: 'Địa bàn', en: 'Area' },
      kind: 'reference',
      reference: 'units',
      list: true,
    },
    { source: 'contactName', label: { vi: 'Người liên hệ', en: 'Contact' }, kind: 'text' },
    { source: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, kind: 'phone' },
    { source: 'email', label: { vi: 'Email', en: 'Email' }, kind: 'email' },
    {
      source: 'taxCode',
      label: { vi: 'Mã số thuế', en: 'Tax code' },
      kind: 'text',
      helper: { vi: 'In trên hóa đơn dịch vụ', en: 'Printed on invoices' },
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: accountStatusChoices,
      list: true,
    },
    {
      source: 'activatedOn',
      label: { vi: 'Ngày kích hoạt', en: 'Activated on' },
      kind: 'date',
      list: true,
      sortable: true,
    },
    {
      source: 'updatedAt',
      label: { vi: 'Cập nhật', en: 'Updated' },
      kind: 'dateTime',
      serverOwned: true,
    },
  ],
  filters: [
    { source: 'q', label: { vi: 'Tìm kiếm', en: 'Search' }, kind: 'search', alwaysOn: true },
    {
      source: 'kind',
      label: { vi: 'Loại', en: 'Kind' },
      kind: 'choice',
      choices: accountKindChoices,
      alwaysOn: true,
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: accountStatusChoices,
    },
  ],
};
