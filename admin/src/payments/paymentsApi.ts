/**
 * The fee payment routes beyond ra-data-simple-rest's list and read (README, "Household fee
 * payments and reconciliation"). Types come from the server's modules, as type imports only.
 */
import type { LineResult, StatementResult } from '../../../shared/payments/bank-statement';
import type { CashRecorded } from '../../../shared/payments/cash';
import type { Payment } from '../../../shared/payments/record';
import type { DailyTotal } from '../../../shared/payments/reports';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';

export type { CashRecorded, DailyTotal, LineResult, Payment, StatementResult };

const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

export interface CashForm {
  billIds: string[];
  amount: number;
  receiptNo: string;
  paidAt: string;
}

export const recordCash = (input: CashForm) => post<CashRecorded>('/payments/cash', input);

export type Resolution =
  | { action: 'match'; billIds: string[]; note: string | null }
  | { action: 'refund'; refundReference: string; note: string | null };

export const resolvePayment = (id: string, resolution: Resolution) =>
  post<Payment>(`/payments/${encodeURIComponent(id)}/resolve`, resolution);

/** Lines a request carries at most (the API's limit). */
export const STATEMENT_CHUNK = 200;

/**
 * Sends a statement in parts of at most 200 lines, numbering the lines as in the whole file.
 * Each part is answered before the next goes, so a long file shows its progress.
 */
export const sendStatement = async (
  accountId: string,
  rows: Array<Record<string, string>>,
  dryRun: boolean,
  onProgress: (done: number) => void,
): Promise<LineResult[]> => {
  const results: LineResult[] = [];
  for (let start = 0; start < rows.length; start += STATEMENT_CHUNK) {
    const part = rows.slice(start, start + STATEMENT_CHUNK);
    const answer = await post<StatementResult>('/payments/bank-statement', {
      accountId,
      rows: part,
      dryRun,
    });
    results.push(...answer.results.map((result) => ({ ...result, line: result.line + start })));
    onProgress(start + part.length);
  }

  return results;
};

export const dailyPath = (from: string, to: string) =>
  `/payments/daily?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
