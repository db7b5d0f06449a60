import { ValidationError } from '../errors';
import { loadExcelJs } from './exceljs';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** exceljs gives date cells as Dates at UTC midnight of the calendar day Excel shows. */
const isoDay = (date: Date): string =>
  Number.isNaN(date.getTime())
    ? ''
    : `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;

/**
 * A date-time cell (a pickup logged at 07:30) is a Date at the UTC instant of the wall-clock time
 * Excel shows: its time is kept, without a zone, as the sheet's own local time. A plain date
 * stays a day.
 */
const cellDate = (date: Date): string => {
  const day = isoDay(date);
  const [hours, minutes] = [date.getUTCHours(), date.getUTCMinutes()];

  return day && (hours !== 0 || minutes !== 0) ? `${day} ${pad2(hours)}:${pad2(minutes)}` : day;
};

/**
 * Excel keeps 15 significant digits, so anything past that is binary noise (0.1 + 0.2 is
 * stored as 0.30000000000000004). A format made only of zeros ("0000000000") is how offices
 * show phone numbers with their leading zero: keep the zeros the user sees.
 */
const numberText = (value: number, numFmt: string | undefined): string => {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) {
    const digits = String(value);

    const zeroPadded = numFmt !== undefined && /^0+$/.test(numFmt) && value >= 0;

    return zeroPadded ? digits.padStart(numFmt.length, '0') : digits;
  }

  return String(Number(value.toPrecision(15)));
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The text a cell shows, whatever exceljs made of it. */
export const cellText = (value: unknown, numFmt?: string): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return cellDate(value);
  if (!isObject(value)) return '';

  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isObject(run) ? cellText(run.text) : '')).join('');
  }
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numFmt);
  // Shown as Excel shows it, so that a broken formula is visible rather than a silent blank.
  if (typeof value.error === 'string') return value.error;

  return '';
};

/**
 * Reads the first worksheet as rows of cell texts. Merged cells repeat their value in every
 * cell they cover, which is what a vertically merged "Thôn" column means for each row.
 */
export const readFirstWorksheet = async (data: ArrayBuffer | Uint8Array): Promise<string[][]> => {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares a Node Buffer, but JSZip underneath takes any ArrayBuffer or Uint8Array.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ValidationError(
      'Không đọc được tệp Excel. Hãy kiểm tra tệp có đúng định dạng .xlsx và không bị hỏng',
      undefined,
      'import.unreadable',
    );
  }

  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value, cell.numFmt);
    });
    rows.push(Array.from(cells, (text) => text ?? ''));
  });

  return rows;
};
