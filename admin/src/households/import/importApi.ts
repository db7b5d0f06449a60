import { API_URL, type HttpClient } from '../../data/httpClient';

/** The API takes at most this many rows per call. */
export const IMPORT_CHUNK = 500;

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface RowResult {
  /** Index in the whole file's data rows (the API's `row` is an index in one call). */
  row: number;
  status: RowStatus;
  id?: string;
  code?: string;
  message?: string;
  errors?: Record<string, string>;
}

interface ImportAnswer {
  results: Array<Omit<RowResult, 'row'> & { row: number }>;
  counts: Record<RowStatus, number>;
}

export interface ImportPass {
  httpClient: HttpClient;
  /** The import route under `/api`, e.g. `/households/import`. */
  path: string;
  records: Array<Record<string, string>>;
  /** The ward for rows that do not name one. */
  unitId?: string;
  dryRun: boolean;
  onChunk: (results: RowResult[], done: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends the rows in calls of 500, one after the other, so a 10,000-row register is 20 calls
 * and the page can show progress between them. A failed call stops the pass: the rows after it
 * were not sent, and the error says why.
 */
export const runImportPass = async (pass: ImportPass): Promise<void> => {
  const { httpClient, path, records, unitId, dryRun, onChunk, signal } = pass;
  for (let start = 0; start < records.length; start += IMPORT_CHUNK) {
    signal?.throwIfAborted();
    const rows = records.slice(start, start + IMPORT_CHUNK);
    const body = JSON.stringify({ rows, ...(unitId ? { unitId } : {}), dryRun });
    const { json } = await httpClient(`${API_URL}${path}`, {
      method: 'POST',
      body,
      signal,
    });
    const answer = json as ImportAnswer;
    const results = answer.results.map((result) => ({ ...result, row: start + result.row }));
    onChunk(results, Math.min(start + IMPORT_CHUNK, records.length));
  }
};

/**
 * The row's message unless it only repeats a field error (the API's message is often the first
 * field error), so each problem is said once.
 */
export const generalMessage = (result: RowResult): string | undefined =>
  result.message && !Object.values(result.errors ?? {}).includes(result.message)
    ? result.message
    : undefined;

export const countByStatus = (results: readonly RowResult[]): Record<RowStatus, number> => {
  const counts: Record<RowStatus, number> = { created: 0, updated: 0, unchanged: 0, error: 0 };
  for (const result of results) counts[result.status] += 1;

  return counts;
};
