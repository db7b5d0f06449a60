import type { ExportColumn } from '../../../shared/export/table';
import type { Label } from '../../../shared/resources/types';
import { CSV_TYPE, downloadFile, XLSX_TYPE } from '../households/export/download';

export type Language = keyof Label;
export type ExportFormat = 'csv' | 'xlsx';
type Cell = string | number | null | undefined;

/**
 * One column of a finance table, the same on screen and in its exports: the value is the raw
 * one (whole VND, ISO days turned into dd/MM/yyyy), and `money` columns are shown as "300.000 ₫"
 * on screen but written as plain numbers into the files, so that a spreadsheet can add them up.
 */
export interface ReportColumn<T> {
  key: string;
  label: Label;
  value: (row: T, language: Language) => Cell;
  money?: boolean;
  /** A count: right-aligned like money, shown as it is. */
  numeric?: boolean;
}

export const exportColumns = <T>(
  columns: ReportColumn<T>[],
  language: Language,
): ExportColumn<T>[] =>
  columns.map((column) => ({
    header: column.label[language],
    value: (row: T) => column.value(row, language),
  }));

/**
 * Writes rows as CSV (UTF-8 with BOM, formula-like text neutralised) or XLSX through the same
 * writers as the register's export, and hands the file to the browser. The writers (exceljs) are
 * loaded on first use only.
 */
export const downloadReport = async <T>(
  columns: ReportColumn<T>[],
  rows: T[],
  options: { format: ExportFormat; language: Language; fileName: string; sheetName: string },
): Promise<void> => {
  const { toCsv, toXlsx } = await import('../../../shared/export/table');
  const table = exportColumns(columns, options.language);
  const fileName = `${options.fileName}.${options.format}`;
  if (options.format === 'csv') {
    downloadFile(toCsv(table, rows), fileName, CSV_TYPE);

    return;
  }
  // toXlsx hands back a fresh copy over a plain ArrayBuffer, which is what Blob takes.
  const bytes = (await toXlsx(table, rows, options.sheetName)) as Uint8Array<ArrayBuffer>;
  downloadFile(bytes, fileName, XLSX_TYPE);
};
