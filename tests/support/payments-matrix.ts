/**
 * The fee payment routes' part of the authorization matrix (tests/api/authorization.test.ts):
 * payments, bills to pay in cash and payments to resolve, inside the Vĩnh Hải ward and inside
 * the matrix's other province, paid in June 2024. Bills and payments are written through the
 * stores (no fee schedule is needed to know their amounts); every call is made through the API.
 */
import type { Role } from '../../shared/auth/roles';
import type { Db } from '../../shared/db/client';
import { settleBills } from '../../shared/payments/settle';
import { putBill, uniqueRef } from './payments';

type Where = 'inside' | 'outside';
interface Case {
  method: string;
  path: string;
  body?: unknown;
}
/** The ward and its committee's account on each side of the caller's area. */
type Place = (where: Where) => { ward: string; account: string };

const PAID_AT = '2024-06-15T03:00:00.000Z';
const filter = (value: unknown) => `?filter=${encodeURIComponent(JSON.stringify(value))}`;

/** `ownAccount(role)`: the account a role's demo user belongs to (their statement's). */
export const paymentsMatrix = (db: () => Db, place: Place, ownAccount: (role: Role) => string) => {
  const paymentOf = {} as Record<Where, string>;
  const outsideBill = { id: '' };

  /** Money that reached a ward's account and matched nothing: something to resolve. */
  const unmatched = async (where: Where) => {
    const { account } = place(where);
    const { payment } = await settleBills(
      db(),
      {
        method: 'bank-transfer',
        reference: `${account}/${uniqueRef('MATRIX')}`,
        amount: 44_000,
        paidAt: PAID_AT,
        accountId: account,
        billIds: [],
      },
      PAID_AT,
    );

    return payment.id;
  };

  const freshBill = (where: Where) =>
    putBill(db(), { ward: place(where).ward, accountId: place(where).account });

  const setUp = async () => {
    for (const where of ['inside', 'outside'] as const) paymentOf[where] = await unmatched(where);
    // Outside bills are never paid (the area roles cannot reach them): one serves every call.
    outsideBill.id = (await freshBill('outside')).id;
  };

  const cases: Record<string, (w: Where, role: Role) => Promise<Case>> = {
    'GET /api/payments': async (w) => ({
      method: 'GET',
      path: `/api/payments${filter({ id: [paymentOf[w]] })}`,
    }),
    'GET /api/payments/daily': async (w) => ({
      method: 'GET',
      path: `/api/payments/daily?from=2024-06-01&to=2024-06-30&unitId=${place(w).ward}`,
    }),
    'GET /api/payments/{id}': async (w) => ({
      method: 'GET',
      path: `/api/payments/${paymentOf[w]}`,
    }),
    'POST /api/payments/cash': async (w) => ({
      method: 'POST',
      path: '/api/payments/cash',
      body: {
        billIds: [w === 'inside' ? (await freshBill('inside')).id : outsideBill.id],
        amount: 44_000,
        receiptNo: uniqueRef('PT'),
        paidAt: '2024-06-20T09:00',
      },
    }),
    'POST /api/payments/bank-statement': async (w, role) => ({
      method: 'POST',
      path: '/api/payments/bank-statement',
      body: {
        accountId: w === 'inside' ? ownAccount(role) : place('outside').account,
        rows: [
          { reference: uniqueRef('FT'), paidAt: '20/06/2024', amount: '44.000', content: 'x' },
        ],
      },
    }),
    'POST /api/payments/{id}/resolve': async (w) => ({
      method: 'POST',
      path: `/api/payments/${await unmatched(w)}/resolve`,
      body: { action: 'refund', refundReference: uniqueRef('HT') },
    }),
  };

  return { setUp, cases };
};
