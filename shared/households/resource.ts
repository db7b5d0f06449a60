import { choicesOf, type ReferenceFilter, type ResourceDef } from '../resources/types';
import { BASE_LEVELS } from '../units/fields';
import { FEE_CLASSES, HOUSEHOLD_KINDS, HOUSEHOLD_STATUSES, INACTIVE_REASONS } from './fields';

export const householdKindChoices = choicesOf(HOUSEHOLD_KINDS, {
  household: { vi: 'Hộ gia đình', en: 'Household' },
  business: { vi: 'Cơ sở kinh doanh', en: 'Business' },
  institution: { vi: 'Cơ quan, trường học', en: 'Institution' },
  market: { vi: 'Chợ', en: 'Market' },
  other: { vi: 'Khác', en: 'Other' },
});

export const feeClassChoices = choicesOf(FEE_CLASSES, {
  standard: { vi: 'Thông thường', en: 'Standard' },
  poor: { vi: 'Hộ nghèo (miễn)', en: 'Poor (exempt)' },
  'near-poor': { vi: 'Hộ cận nghèo', en: 'Near-poor' },
  'business-small': { vi: 'Kinh doanh nhỏ', en: 'Small business' },
  'business-medium': { vi: 'Kinh doanh vừa', en: 'Medium business' },
  'business-large': { vi: 'Kinh doanh lớn', en: 'Large business' },
});

export const statusChoices = choicesOf(HOUSEHOLD_STATUSES, {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  inactive: { vi: 'Ngừng', en: 'Inactive' },
});

export const inactiveReasonChoices = choicesOf(INACTIVE_REASONS, {
  'moved-away': { vi: 'Chuyển đi', en: 'Moved away' },
  merged: { vi: 'Nhập hộ', en: 'Merged' },
  demolished: { vi: 'Giải tỏa, không còn', en: 'Demolished' },
  other: { vi: 'Lý do khác', en: 'Other' },
});

export const sortingChoices = choicesOf(['yes', 'no', 'unknown'], {
  yes: { vi: 'Có phân loại', en: 'Sorting' },
  no: { vi: 'Không phân loại', en: 'Not sorting' },
  unknown: { vi: 'Chưa rõ', en: 'Unknown' },
});

export const completenessChoices = choicesOf(['complete', 'partial', 'incomplete'], {
  complete: { vi: 'Đủ 10/10 trường', en: 'Complete (10/10)' },
  partial: { vi: 'Thiếu một phần (7–9)', en: 'Partly complete (7–9)' },
  incomplete: { vi: 'Chưa đủ (dưới 7)', en: 'Incomplete (under 7)' },
});

/** A household belongs to a ward, commune or special zone: the levels that keep a register. */
const wards: ReferenceFilter = { static: { level: [...BASE_LEVELS] } };
/** Its hamlet lies in its ward; with no ward chosen yet, any hamlet the user sees. */
const hamletsOfWard: ReferenceFilter = {
  static: { level: 'hamlet' },
  fromField: { field: 'unitId', as: 'parentId' },
};

export const householdResource: ResourceDef = {
  name: 'households',
  label: {
    one: { vi: 'Hộ / nguồn thải', en: 'Household' },
    many: { vi: 'Sổ hộ', en: 'Households' },
  },
  recordRepresentation: 'ownerName',
  defaultSort: { field: 'ownerName', order: 'ASC' },
  sortableFields: ['ownerName'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'code',
      label: { vi: 'Mã hộ', en: 'Code' },
      kind: 'text',
      list: true,
      required: true,
    },
    {
      source: 'ownerName',
      label: { vi: 'Chủ hộ / chủ nguồn thải', en: 'Owner' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
    },
    {
      source: 'unitId',
      label: { vi: 'Phường/xã', en: 'Ward/commune' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: wards,
      list: true,
      required: true,
      createOnly: true,
    },
    {
      source: 'hamletId',
      label: { vi: 'Tổ dân phố / thôn', en: 'Residential group / hamlet' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: hamletsOfWard,
      list: true,
    },
    {
      source: 'kind',
      label: { vi: 'Loại nguồn thải', en: 'Kind' },
      kind: 'choice',
      choices: householdKindChoices,
      list: true,
    },
    { source: 'address', label: { vi: 'Địa chỉ', en: 'Address' }, kind: 'text', list: true },
    { source: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, kind: 'phone', list: true },
    { source: 'members', label: { vi: 'Số nhân khẩu', en: 'Members' }, kind: 'number' },
    {
      source: 'feeClass',
      label: { vi: 'Đối tượng thu phí', en: 'Fee class' },
      kind: 'choice',
      choices: feeClassChoices,
    },
    {
      source: 'sortingSince',
      label: { vi: 'Phân loại tại nguồn', en: 'Sorting at source' },
      kind: 'sortingSince',
      list: true,
    },
    {
      source: 'collectorId',
      label: { vi: 'Đơn vị thu gom', en: 'Collector' },
      kind: 'reference',
      reference: 'accounts',
      referenceFilter: { static: { kind: 'collector' } },
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: statusChoices,
    },
    {
      source: 'inactiveSince',
      label: { vi: 'Ngừng từ ngày', en: 'Inactive since' },
      kind: 'date',
      showWhen: { source: 'status', equals: 'inactive' },
    },
    {
      source: 'inactiveReason',
      label: { vi: 'Lý do ngừng', en: 'Reason' },
      kind: 'choice',
      choices: inactiveReasonChoices,
      showWhen: { source: 'status', equals: 'inactive' },
    },
    { source: 'location', label: { vi: 'Vị trí', en: 'Location' }, kind: 'location' },
    { source: 'note', label: { vi: 'Ghi chú', en: 'Note' }, kind: 'longText' },
    {
      source: 'completeness',
      label: { vi: 'Mức đầy đủ', en: 'Completeness' },
      kind: 'completeness',
      list: true,
      serverOwned: true,
    },
    {
      source: 'updatedAt',
      label: { vi: 'Cập nhật', en: 'Updated' },
      kind: 'dateTime',
      serverOwned: true,
    },
    {
      source: 'createdAt',
      label: { vi: 'Tạo lúc', en: 'Created' },
      kind: 'dateTime',
      serverOwned: true,
    },
  ],
  filters: [
    { source: 'q', label: { vi: 'Tìm kiếm', en: 'Search' }, kind: 'search', alwaysOn: true },
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
      source: 'kind',
      label: { vi: 'Loại nguồn thải', en: 'Kind' },
      kind: 'choice',
      choices: householdKindChoices,
    },
    {
      source: 'feeClass',
      label: { vi: 'Đối tượng thu phí', en: 'Fee class' },
      kind: 'choice',
      choices: feeClassChoices,
    },
    {
      source: 'sorting',
      label: { vi: 'Phân loại', en: 'Sorting' },
      kind: 'choice',
      choices: sortingChoices,
    },
    {
      source: 'status',
      label: { vi: 'Trạng thái', en: 'Status' },
      kind: 'choice',
      choices: statusChoices,
    },
    {
      source: 'completeness',
      label: { vi: 'Mức đầy đủ', en: 'Completeness' },
      kind: 'choice',
      choices: completenessChoices,
    },
  ],
};
