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
};
