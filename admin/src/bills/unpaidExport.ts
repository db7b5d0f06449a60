import type { UnpaidByHamlet, UnpaidRow } from '../../../shared/bills/unpaid';
import type { ExportColumn } from '../../../shared/export/table';
import { CSV_TYPE, downloadFile, XLSX_TYPE } from '../households/export/download';

type Translate = (key: string) => string;

/** The report's columns, headed in the panel's language. */
const columnsOf = (translate: Translate): Array<ExportColumn<UnpaidRow>> => [
  { header: translate('fees.unpaid.ward'), value: (row) => row.wardName },
  {
    header: translate('fees.unpaid.hamlet'),
    value: (row) => row.hamletName ?? translate('fees.unpaid.no_hamlet'),
  },
  { header: translate('fees.unpaid.count'), value: (row) => row.count },
  { header: translate('fees.unpaid.amount'), value: (row) => row.amount },
];

/** The report as CSV or XLSX, with a total line, named after its unit and month. */
export const exportUnpaid = async (
  report: UnpaidByHamlet,
  format: 'csv' | 'xlsx',
  translate: Translate,
): Promise<void> => {
  const rows: UnpaidRow[] = [
    ...report.rows,
    {
      wardId: '',
      wardName: translate('fees.unpaid.total'),
      hamletId: null,
      hamletName: '',
      count: report.total.count,
      amount: report.total.amount,
    },
  ];
  const columns = columnsOf(translate);
  const name = `${translate('fees.unpaid.file')}-${report.unitId}-${report.month}`;
  // The spreadsheet writer is loaded when first used: most visits export nothing.
  const { toCsv, toXlsx } = await import('../../../shared/export/table');
  if (format === 'csv') {
    downloadFile(toCsv(columns, rows), `${name}.csv`, CSV_TYPE);
  } else {
    // toXlsx hands back a fresh copy over a plain ArrayBuffer, which is what Blob takes.
    const bytes = (await toXlsx(
      columns,
      rows,
      translate('fees.unpaid.sheet'),
    )) as Uint8Array<ArrayBuffer>;
    downloadFile(bytes, `${name}.xlsx`, XLSX_TYPE);
  }
};
