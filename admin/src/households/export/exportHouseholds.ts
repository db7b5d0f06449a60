import type { DataProvider, SortPayload } from 'react-admin';
import type { Household } from '../../../../shared/households/fields';
import { todayInVietnam } from '../../format/dates';
import { downloadFile, CSV_TYPE, XLSX_TYPE } from './download';
import { fetchAllPages, fetchNames, type Progress } from './fetchHouseholds';
import { householdExportColumns, type Language } from './householdColumns';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  dataProvider: DataProvider;
  filter: Record<string, unknown>;
  sort: SortPayload;
  format: ExportFormat;
  language: Language;
  onProgress: Progress;
  signal?: AbortSignal;
}

/**
 * The whole filtered register, not only the page on screen, written as CSV or XLSX. The table
 * writers are loaded on demand: exceljs is too big for the first page of the admin.
 */
export const exportHouseholds = async (request: ExportRequest): Promise<number> => {
  const { dataProvider, filter, sort, format, language, onProgress, signal } = request;
  const records = (await fetchAllPages(
    dataProvider,
    'households',
    filter,
    sort,
    onProgress,
    signal,
  )) as unknown as Household[];

  const unitIds = records.flatMap((h) => [h.unitId, h.hamletId]);
  const units = await fetchNames(dataProvider, 'units', unitIds, 'name', signal);
  const collectorIds = records.map((h) => h.collectorId);
  const collectors = await fetchNames(dataProvider, 'accounts', collectorIds, 'name', signal);
  const columns = householdExportColumns({ units, collectors }, language);

  const { toCsv, toXlsx } = await import('../../../../shared/export/table');
  const fileName = `so-ho-${todayInVietnam()}.${format}`;
  if (format === 'csv') downloadFile(toCsv(columns, records), fileName, CSV_TYPE);
  else {
    // toXlsx hands back a fresh copy over a plain ArrayBuffer, which is what Blob takes.
    const bytes = (await toXlsx(columns, records, 'So ho')) as Uint8Array<ArrayBuffer>;
    downloadFile(bytes, fileName, XLSX_TYPE);
  }

  return records.length;
};
