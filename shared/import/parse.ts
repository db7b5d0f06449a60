import { ValidationError } from '../errors';
import { detectDelimiter, readCsvRecords } from './csv';
import { readFirstWorksheet } from './xlsx';

/** A spreadsheet as the import screen sees it: every cell a string, trimmed, NFC. */
export interface ParsedSheet {
  headers: string[];
  /** Data rows, without the header row; each as wide as the widest row or header. */
  rows: string[][];
}

const cleanCell = (value: string): string => value.normalize('NFC').trim();

const lastFilled = (row: string[]): number => {
  for (let i = row.length - 1; i >= 0; i -= 1) if (row[i] !== '') return i;

  return -1;
};

const filledCount = (row: string[]): number => row.filter((cell) => cell !== '').length;
const distinctFilled = (row: string[]): number => new Set(row.filter((cell) => cell !== '')).size;

/**
 * Registers often open with title lines (the ward's name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
 * "SỔ THEO DÕI…"), often merged across the sheet so one text fills many cells. They name far
 * fewer columns than the table has, so the header is the first row naming at least half as
 * many different columns as the fullest row near the top. Otherwise the first non-empty row.
 */
const headerIndex = (rows: string[][]): number => {
  const top = rows.slice(0, 30);
  let fullest = 0;
  for (const row of top) fullest = Math.max(fullest, filledCount(row));
  const index = top.findIndex((row) => distinctFilled(row) * 2 >= fullest);

  return index === -1 ? 0 : index;
};

/** Shared by CSV and XLSX so both formats give the same shape and the same errors. */
const toParsedSheet = (raw: string[][]): ParsedSheet => {
  const filled = raw
    .map((row) => row.map(cleanCell))
    .filter((row) => row.some((cell) => cell !== ''));
  if (filled.length === 0) {
    throw new ValidationError('Tệp trống, không có dữ liệu', undefined, 'import.empty');
  }

  const start = headerIndex(filled);
  if (start === filled.length - 1) {
    throw new ValidationError(
      'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào',
      undefined,
      'import.no_rows',
    );
  }

  const table = filled.slice(start);
  // Columns past the last one holding anything (a trailing separator, stray formatting) go.
  let width = 0;
  for (const row of table) width = Math.max(width, lastFilled(row) + 1);
  const fit = (row: string[]): string[] => Array.from({ length: width }, (_, i) => row[i] ?? '');

  return { headers: fit(table[0]), rows: table.slice(1).map(fit) };
};

export function parseCsv(text: string): ParsedSheet {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;

  return toParsedSheet(readCsvRecords(body, detectDelimiter(body)));
}

export async function parseXlsx(data: ArrayBuffer | Uint8Array): Promise<ParsedSheet> {
  return toParsedSheet(await readFirstWorksheet(data));
}

const asBytes = (data: ArrayBuffer | Uint8Array): Uint8Array =>
  data instanceof Uint8Array ? data : new Uint8Array(data);

/**
 * Excel's plain "CSV" saves in the Windows code page (1258 for Vietnamese), which would turn
 * every name into mojibake; refusing it with the fix is kinder than importing garbage.
 * "Unicode text" exports are UTF-16 with a BOM and are read as such.
 */
const decodeCsv = (data: ArrayBuffer | Uint8Array): string => {
  const bytes = asBytes(data);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError(
      'Tệp CSV không dùng mã UTF-8. Trong Excel, hãy chọn Lưu thành "CSV UTF-8" rồi tải lại',
      undefined,
      'import.encoding',
    );
  }
};

export async function parseSpreadsheet(
  fileName: string,
  data: ArrayBuffer | Uint8Array,
): Promise<ParsedSheet> {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'csv') return parseCsv(decodeCsv(data));
  if (extension === 'xlsx') return parseXlsx(data);

  throw new ValidationError(
    extension === 'xls'
      ? 'Chưa đọc được tệp .xls (Excel cũ). Hãy mở bằng Excel và lưu lại dạng .xlsx'
      : `Chỉ nhận tệp .csv hoặc .xlsx, không đọc được "${fileName}"`,
    undefined,
    'import.file_type',
  );
}
