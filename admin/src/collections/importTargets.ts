import { COLLECTION_IMPORT_COLUMNS } from '../../../shared/collections/import-rows';
import { collectionResource } from '../../../shared/collections/resource';
import type { ImportTarget } from '../../../shared/import/columns';
import type { Label } from '../../../shared/resources/types';

type Column = (typeof COLLECTION_IMPORT_COLUMNS)[number];

/** Labels of the columns that are not fields of the form. */
const OWN_LABELS: Partial<Record<Column, Label>> = {
  householdCode: { vi: 'Mã hộ', en: 'Household code' },
  householdId: { vi: 'Mã định danh hộ (id)', en: 'Household id' },
};

/** Headers collectors' logs use for each column, besides the form's labels. */
const SYNONYMS: Record<Column, string[]> = {
  at: [
    'Thời điểm',
    'Thời gian',
    'Ngày giờ',
    'Ngày thu',
    'Ngày thu gom',
    'Giờ thu',
    'Ngày',
    'Date',
    'Time',
    'Collected at',
  ],
  unitId: ['Phường/xã', 'Phường', 'Xã', 'Ward', 'Commune', 'Ward/commune'],
  hamletId: ['Tổ dân phố', 'Thôn', 'Tổ', 'Tổ/Thôn', 'Khu phố', 'Tuyến', 'Hamlet', 'Route'],
  householdCode: ['Mã hộ', 'Mã số hộ', 'Mã nguồn thải', 'Household code', 'Code'],
  householdId: ['Household id', 'Id hộ'],
  householdsCovered: ['Số hộ', 'Số hộ được thu', 'Số hộ thu', 'Households', 'Households covered'],
  collectorId: ['Đơn vị thu gom', 'Người thu gom', 'Collector'],
  recyclableKg: ['Tái chế', 'Rác tái chế', 'Tái chế (kg)', 'Recyclable', 'Recyclables'],
  foodKg: ['Thực phẩm', 'Rác thực phẩm', 'Hữu cơ', 'Rác hữu cơ', 'Food', 'Organic'],
  otherKg: ['Rác khác', 'Khác', 'Còn lại', 'Other', 'Residual'],
  bulkyKg: ['Cồng kềnh', 'Rác cồng kềnh', 'Bulky'],
  hazardousKg: ['Nguy hại', 'Rác nguy hại', 'Hazardous'],
  sortingStatus: ['Phân loại', 'Tình trạng phân loại', 'Đã phân loại', 'Sorting', 'Sorted'],
  refusalReason: ['Lý do từ chối', 'Lý do', 'Refusal reason', 'Reason'],
  note: ['Ghi chú', 'Chú thích', 'Note', 'Notes'],
  photoUrl: ['Ảnh', 'Link ảnh', 'Hình ảnh', 'Photo', 'Photo URL'],
};

/** Without a time and a sorting status no row can be a pickup; the rest the API judges. */
const REQUIRED: ReadonlySet<Column> = new Set(['at', 'sortingStatus']);

const labelOf = (column: Column): Label =>
  OWN_LABELS[column] ??
  collectionResource.fields.find((field) => field.source === column)?.label ?? {
    vi: column,
    en: column,
  };

/** The columns a pickup spreadsheet can fill, in the API's order (`COLLECTION_IMPORT_COLUMNS`). */
export const collectionImportTargets: ImportTarget[] = COLLECTION_IMPORT_COLUMNS.map((column) => ({
  field: column,
  label: labelOf(column),
  synonyms: SYNONYMS[column],
  ...(REQUIRED.has(column) ? { required: true } : {}),
}));
