import type { ExportColumn } from '../../../../shared/export/table';
import { toCsv } from '../../../../shared/export/table';
import { generalMessage, type RowResult } from './importApi';
import type { ImportKind } from './importKind';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The row results as a CSV the office can keep or fix the file from. */
export const resultsCsv = (
  results: readonly RowResult[],
  records: ReadonlyArray<Record<string, string>>,
  translate: Translate,
  kind: ImportKind,
): string => {
  const fieldLabel = (field: string) =>
    translate(`resources.${kind.resource}.fields.${field}`, { _: field });
  const columns: ExportColumn<RowResult>[] = [
    { header: translate('nguon.import.row'), value: (r) => r.row + 1 },
    {
      header: translate('nguon.import.outcome'),
      value: (r) => translate(`nguon.import.status.did.${r.status}`),
    },
    ...kind.identity.map((column): ExportColumn<RowResult> => ({
      header: translate(column.label),
      value: (r) => column.value(records[r.row], r),
    })),
    { header: 'id', value: (r) => r.id },
    {
      header: translate('nguon.import.details'),
      value: (r) =>
        [
          generalMessage(r),
          ...Object.entries(r.errors ?? {}).map(([f, m]) => `${fieldLabel(f)}: ${m}`),
        ]
          .filter(Boolean)
          .join('; '),
    },
  ];

  return toCsv(
    columns,
    [...results].sort((a, b) => a.row - b.row),
  );
};
