import type { Action, ProtectedResource } from './roles';

/**
 * What each route of the route table requires. Every route key must appear here: the handlers
 * refuse a route without a rule, and the authorization test fails for it.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; resource: ProtectedResource; action: Action };

const PUBLIC: AccessRule = { kind: 'public' };
const SIGNED_IN: AccessRule = { kind: 'signed-in' };
const allow = (resource: ProtectedResource, action: Action): AccessRule => ({
  kind: 'permission',
  resource,
  action,
});

const crudRules = (resource: ProtectedResource, path = resource): Record<string, AccessRule> => ({
  [`GET /api/${path}`]: allow(resource, 'list'),
  [`POST /api/${path}`]: allow(resource, 'create'),
  [`GET /api/${path}/{id}`]: allow(resource, 'read'),
  [`PUT /api/${path}/{id}`]: allow(resource, 'update'),
  [`DELETE /api/${path}/{id}`]: allow(resource, 'delete'),
});

export const accessRules: Record<string, AccessRule> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,
  ...crudRules('units'),
  ...crudRules('accounts'),
  ...crudRules('households'),
  // An import creates and updates; the handler checks both before writing anything.
  'POST /api/households/import': allow('households', 'create'),
  'GET /api/stats/register': allow('register-stats', 'read'),
  ...crudRules('users'),
  'POST /api/users/{id}/password': allow('users', 'update'),
  'GET /api/audit-events': allow('audit-events', 'list'),
  'GET /api/audit-events/{id}': allow('audit-events', 'read'),
  ...crudRules('collections'),
  // An import creates and updates (a corrected row); the handler checks both.
  'POST /api/collections/import': allow('collections', 'create'),
  // Pickup counts of one household: who may read the household may read its record.
  'GET /api/households/{id}/sorting-record': allow('households', 'read'),
  'GET /api/kpis': allow('kpis', 'read'),
  'GET /api/kpis/review': allow('kpis', 'read'),
  // Carrying a review into next year creates that year's targets.
  'POST /api/kpis/review': allow('targets', 'create'),
  ...crudRules('targets'),
  ...crudRules('emission-factors'),
  // Open data for a city operations centre: aggregates only, no personal data.
  'GET /api/public/stats': PUBLIC,
  // Billing (issue 6). An account's users reach only their own account's records (404 else).
  'GET /api/invoices': allow('invoices', 'list'),
  'GET /api/invoices/{id}': allow('invoices', 'read'),
  'GET /api/invoices/{id}/print': allow('invoices', 'read'),
  // Voiding replaces the invoice with a new one: the one change an invoice ever gets.
  'POST /api/invoices/{id}/void': allow('invoices', 'update'),
  'GET /api/accounts/{id}/statement': allow('invoices', 'read'),
  'GET /api/invoice-payments': allow('invoice-payments', 'list'),
  'GET /api/invoice-payments/{id}': allow('invoice-payments', 'read'),
  'POST /api/invoice-payments': allow('invoice-payments', 'create'),
  ...crudRules('price-plans'),
  'GET /api/billing-runs': allow('billing-runs', 'list'),
  'GET /api/billing-runs/{id}': allow('billing-runs', 'read'),
  'POST /api/billing-runs': allow('billing-runs', 'create'),
  'GET /api/finance/ageing': allow('finance-reports', 'read'),
  'GET /api/finance/monthly': allow('finance-reports', 'read'),
  'GET /api/finance/free-period': allow('finance-reports', 'read'),
  // An account's own users pay its invoice online (issue 6); any other account's is 404.
  'POST /api/invoices/{id}/pay': allow('online-payments', 'create'),
  // Gateway notifications: authenticated by each gateway's signature, verified before any read.
  'GET /api/webhooks/vnpay': PUBLIC,
  'POST /api/webhooks/momo': PUBLIC,
  'POST /api/webhooks/zalopay': PUBLIC,
  'POST /api/webhooks/payos': PUBLIC,
  // Household fee payments (issue 5), in the caller's area (404 outside it). Gateway payments
  // have no route: only webhooks and the lost-notification check write them.
  'GET /api/payments': allow('payments', 'list'),
  'GET /api/payments/daily': allow('payments', 'list'),
  'GET /api/payments/{id}': allow('payments', 'read'),
  'POST /api/payments/cash': allow('payments', 'create'),
  'POST /api/payments/bank-statement': allow('bank-statements', 'create'),
  // Matching a payment under review to bills, or recording its refund.
  'POST /api/payments/{id}/resolve': allow('payments', 'update'),
  // Resident look-up (issue 5): proof is the household code with its phone number, counted
  // per client address in the table; answers hold no personal data beyond a masked name.
  'GET /api/public/units': PUBLIC,
  'GET /api/public/households/lookup': PUBLIC,
  'POST /api/public/households/lookup': PUBLIC,
  'POST /api/public/households/pay': PUBLIC,
  'GET /api/public/attempts/{id}': PUBLIC,
  // Household fees (issue 5): schedules and bills of the caller's area (404 outside it).
  ...crudRules('fee-schedules'),
  'GET /api/bills': allow('bills', 'list'),
  'GET /api/bills/unpaid-by-hamlet': allow('bills', 'read'),
  'GET /api/bills/{id}': allow('bills', 'read'),
  // A run creates the month's bills of a unit; running it again creates nothing new.
  'POST /api/bills/run': allow('bills', 'create'),
  // Waiving and cancelling are the only changes a user makes to a bill.
  'POST /api/bills/{id}/waive': allow('bills', 'update'),
  'POST /api/bills/{id}/cancel': allow('bills', 'update'),
};
