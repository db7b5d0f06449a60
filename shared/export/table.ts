import { loadExcelJs } from '../import/exceljs';

/** One column of an export: its header and how to read its cell from a record. */
export interface ExportColumn<T> {
  header: string;
  value: (record: T) => string | number | null | undefined;
}

type CellValue = string | number | null | undefined;

/** Numbers are written as JavaScript prints them; NaN and infinities have no cell to fill. */
const cellString = (value: CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';

  return value;
};

/**
 * Semicolons and tabs are quoted too: Vietnamese Excel reads CSV with ";" as the separator, and
 * parseCsv would take an unquoted tab in a one-column header for a tab separator.
 */
const csvField = (value: CellValue): string => {
  const text = cellString(value);

  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * A text cell Excel would run as a formula (starting with =, +, @, a tab or a carriage return)
 * gets a leading apostrophe, which Excel shows as plain text. Numbers stay numbers; a leading
 * "-" is left alone because Vietnamese addresses and notes often start with one.
 */
export const neutralizeFormula = (value: CellValue): CellValue =>
  typeof value === 'string' && /^[=+@\t\r]/.test(value) ? `'${value}` : value;

/**
 * CSV as Excel opens it correctly: the BOM makes it read UTF-8 (without it Vietnamese turns to
 * mojibake), CRLF line ends. Values are written as they are, so phones keep their leading zero
 * in the file; Excel may still hide it on display, which is why the XLSX export exists.
 */
export function toCsv<T>(
  columns: ExportColumn<T>[],
  records: T[],
  options: { neutralizeFormulas?: boolean } = {},
): string {
  const cell = options.neutralizeFormulas === false ? (v: CellValue) => v : neutralizeFormula;
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const record of records) {
    lines.push(columns.map((column) => csvField(cell(column.value(record)))).join(','));
  }

  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Widest line of the text, in characters (close enough to Excel's width unit). */
const displayWidth = (text: string): number =>
  Math.max(...text.split(/\r\n|\r|\n/).map((line) => [...line].length));

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ]. */
const safeSheetName = (name: string): string =>
  [...name.replace(/[:\\/?*[\]\s]+/g, ' ').trim()].slice(0, 31).join('').trim() || 'Dữ liệu';

/**
 * An .xlsx with a bold, frozen header row and columns sized to their content. Strings are
 * stored as text cells, never parsed as numbers or formulas, so "0905123456" keeps its zero
 * and a name starting with "=" is not run. Digit-only text also gets the text format "@", so
 * Excel keeps it text when someone edits the cell.
 */
export async function toXlsx<T>(
  columns: ExportColumn<T>[],
  records: T[],
  sheetName: string,
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });

  const widths = columns.map((column) => displayWidth(column.header));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };

  for (const record of records) {
    const values = columns.map((column) => {
      const value = column.value(record);

      return typeof value === 'number' && !Number.isFinite(value) ? null : (value ?? null);
    });
    const row = sheet.addRow(values);
    values.forEach((value, i) => {
      if (typeof value !== 'string') {
        if (typeof value === 'number') widths[i] = Math.max(widths[i], String(value).length);
        return;
      }
      widths[i] = Math.max(widths[i], displayWidth(value));
      const cell = row.getCell(i + 1);
      if (/^\d+$/.test(value)) cell.numFmt = '@';
      if (/[\r\n]/.test(value)) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }

  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
  });

  const buffer = await workbook.xlsx.writeBuffer();
  // Typed as ArrayBuffer, but in Node it is a Buffer (possibly a view on a shared pool):
  // new Uint8Array copies a typed array and wraps an ArrayBuffer, a plain array either way.
  return new Uint8Array(buffer);
}
