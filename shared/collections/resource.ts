import {
  choicesOf,
  type FieldDef,
  type ReferenceFilter,
  type ResourceDef,
} from '../resources/types';
import { BASE_LEVELS } from '../units/fields';
import { MAX_KG, REFUSAL_REASONS, SORTING_STATUSES, WASTE_GROUPS, weightField } from './fields';

export const sortingStatusChoices = choicesOf(SORTING_STATUSES, {
  sorted: { vi: 'Đã phân loại', en: 'Sorted' },
  partly: { vi: 'Phân loại một phần', en: 'Partly sorted' },
  unsorted: { vi: 'Chưa phân loại', en: 'Unsorted' },
  refused: { vi: 'Từ chối thu gom', en: 'Refused' },
});

export const refusalReasonChoices = choicesOf(REFUSAL_REASONS, {
  'not-sorted': { vi: 'Rác chưa phân loại', en: 'Not sorted' },
  'wrong-bag': { vi: 'Sai túi / bao bì', en: 'Wrong bag' },
  'not-put-out': { vi: 'Không để rác ra', en: 'Not put out' },
});

export const wasteGroupLabels: Record<(typeof WASTE_GROUPS)[number], { vi: string; en: string }> = {
  recyclable: { vi: 'Tái chế (kg)', en: 'Recyclable (kg)' },
  food: { vi: 'Thực phẩm (kg)', en: 'Food waste (kg)' },
  other: { vi: 'Rác khác (kg)', en: 'Other (kg)' },
  bulky: { vi: 'Cồng kềnh (kg)', en: 'Bulky (kg)' },
  hazardous: { vi: 'Nguy hại (kg)', en: 'Hazardous (kg)' },
};

const wards: ReferenceFilter = { static: { level: [...BASE_LEVELS] } };
const hamletsOfWard: ReferenceFilter = {
  static: { level: 'hamlet' },
  fromField: { field: 'unitId', as: 'parentId' },
};
/** A household of the chosen ward (the household list filters by `unitId`). */
const householdsOfWard: ReferenceFilter = { fromField: { field: 'unitId', as: 'unitId' } };
const collectors: ReferenceFilter = { static: { kind: 'collector' } };

const weightFields: FieldDef[] = WASTE_GROUPS.map((group) => ({
  source: weightField(group),
  label: wasteGroupLabels[group],
  kind: 'number',
  list: group !== 'bulky' && group !== 'hazardous',
  helper: {
    vi: 'Đến 0,1 kg; để trống là 0',
    en: 'To 0.1 kg; blank is 0',
  },
}));

/**
 * Collections: one pickup from one household, or from a whole hamlet or route. The form is
 * entered on phones by collectors: the admin keeps the last ward, hamlet and collector.
 */
export const collectionResource: ResourceDef = {
  name: 'collections',
  label: {
    one: { vi: 'Lượt thu gom', en: 'Collection' },
    many: { vi: 'Thu gom', en: 'Collections' },
  },
  recordRepresentation: 'at',
  defaultSort: { field: 'at', order: 'DESC' },
  sortableFields: ['at'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'at',
      label: { vi: 'Thời điểm thu gom', en: 'Collected at' },
      kind: 'dateTime',
      list: true,
      sortable: true,
      required: true,
      helper: { vi: 'Giờ Việt Nam', en: 'Vietnam time' },
    },
    {
      source: 'unitId',
      label: { vi: 'Phường/xã', en: 'Ward/commune' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: wards,
      list: true,
      required: true,
    },
    {
      source: 'hamletId',
      label: { vi: 'Tổ dân phố / thôn', en: 'Residential group / hamlet' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: hamletsOfWard,
      list: true,
      helper: {
        vi: 'Lượt của một hộ lấy theo tổ/thôn của hộ',
        en: "A household's pickup takes the household's hamlet",
      },
    },
    {
      source: 'householdId',
      label: { vi: 'Hộ', en: 'Household' },
      kind: 'reference',
      reference: 'households',
      referenceFilter: householdsOfWard,
      list: true,
      helper: {
        vi: 'Để trống khi thu cả tổ/thôn hoặc cả tuyến',
        en: 'Leave empty for a whole hamlet or route',
      },
    },
    {
      source: 'householdsCovered',
      label: { vi: 'Số hộ được thu', en: 'Households covered' },
      kind: 'number',
      helper: {
        vi: 'Chỉ với lượt thu theo tổ/tuyến (tối đa 2.000)',
        en: 'Route or hamlet pickups only (at most 2,000)',
      },
    },
    {
      source: 'collectorId',
      label: { vi: 'Đơn vị thu gom', en: 'Collector' },
      kind: 'reference',
      reference: 'accounts',
      referenceFilter: collectors,
      list: true,
      required: true,
    },
    {
      source: 'sortingStatus',
      label: { vi: 'Phân loại', en: 'Sorting' },
      kind: 'choice',
      choices: sortingStatusChoices,
      list: true,
      required: true,
    },
    {
      source: 'refusalReason',
      label: { vi: 'Lý do từ chối', en: 'Refusal reason' },
      kind: 'choice',
      choices: refusalReasonChoices,
      showWhen: { source: 'sortingStatus', equals: 'refused' },
    },
    ...weightFields,
    {
      source: 'totalKg',
      label: { vi: 'Tổng (kg)', en: 'Total (kg)' },
      kind: 'number',
      list: true,
      serverOwned: true,
      helper: {
        vi: `Tối đa mỗi lượt: hộ gia đình ${MAX_KG.household} kg, cơ sở khác ${MAX_KG.otherSource.toLocaleString('vi')} kg, theo tuyến ${MAX_KG.route.toLocaleString('vi')} kg`,
        en: `Per pickup at most: household ${MAX_KG.household} kg, other sources ${MAX_KG.otherSource.toLocaleString('en')} kg, route ${MAX_KG.route.toLocaleString('en')} kg`,
      },
    },
    { source: 'note', label: { vi: 'Ghi chú', en: 'Note' }, kind: 'longText' },
    { source: 'photoUrl', label: { vi: 'Ảnh (https://…)', en: 'Photo (https://…)' }, kind: 'text' },
    {
      source: 'month',
      label: { vi: 'Tháng (giờ VN)', en: 'Month (ICT)' },
      kind: 'text',
      serverOwned: true,
    },
    {
      source: 'updatedAt',
      label: { vi: 'Cập nhật', en: 'Updated' },
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
      source: 'householdId',
      label: { vi: 'Hộ', en: 'Household' },
      kind: 'reference',
      reference: 'households',
    },
    {
      source: 'collectorId',
      label: { vi: 'Đơn vị thu gom', en: 'Collector' },
      kind: 'reference',
      reference: 'accounts',
      referenceFilter: collectors,
    },
    {
      source: 'sortingStatus',
      label: { vi: 'Phân loại', en: 'Sorting' },
      kind: 'choice',
      choices: sortingStatusChoices,
    },
  ],
};
