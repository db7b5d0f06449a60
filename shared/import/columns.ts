import { householdResource } from '../households/resource';
import type { Label } from '../resources/types';
import { fold } from '../text/fold';
import type { ParsedSheet } from './parse';

/** A field a spreadsheet column can fill, and the header names offices use for it. */
export interface ImportTarget {
  field: string;
  label: { vi: string; en: string };
  /** Header names besides the labels, written any way: they are compared folded. */
  synonyms: string[];
  required?: boolean;
}

/** Index = column index; value = the target field, or null when the column is ignored. */
export type ColumnMapping = Array<string | null>;

/** The form's label, so that the mapping screen names fields as the household form does. */
const formLabel = (field: string, fallback: Label): Label =>
  householdResource.fields.find((def) => def.source === field)?.label ?? fallback;

const target = (
  field: string,
  fallback: Label,
  synonyms: string[],
  required = false,
): ImportTarget => ({
  field,
  label: formLabel(field, fallback),
  synonyms,
  ...(required ? { required } : {}),
});

export const householdImportTargets: ImportTarget[] = [
  target(
    'code',
    { vi: 'Mã hộ', en: 'Code' },
    [
      'Mã hộ',
      'Mã',
      'Mã số',
      'Mã số hộ',
      'Mã nguồn thải',
      'Mã hộ gia đình',
      'Household code',
      'Code',
    ],
    true,
  ),
  target(
    'ownerName',
    { vi: 'Chủ hộ', en: 'Owner' },
    [
      'Chủ hộ',
      'Tên chủ hộ',
      'Họ tên chủ hộ',
      'Họ và tên chủ hộ',
      'Chủ nguồn thải',
      'Tên chủ nguồn thải',
      'Họ và tên',
      'Họ tên',
      'Tên',
      'Owner',
      'Owner name',
      'Name',
      'Full name',
    ],
    true,
  ),
  target('unitId', { vi: 'Phường/xã', en: 'Ward/commune' }, [
    'Phường/xã',
    'Phường',
    'Xã',
    'Xã/phường',
    'Thị trấn',
    'Phường/xã/thị trấn',
    'Ward',
    'Commune',
    'Ward/commune',
  ]),
  target('kind', { vi: 'Loại nguồn thải', en: 'Kind' }, [
    'Loại',
    'Loại nguồn thải',
    'Loại hộ',
    'Loại hình',
    'Kind',
    'Type',
  ]),
  target('address', { vi: 'Địa chỉ', en: 'Address' }, [
    'Địa chỉ',
    'Số nhà, đường',
    'Số nhà',
    'Số nhà, tên đường',
    'Đường',
    'Tên đường',
    'Address',
  ]),
  target('hamletId', { vi: 'Tổ dân phố / thôn', en: 'Hamlet' }, [
    'Tổ dân phố',
    'Thôn',
    'Tổ/Thôn',
    'Thôn/Tổ',
    'Tổ',
    'Tổ dân phố/thôn',
    'Ấp',
    'Khu phố',
    'Xóm',
    'Thôn/xóm',
    'Hamlet',
    'Residential group',
  ]),
  target('phone', { vi: 'Số điện thoại', en: 'Phone' }, [
    'Số điện thoại',
    'SĐT',
    'SDT',
    'Điện thoại',
    'Số ĐT',
    'ĐT',
    'Di động',
    'Phone',
    'Phone number',
    'Mobile',
    'Tel',
  ]),
  target('members', { vi: 'Số nhân khẩu', en: 'Members' }, [
    'Số nhân khẩu',
    'Nhân khẩu',
    'Số người',
    'Số khẩu',
    'Số thành viên',
    'Members',
    'Household size',
    'People',
  ]),
  target('feeClass', { vi: 'Đối tượng thu phí', en: 'Fee class' }, [
    'Đối tượng',
    'Đối tượng thu phí',
    'Mức thu',
    'Mức phí',
    'Loại phí',
    'Fee class',
    'Fee',
  ]),
  target('sortingSince', { vi: 'Phân loại tại nguồn', en: 'Sorting at source' }, [
    'Phân loại',
    'Phân loại tại nguồn',
    'Tham gia phân loại từ',
    'Phân loại từ',
    'Ngày phân loại',
    'Phân loại rác',
    'Sorting since',
    'Sorting',
  ]),
  target('collectorId', { vi: 'Đơn vị thu gom', en: 'Collector' }, [
    'Đơn vị thu gom',
    'Người thu gom',
    'Thu gom',
    'Collector',
  ]),
  target('status', { vi: 'Trạng thái', en: 'Status' }, ['Trạng thái', 'Tình trạng', 'Status']),
  target('inactiveSince', { vi: 'Ngừng từ ngày', en: 'Inactive since' }, [
    'Ngày ngừng',
    'Ngừng từ ngày',
    'Ngày ngừng hoạt động',
    'Inactive since',
  ]),
  target('inactiveReason', { vi: 'Lý do ngừng', en: 'Reason' }, [
    'Lý do ngừng',
    'Lý do',
    'Inactive reason',
    'Reason',
  ]),
  target('note', { vi: 'Ghi chú', en: 'Note' }, ['Ghi chú', 'Chú thích', 'Note', 'Notes']),
  target('lat', { vi: 'Vĩ độ', en: 'Latitude' }, ['Vĩ độ', 'Lat', 'Latitude']),
  target('lng', { vi: 'Kinh độ', en: 'Longitude' }, ['Kinh độ', 'Lng', 'Long', 'Lon', 'Longitude']),
];

