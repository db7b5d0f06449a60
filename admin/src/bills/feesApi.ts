import type { BillRunResult } from '../../../shared/bills/run';
import type { UnpaidByHamlet } from '../../../shared/bills/unpaid';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';

export type { BillRunResult, UnpaidByHamlet };

export const runBills = async (unitId: string, month: string): Promise<BillRunResult> =>
  (
    await httpClient(`${API_URL}/bills/run`, {
      method: 'POST',
      body: JSON.stringify({ unitId, month }),
    })
  ).json as BillRunResult;

/** Waives or cancels an unpaid bill; the API keeps the reason and who did it. */
export const closeBill = async (id: string, action: 'waive' | 'cancel', reason: string) =>
  (
    await httpClient(`${API_URL}/bills/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      body: JSON.stringify({ reason }),
    })
  ).json;

export const unpaidPath = (unitId: string, month: string) =>
  `/bills/unpaid-by-hamlet?unitId=${encodeURIComponent(unitId)}&month=${month}`;

/** The bill list of one unit's month, as a link. */
export const billsOfMonth = (unitId: string, month: string) =>
  `/bills?filter=${encodeURIComponent(JSON.stringify({ unitId, month }))}`;
