/**
 * The resident look-up's part of the authorization matrix (tests/api/authorization.test.ts):
 * public routes, so every role (and no role) gets the same answer, for a household inside the
 * Vĩnh Hải ward and one in the matrix's other province. Each call comes from an address of its
 * own, as CloudFront would send it, so the matrix's many calls stay under the look-up limit.
 */
import type { Db } from '../../shared/db/client';
import { demoMerchants, useMerchants } from '../../shared/payments/merchants';
import { putBill } from './payments';

type Where = 'inside' | 'outside';
interface Case {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type Call = (method: string, path: string, body?: unknown) => Promise<any>;
/** The ward and its committee's account on each side of the caller's area. */
type Place = (where: Where) => { ward: string; account: string };

export const lookupMatrix = (db: () => Db, asOperator: Call, place: Place) => {
  const proofOf = {} as Record<Where, { unitId: string; code: string; phone: string }>;
  const attemptOf = {} as Record<Where, string>;
  let client = 0;
  const fromClient = () => {
    client += 1;

    return { 'x-viewer-address': `198.18.${Math.floor(client / 250)}.${(client % 250) + 1}` };
  };

  /** A household with a phone and one unpaid bill in each place; VietQR set up for its ward. */
  const setUp = async () => {
    useMerchants(demoMerchants([place('inside').account, place('outside').account]));
    for (const [n, where] of (['inside', 'outside'] as const).entries()) {
      const { ward, account } = place(where);
      const proof = { unitId: ward, code: `MATRIX-TC-${n}`, phone: `090700000${n}` };
      const household = await asOperator('POST', '/api/households', {
        code: proof.code,
        ownerName: 'Trần Văn Tra',
        unitId: ward,
        phone: proof.phone,
      });
      await putBill(db(), { ward, accountId: account, householdId: household.id });
      proofOf[where] = proof;
      const started = await asOperator('POST', '/api/public/households/pay', {
        ...proof,
        billIds: 'all',
        method: 'vietqr',
      });
      attemptOf[where] = started.attemptId;
    }
  };

  const lookupQuery = (w: Where) => `?${new URLSearchParams(proofOf[w]).toString()}`;

  const cases: Record<string, (w: Where) => Promise<Case>> = {
    'GET /api/public/units': async () => ({ method: 'GET', path: '/api/public/units' }),
    'GET /api/public/households/lookup': async (w) => ({
      method: 'GET',
      path: `/api/public/households/lookup${lookupQuery(w)}`,
      headers: fromClient(),
    }),
    'POST /api/public/households/lookup': async (w) => ({
      method: 'POST',
      path: '/api/public/households/lookup',
      body: proofOf[w],
      headers: fromClient(),
    }),
    // Every call opens one more attempt for the same unpaid bill; none of them pays it.
    'POST /api/public/households/pay': async (w) => ({
      method: 'POST',
      path: '/api/public/households/pay',
      body: { ...proofOf[w], billIds: 'all', method: 'vietqr' },
      headers: fromClient(),
    }),
    'GET /api/public/attempts/{id}': async (w) => ({
      method: 'GET',
      path: `/api/public/attempts/${attemptOf[w]}`,
    }),
  };

  /** What a public route answers when it works, where that is not 200. */
  const statuses: Record<string, number> = { 'POST /api/public/households/pay': 201 };

  return { setUp, cases, statuses };
};
