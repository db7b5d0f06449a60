import { feeClassChoices, householdKindChoices } from '../households/resource';
import { pricingChoices } from '../fees/resource';
import { choicesOf, type ReferenceFilter, type ResourceDef } from '../resources/types';
import { BASE_LEVELS } from '../units/fields';
import { BILL_STATUSES } from './fields';

export const billStatusChoices = choicesOf(BILL_STATUSES, {
  unpaid: { vi: 'Chưa thu', en: 'Unpaid' },
  paid: { vi: 'Đã thu', en: 'Paid' },
  waived: { vi: 'Miễn thu', en: 'Waived' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
});

const wards: ReferenceFilter = { static: { level: [...BASE_LEVELS] } };
const hamletsOfWard: ReferenceFilter = {
  static: { level: 'hamlet' },
  fromField: { field: 'unitId', as: 'parentId' },
};

/**
 * Household fee bills: made by a run (POST /api/bills/run), never typed in; the one change a
 * user makes is to waive or cancel an unpaid bill, with a reason. A month's list runs by status
 * (unpaid first), hamlet and household code.
 */
export const billResource: ResourceDef = {
  name: 'bills',
  label: {
    one: { vi: 'Hóa đơn phí rác', en: 'Fee bill' },
    many: { vi: 'Hóa đơn phí rác', en: 'Fee bills' },
  },
  recordRepresentation: 'reference',
  defaultSort: { field: 'householdCode', order: 'ASC' },
  sortableFields: ['householdCode'],
  canDelete: false,
  readOnly: true,
  audited: true,
  fields: [
    {
      source: 'month',
      label: { vi: 'Tháng', en: 'Month' },
      kind: 'text',
      list: true,
      serverOwned: true,
    },
    {
      source: 'householdCode',
      label: { vi: 'Mã hộ', en: 'Household code' },
      kind: 'text',
      list: true,
      sortable: true,
      serverOwned: true,
    },
    {
      source: 'householdId',
      label: { vi: 'Hộ', en: 'Household' },
      kind: 'reference',
      reference: 'households',
      serverOwned: true,
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
      source: 'hamletId',
      label: { vi: 'Tổ dân phố / thôn', en: 'Residential group / hamlet' },
      kind: 'reference',
      reference: 'units',
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
      choices: billStatusChoices,
      list: true,
      serverOwned: true,
    },
    {
      source: 'reference',
      label: { vi: 'Nội dung chuyển khoản', en: 'Transfer reference' },
      kind: 'text',
      list: true,
      serverOwned: true,
    },
    {
      source: 'pricing',
      label: { vi: 'Cách tính', en: 'Pricing' },
      kind: 'choice',
      choices: pricingChoices,
      serverOwned: true,
    },
    {
      source: 'scheduleId',
      label: { vi: 'Mức thu áp dụng', en: 'Fee line' },
      kind: 'reference',
      reference: 'fee-schedules',
      serverOwned: true,
    },
    {
      source: 'kind',
      label: { vi: 'Loại nguồn thải', en: 'Kind' },
      kind: 'choice',
      choices: householdKindChoices,
      serverOwned: true,
    },
    {
      source: 'feeClass',
      label: { vi: 'Đối tượng thu phí', en: 'Fee class' },
      kind: 'choice',
      choices: feeClassChoices,
      serverOwned: true,
    },
    {
      source: 'members',
      label: { vi: 'Số nhân khẩu khi lập', en: 'Members when billed' },
      kind: 'number',
      serverOwned: true,
    },
    {
      source: 'accountId',
      label: { vi: 'Đơn vị thu', en: 'Collecting account' },
      kind: 'reference',
      reference: 'accounts',
      serverOwned: true,
    },
    {
      source: 'paymentId',
      label: { vi: 'Thanh toán', en: 'Payment' },
      kind: 'text',
      serverOwned: true,
    },
    {
      source: 'settledAt',
      label: { vi: 'Thu / miễn / hủy lúc', en: 'Settled at' },
      kind: 'dateTime',
      serverOwned: true,
    },
    {
      source: 'waivedBy',
      label: { vi: 'Người miễn / hủy', en: 'Waived or cancelled by' },
      kind: 'text',
      serverOwned: true,
    },
    {
      source: 'reason',
      label: { vi: 'Lý do', en: 'Reason' },
      kind: 'longText',
      serverOwned: true,
    },
    {
      source: 'createdAt',
      label: { vi: 'Lập lúc', en: 'Created' },
      kind: 'dateTime',
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
      source: 'unitId',
      label: { vi: 'Phường/xã', en: 'Ward/commune' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: wards,
      alwaysOn: true,
    },
    {
      source: 'hamletId',
      label: { vi: 'Tổ dân phố / thôn', en: 'Hamlet' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: hamletsOfWard,
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: billStatusChoices,
      alwaysOn: true,
    },
    {
      source: 'householdId',
      label: { vi: 'Hộ', en: 'Household' },
      kind: 'reference',
      reference: 'households',
    },
  ],
};
