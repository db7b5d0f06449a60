import { ValidationError } from '../errors';

/** Separators a register exported from Excel may use: comma, or semicolon in locales where the
 * comma is the decimal mark (Vietnamese Windows among them); tab for "Unicode text" exports. */
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Picks the separator that occurs most often in the first non-empty line, counting only
 * characters outside quotes (a header like `"Số nhà, đường";Chủ hộ` is semicolon separated).
 * A tie, including a single-column file, means comma.
 */
export const detectDelimiter = (text: string): CsvDelimiter => {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let seenContent = false;

  for (const ch of text) {
    if (ch === '"') {
      inQuotes = !inQuotes;
      seenContent = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (seenContent) break;
    } else if (ch === ',' || ch === ';' || ch === '\t') {
      counts[ch] += 1;
      seenContent = true;
    } else if (ch.trim() !== '') {
      seenContent = true;
    }
  }

  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';

  return ',';
};

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let i = 0; i < index; i += 1) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
  }

  return line;
};

/**
 * Splits CSV text into records of raw fields (RFC 4180, read leniently). Line ends may be CRLF,
 * LF or CR. A quote opens a quoted field only at the start of a field (spaces before it are
 * allowed, since people type `a; "b"`); anywhere else it is an ordinary character, as are
 * characters after a closing quote. An unclosed quote is an error: reading on would silently
 * swallow the rest of the file into one cell.
 */
export const readCsvRecords = (text: string, delimiter: CsvDelimiter): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;

  while (i < text.length) {
    const ch = text[i];

    if (ch === '"' && field.trim() === '') {
      const opening = i;
      field = '';
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          throw new ValidationError(
            `Tệp CSV bị lỗi: dấu ngoặc kép mở ở dòng ${lineOf(text, opening)} không được đóng`,
            undefined,
            'import.csv_quote',
          );
        }
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      i += 1;
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }

  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }

  return records;
};