/** "Số nhà, đường" → "so nha duong": the form headers are compared in. */
const headerKey = (value: string): string =>
  fold(value.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Shorter names match only whole headers: "Tổ" must not claim "Tổ trưởng". */
const MIN_PREFIX_LENGTH = 4;

const namesOf = (t: ImportTarget): string[] => [
  ...new Set([t.field, t.label.vi, t.label.en, ...t.synonyms].map(headerKey)),
];

interface Candidate {
  column: number;
  field: string;
  score: number;
}

/**
 * How well a header names a target: an exact name beats any prefix, and a longer prefix beats
 * a shorter one ("Phân loại rác" is sorting, not kind). A prefix ends at a word boundary so
 * "Số nhân khẩu" is not "Số nhà". Zero when nothing fits.
 */
const scoreOf = (header: string, names: string[]): number => {
  let best = 0;
  for (const name of names) {
    if (name === '') continue;
    if (header === name) return Number.MAX_SAFE_INTEGER;
    if (name.length >= MIN_PREFIX_LENGTH && header.startsWith(`${name} `)) {
      best = Math.max(best, name.length);
    }
  }

  return best;
};

export function guessColumnMapping(headers: string[], targets: ImportTarget[]): ColumnMapping {
  const names = targets.map(namesOf);
  const candidates: Candidate[] = [];
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (key === '') return;
    targets.forEach((t, i) => {
      const score = scoreOf(key, names[i]);
      if (score > 0) candidates.push({ column, field: t.field, score });
    });
  });

  // Best matches first; among equals the leftmost column, as registers put the main one first.
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<string>();
  for (const { column, field } of candidates) {
    if (mapping[column] !== null || taken.has(field)) continue;
    mapping[column] = field;
    taken.add(field);
  }

  return mapping;
}

/**
 * One record per data row, in sheet order, so that row i's errors point at sheet row i. Blank
 * cells are left out: a blank must leave the stored value as it is. A field mapped to two
 * columns takes the first non-blank cell.
 */
export function rowsToRecords(
  sheet: ParsedSheet,
  mapping: ColumnMapping,
): Array<Record<string, string>> {
  return sheet.rows.map((row) => {
    const entries = new Map<string, string>();
    mapping.forEach((field, column) => {
      const value = row[column]?.trim() ?? '';
      if (field === null || value === '' || entries.has(field)) return;
      entries.set(field, value);
    });

    // fromEntries defines own properties, so a field named "__proto__" cannot reach a prototype.
    return Object.fromEntries(entries);
  });
}

/** Required targets no column is mapped to. */
export function missingRequired(mapping: ColumnMapping, targets: ImportTarget[]): ImportTarget[] {
  const mapped = new Set(mapping);

  return targets.filter((t) => t.required && !mapped.has(t.field));
}
