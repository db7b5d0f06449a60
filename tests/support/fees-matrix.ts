/**
 * The household fee routes' part of the authorization matrix (tests/api/authorization.test.ts):
 * a fee line of a ward and a bill of one of its hamlets, inside the caller's area (Vĩnh Hải and
 * its first hamlet) and outside it (the other province's ward and hamlet, where one household is
 * added to be billed). Runs are for the hamlets only, for months long past that nothing else
 * bills; a waiver or cancellation case gets a bill of its own, from a run of a month no case has
 * used yet. A household is billed only for months that end after it was registered, so each
 * hamlet gets one written through the store as registered in January 2020.
 */
import type { Role } from '../../shared/auth/roles';
import type { Db } from '../../shared/db/client';
import { householdInputSchema } from '../../shared/households/schema';
import { createHousehold } from '../../shared/households/store';
import { parseOrThrow } from '../../shared/validation';

type Where = 'inside' | 'outside';
type Call = (method: string, path: string, body?: unknown) => Promise<any>;
interface Case {
  method: string;
  path: string;
  body?: unknown;
}

/** The month whose bills the read cases ask for; the lines apply from long before it. */
export const FEES_MATRIX_MONTH = '2020-06';

const filter = (value: unknown) => `?filter=${encodeURIComponent(JSON.stringify(value))}`;

const line = (unitId: string, effectiveFrom: string) => ({
  unitId,
  effectiveFrom,
  name: 'Mức thu kiểm tra quyền',
  pricing: 'fixed',
  amount: 30_000,
});

/** `place(where)` names the ward whose line prices the hamlet whose households are billed. */
export const feesMatrix = (
  db: () => Db,
  asOperator: Call,
  place: (where: Where) => { ward: string; hamlet: string },
) => {
  const lineOf = {} as Record<Where, string>;
  const billOf = {} as Record<Where, string>;
  let serial = 0;
  let month = 2 * 12; // 2022-01 is the first month a fresh bill is made for

  /** A line per ward from 2020, a household of each hamlet since 2020, the matrix month's bills. */
  const setUp = async () => {
    for (const where of ['inside', 'outside'] as const) {
      const { ward, hamlet } = place(where);
      const input = parseOrThrow(householdInputSchema, {
        code: `MATRIX-FEE-${where}`,
        ownerName: 'Lê Thị Phí',
        unitId: ward,
        hamletId: hamlet,
      });
      await createHousehold(db(), input, '2020-01-02T02:00:00.000Z');
      lineOf[where] = (await asOperator('POST', '/api/fee-schedules', line(ward, '2020-01-01'))).id;
      await asOperator('POST', '/api/bills/run', { unitId: hamlet, month: FEES_MATRIX_MONTH });
      const [bill] = await asOperator(
        'GET',
        `/api/bills${filter({ hamletId: hamlet, month: FEES_MATRIX_MONTH })}`,
      );
      billOf[where] = bill.id;
    }
  };

  /** An unpaid bill no case has touched: a run of a new month for the hamlet. */
  const freshBill = async (where: Where) => {
    month += 1;
    const next = `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    const { hamlet } = place(where);
    await asOperator('POST', '/api/bills/run', { unitId: hamlet, month: next });
    const [bill] = await asOperator(
      'GET',
      `/api/bills${filter({ hamletId: hamlet, month: next, status: 'unpaid' })}`,
    );

    return bill.id as string;
  };
  const freshLine = async (where: Where) =>
    asOperator(
      'POST',
      '/api/fee-schedules',
      line(place(where).ward, `${2400 + (serial += 1)}-01-01`),
    );

  const cases: Record<string, (where: Where, role: Role) => Promise<Case>> = {
    'GET /api/fee-schedules': async (w) => ({
      method: 'GET',
      path: `/api/fee-schedules${filter({ id: [lineOf[w]] })}`,
    }),
    'GET /api/fee-schedules/{id}': async (w) => ({
      method: 'GET',
      path: `/api/fee-schedules/${lineOf[w]}`,
    }),
    'POST /api/fee-schedules': async (w) => ({
      method: 'POST',
      path: '/api/fee-schedules',
      body: line(place(w).ward, `${2400 + (serial += 1)}-01-01`),
    }),
    'PUT /api/fee-schedules/{id}': async (w) => {
      const current = await asOperator('GET', `/api/fee-schedules/${lineOf[w]}`);

      return {
        method: 'PUT',
        path: `/api/fee-schedules/${current.id}`,
        body: { ...current, note: `sửa ${(serial += 1)}` },
      };
    },
    'DELETE /api/fee-schedules/{id}': async (w) => ({
      method: 'DELETE',
      path: `/api/fee-schedules/${(await freshLine(w)).id}`,
    }),
    'GET /api/bills': async (w) => ({
      method: 'GET',
      path: `/api/bills${filter({ id: [billOf[w]] })}`,
    }),
    'GET /api/bills/unpaid-by-hamlet': async (w) => ({
      method: 'GET',
      path: `/api/bills/unpaid-by-hamlet?unitId=${place(w).ward}&month=${FEES_MATRIX_MONTH}`,
    }),
    'GET /api/bills/{id}': async (w) => ({ method: 'GET', path: `/api/bills/${billOf[w]}` }),
    // A run of a month already billed: it creates nothing, and answers the same way each time.
    'POST /api/bills/run': async (w) => ({
      method: 'POST',
      path: '/api/bills/run',
      body: { unitId: place(w).hamlet, month: FEES_MATRIX_MONTH },
    }),
    'POST /api/bills/{id}/waive': async (w) => ({
      method: 'POST',
      path: `/api/bills/${await freshBill(w)}/waive`,
      body: { reason: `Kiểm tra quyền ${(serial += 1)}` },
    }),
    'POST /api/bills/{id}/cancel': async (w) => ({
      method: 'POST',
      path: `/api/bills/${await freshBill(w)}/cancel`,
      body: { reason: `Kiểm tra quyền ${(serial += 1)}` },
    }),
  };

  return { setUp, cases };
};
