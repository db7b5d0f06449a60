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
};
