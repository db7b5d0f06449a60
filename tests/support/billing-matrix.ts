/**
 * The billing routes' part of the authorization matrix (tests/api/authorization.test.ts): the
 * invoices, payments and statements of an account inside the caller's reach (their own, or any
 * for finance and the operator) and of one outside it, billed for one month of 2024 that no
 * demo account reaches (they activate from 2025).
 */
import type { Role } from '../../shared/auth/roles';

type Where = 'inside' | 'outside';
type Call = (method: string, path: string, body?: unknown) => Promise<any>;
interface Case {
  method: string;
  path: string;
  body?: unknown;
}

export const MATRIX_MONTH = '2024-06';

const filter = (value: unknown) => `?filter=${encodeURIComponent(JSON.stringify(value))}`;

/**
 * `billedAccount(where, role)` names the account whose records a case asks for: the caller's
 * own inside (a ward's, for finance and the operator, whose own account is never billed), the
 * other province's outside.
 */
export const billingMatrix = (
  asOperator: Call,
  billedAccount: (where: Where, role: Role) => string,
) => {
  const invoiceOf = new Map<string, string>();
  const paymentOf = new Map<string, string>();
  const planOf = new Map<string, string>();
  let runId = '';
  let serial = 0;

  /** Activates the accounts in 2024 with no free months, bills June 2024 and records a payment. */
  const setUp = async (accountIds: string[]) => {
    for (const id of accountIds) {
      const account = await asOperator('GET', `/api/accounts/${id}`);
      await asOperator('PUT', `/api/accounts/${id}`, { ...account, activatedOn: '2024-01-01' });
      const plan = await asOperator('POST', '/api/price-plans', {
        accountId: id,
        effectiveFrom: '2024-01-01',
        freeMonths: 0,
      });
      planOf.set(id, plan.id);
    }
    runId = (await asOperator('POST', '/api/billing-runs', { month: MATRIX_MONTH })).id;
    for (const id of accountIds) {
      const [invoice] = await asOperator('GET', `/api/invoices${filter({ accountId: id })}`);
      invoiceOf.set(id, invoice.id);
      const payment = await asOperator('POST', '/api/invoice-payments', {
        invoiceId: invoice.id,
        amount: 1000,
        paidOn: '2024-07-05',
        reference: `MATRIX-${id}`,
      });
      paymentOf.set(id, payment.id);
    }
  };

  const invoice = (w: Where, role: Role) => invoiceOf.get(billedAccount(w, role)) as string;
  /** Voiding replaces: each void or payment case takes the account's current invoice. */
  const current = async (w: Where, role: Role) =>
    (
      await asOperator(
        'GET',
        `/api/invoices${filter({ accountId: billedAccount(w, role), status: ['issued', 'partly-paid', 'paid'] })}`,
      )
    )[0].id as string;
  const freshPlan = async (w: Where, role: Role) =>
    asOperator('POST', '/api/price-plans', {
      accountId: billedAccount(w, role),
      effectiveFrom: `${2100 + (serial += 1)}-01-01`,
    });

  const cases: Record<string, (w: Where, role: Role) => Promise<Case>> = {
    'GET /api/invoices': async (w, role) => ({
      method: 'GET',
      path: `/api/invoices${filter({ id: [invoice(w, role)] })}`,
    }),
    'GET /api/invoices/{id}': async (w, role) => ({
      method: 'GET',
      path: `/api/invoices/${invoice(w, role)}`,
    }),
    'GET /api/invoices/{id}/print': async (w, role) => ({
      method: 'GET',
      path: `/api/invoices/${invoice(w, role)}/print`,
    }),
    'POST /api/invoices/{id}/void': async (w, role) => ({
      method: 'POST',
      path: `/api/invoices/${await current(w, role)}/void`,
      body: { reason: `Kiểm tra quyền ${(serial += 1)}` },
    }),
    'GET /api/accounts/{id}/statement': async (w, role) => ({
      method: 'GET',
      path: `/api/accounts/${billedAccount(w, role)}/statement`,
    }),
    'GET /api/invoice-payments': async (w, role) => ({
      method: 'GET',
      path: `/api/invoice-payments${filter({ id: [paymentOf.get(billedAccount(w, role))] })}`,
    }),
    'GET /api/invoice-payments/{id}': async (w, role) => ({
      method: 'GET',
      path: `/api/invoice-payments/${paymentOf.get(billedAccount(w, role))}`,
    }),
    'POST /api/invoice-payments': async (w, role) => ({
      method: 'POST',
      path: '/api/invoice-payments',
      body: {
        invoiceId: await current(w, role),
        amount: 500,
        paidOn: '2024-07-06',
        reference: `MATRIX-PAY-${(serial += 1)}`,
      },
    }),
    'GET /api/price-plans': async (w, role) => ({
      method: 'GET',
      path: `/api/price-plans${filter({ id: [planOf.get(billedAccount(w, role))] })}`,
    }),
    'GET /api/price-plans/{id}': async (w, role) => ({
      method: 'GET',
      path: `/api/price-plans/${planOf.get(billedAccount(w, role))}`,
    }),
    'POST /api/price-plans': async (w, role) => ({
      method: 'POST',
      path: '/api/price-plans',
      body: { accountId: billedAccount(w, role), effectiveFrom: `${2100 + (serial += 1)}-01-01` },
    }),
    'PUT /api/price-plans/{id}': async (w, role) => {
      const plan = await asOperator(
        'GET',
        `/api/price-plans/${planOf.get(billedAccount(w, role))}`,
      );

      return {
        method: 'PUT',
        path: `/api/price-plans/${plan.id}`,
        body: { ...plan, note: `sửa ${(serial += 1)}` },
      };
    },
    'DELETE /api/price-plans/{id}': async (w, role) => ({
      method: 'DELETE',
      path: `/api/price-plans/${(await freshPlan(w, role)).id}`,
    }),
    // Runs belong to the platform: the same for inside and outside.
    'GET /api/billing-runs': async () => ({
      method: 'GET',
      path: `/api/billing-runs${filter({ id: [runId] })}`,
    }),
    'GET /api/billing-runs/{id}': async () => ({
      method: 'GET',
      path: `/api/billing-runs/${runId}`,
    }),
    'POST /api/billing-runs': async () => ({
      method: 'POST',
      path: '/api/billing-runs',
      body: { month: MATRIX_MONTH },
    }),
    'GET /api/finance/ageing': async () => ({
      method: 'GET',
      path: '/api/finance/ageing?asOf=2024-12-31',
    }),
    'GET /api/finance/monthly': async () => ({
      method: 'GET',
      path: '/api/finance/monthly?from=2024-01&to=2024-12',
    }),
    'GET /api/finance/free-period': async () => ({
      method: 'GET',
      path: '/api/finance/free-period',
    }),
  };

  return { setUp, cases };
};
