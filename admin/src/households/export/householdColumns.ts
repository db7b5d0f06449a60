import type { ExportColumn } from '../../../../shared/export/table';
import { BASIC_FIELDS, NOT_SORTING, type Household } from '../../../../shared/households/fields';
import { householdResource } from '../../../../shared/households/resource';
import type { Label } from '../../../../shared/resources/types';
import { formatDate } from '../../format/dates';
import { formatPhone } from '../../format/phone';

export type Language = keyof Label;

/** Referenced names, resolved once for the whole export. */
export interface ExportNames {
  units: Map<string, string>;
  collectors: Map<string, string>;
}

const fieldOf = (source: string) => householdResource.fields.find((f) => f.source === source);

const labelOf = (source: string, language: Language): string =>
  fieldOf(source)?.label[language] ?? source;

const choiceLabel = (source: string, id: unknown, language: Language): string => {
  if (typeof id !== 'string') return '';

  return fieldOf(source)?.choices?.find((c) => c.id === id)?.name[language] ?? id;
};

/**
 * Sorting as the import reads it back: the date, "not sorting" in words, or blank for unknown
 * (a blank cell leaves the stored value alone on re-import).
 */
const sortingCell = (value: string | null, language: Language): string => {
  if (!value) return '';
  if (value === NOT_SORTING) return language === 'vi' ? 'Không phân loại' : 'Not sorting';

  return formatDate(value);
};

type Cell = (household: Household, names: ExportNames, language: Language) => string | number;

const CELLS: Record<string, Cell> = {
  kind: (h, _, language) => choiceLabel('kind', h.kind, language),
  hamletId: (h, names) => (h.hamletId ? (names.units.get(h.hamletId) ?? h.hamletId) : ''),
  phone: (h) => formatPhone(h.phone),
  members: (h) => h.members ?? '',
  feeClass: (h, _, language) => choiceLabel('feeClass', h.feeClass, language),
  sortingSince: (h, _, language) => sortingCell(h.sortingSince, language),
  collectorId: (h, names) =>
    h.collectorId ? (names.collectors.get(h.collectorId) ?? h.collectorId) : '',
};

/**
 * The ten basic fields in their order (DESIGN.md §4), then ward, status and completeness.
 * Headers are the form's labels, which the import recognises, so an export can be re-imported.
 */
export const householdExportColumns = (
  names: ExportNames,
  language: Language,
): ExportColumn<Household>[] => [
  ...BASIC_FIELDS.map((source) => ({
    header: labelOf(source, language),
    value: (h: Household) => CELLS[source]?.(h, names, language) ?? String(h[source] ?? ''),
  })),
  {
    header: labelOf('unitId', language),
    value: (h: Household) => names.units.get(h.unitId) ?? h.unitId,
  },
  { header: labelOf('status', language), value: (h) => choiceLabel('status', h.status, language) },
  { header: labelOf('completeness', language), value: (h) => h.completeness },
];
