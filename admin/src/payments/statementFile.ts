/**
 * Reading a bank statement file (CSV or XLSX) in the browser: the header row is found and its columns mapped
 * by name (the names Vietnamese banks' exports use), title lines above it skipped. The rows go
 * to `POST /api/payments/bank-statement` as text; the API reads dates and amounts.
 */
import { ValidationError } from '../../../shared/errors';
import {
  guessColumnMapping,
  type ImportTarget,
  missingRequired,
  rowsToRecords,
} from '../../../shared/import/columns';
import { parseCsv, parseSpreadsheet, type ParsedSheet } from '../../../shared/import/parse';

/** The columns of a statement, with the header names Vietnamese banks' exports use. */
export const statementTargets: ImportTarget[] = [
  {
    field: 'reference',
    label: { vi: 'Mã giao dịch', en: 'Transaction reference' },
    synonyms: [
      'Số tham chiếu',
      'Số bút toán',
      'Mã GD',
      'Số GD',
      'Số giao dịch',
      'Mã tham chiếu',
      'Reference',
      'Reference number',
      'Transaction ID',
      'Transaction No',
      'Ref',
    ],
    required: true,
  },
  {
    field: 'paidAt',
    label: { vi: 'Ngày giao dịch', en: 'Transaction date' },
    synonyms: [
      'Ngày GD',
      'Ngày',
      'Thời gian',
      'Thời gian giao dịch',
      'Ngày hiệu lực',
      'Date',
      'Posting date',
    ],
    required: true,
  },
  {
    field: 'amount',
    label: { vi: 'Số tiền ghi có', en: 'Credit amount' },
    synonyms: [
      'Ghi có',
      'Số tiền',
      'Phát sinh có',
      'Có',
      'Tiền vào',
      'Credit',
      'Amount',
      'Số tiền (VND)',
    ],
    required: true,
  },
  {
    field: 'content',
    label: { vi: 'Nội dung', en: 'Description' },
    synonyms: [
      'Nội dung giao dịch',
      'Nội dung chuyển khoản',
      'Diễn giải',
      'Mô tả',
      'Chi tiết',
      'Description',
      'Content',
      'Remark',
      'Details',
    ],
    required: true,
  },
];

/**
 * The rows of a statement sheet, mapped by header name. Throws a ValidationError naming the
 * columns it could not find.
 */
export const statementRowsOf = (sheet: ParsedSheet): Array<Record<string, string>> => {
  const mapping = guessColumnMapping(sheet.headers, statementTargets);
  const missing = missingRequired(mapping, statementTargets);
  if (missing.length > 0) {
    throw new ValidationError(
      `Không tìm thấy cột: ${missing.map((target) => target.label.vi).join(', ')}`,
      undefined,
      'statement.missing_columns',
    );
  }

  return rowsToRecords(sheet, mapping);
};

/** A statement exported as CSV. */
export const statementRowsFromCsv = (text: string) => statementRowsOf(parseCsv(text));

/** A statement file as the bank gave it (.csv or .xlsx); exceljs loads only for .xlsx. */
export const readStatementFile = async (file: File) =>
  statementRowsOf(await parseSpreadsheet(file.name, await file.arrayBuffer()));
