/**
 * Who may do what: one table, read by the handlers (to allow or refuse a route) and by the admin
 * (to show or hide menus, buttons and fields). Scope — which records — is decided separately by
 * the record's unit path or account (shared/auth/scope.ts).
 */
export const ROLES = ['operator', 'finance', 'unit-admin', 'collector', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['list', 'read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export const PROTECTED_RESOURCES = [
  'households',
  'units',
  'accounts',
  'users',
  'audit-events',
  'register-stats',
  'collections',
  'kpis',
  'targets',
  'emission-factors',
  // Billing of the accounts (issue 6).
  'invoices',
  'invoice-payments',
  'price-plans',
  'billing-runs',
  'finance-reports',
  // Paying the own account's invoice through a gateway (issue 6).
  'online-payments',
  // Household fees (issue 5).
  'fee-schedules',
  'bills',
  'payments',
  'bank-statements',
] as const;
export type ProtectedResource = (typeof PROTECTED_RESOURCES)[number];

const ALL: Action[] = [...ACTIONS];
const READ: Action[] = ['list', 'read'];

export const permissions: Record<ProtectedResource, Record<Role, Action[]>> = {
  // Finance follows money, not people: no household personal details.
  households: { operator: ALL, finance: [], 'unit-admin': ALL, collector: READ, viewer: READ },
  units: { operator: ALL, finance: READ, 'unit-admin': READ, collector: READ, viewer: READ },
  // Outside the operator and finance, accounts are visible only as references (one's own
  // account, the collectors serving one's area), so the menu shows them to those two only.
  accounts: { operator: ALL, finance: READ, 'unit-admin': READ, collector: READ, viewer: READ },
  users: { operator: ALL, finance: [], 'unit-admin': ALL, collector: [], viewer: [] },
  'audit-events': { operator: READ, finance: [], 'unit-admin': READ, collector: [], viewer: READ },
  'register-stats': {
    operator: READ,
    finance: READ,
    'unit-admin': READ,
    collector: READ,
    viewer: READ,
  },
  // Collectors record pickups in their area; the store lets them change only their own
  // company's. Finance sees no pickups: they name households.
  collections: { operator: ALL, finance: [], 'unit-admin': ALL, collector: ALL, viewer: READ },
  // Aggregates only, no personal data: everyone reads the KPIs of their area.
  kpis: { operator: READ, finance: READ, 'unit-admin': READ, collector: READ, viewer: READ },
  // Each unit's officials set the targets of their area's action plan.
  targets: { operator: ALL, finance: READ, 'unit-admin': ALL, collector: READ, viewer: READ },
  // Factors are technical data kept by the operator for each province.
  'emission-factors': {
    operator: ALL,
    finance: READ,
    'unit-admin': READ,
    collector: READ,
    viewer: READ,
  },
  // An account's users read their own account's invoices, payments and statement (the store
  // narrows to the account); finance and the operator read all and record payments and voids.
  invoices: {
    operator: ['list', 'read', 'update'],
    finance: ['list', 'read', 'update'],
    'unit-admin': READ,
    collector: READ,
    viewer: READ,
  },
  'invoice-payments': {
    operator: ['list', 'read', 'create'],
    finance: ['list', 'read', 'create'],
    'unit-admin': READ,
    collector: READ,
    viewer: READ,
  },
  // Only the operator sets prices and runs billing; finance reads both.
  'price-plans': { operator: ALL, finance: READ, 'unit-admin': [], collector: [], viewer: [] },
  'billing-runs': {
    operator: ['list', 'read', 'create'],
    finance: READ,
    'unit-admin': [],
    collector: [],
    viewer: [],
  },
  'finance-reports': { operator: READ, finance: READ, 'unit-admin': [], collector: [], viewer: [] },
  // The users who act for an invoiced account pay its invoices; the operator's own account is
  // never invoiced, and viewers only read.
  'online-payments': {
    operator: [],
    finance: [],
    'unit-admin': ['create'],
    collector: ['create'],
    viewer: [],
  },
  // Each unit's officials set the fee schedule of their area (a lower unit may set its own).
  'fee-schedules': { operator: ALL, finance: READ, 'unit-admin': ALL, collector: [], viewer: READ },
  // Bills are made by runs and closed by payments, waivers and cancellations, never deleted;
  // collectors read them to follow up what is owed.
  bills: {
    operator: ['list', 'read', 'create', 'update'],
    finance: READ,
    'unit-admin': ['list', 'read', 'create', 'update'],
    collector: READ,
    viewer: READ,
  },
  // Household fee payments: finance and the operator read all and resolve what needs review;
  // ward officials and collectors record cash in their area; everyone else reads their area.
  payments: {
    operator: ['list', 'read', 'update'],
    finance: ['list', 'read', 'update'],
    'unit-admin': ['list', 'read', 'create'],
    collector: ['list', 'read', 'create'],
    viewer: READ,
  },
  // A ward official imports their own account's bank statement.
  'bank-statements': {
    operator: [],
    finance: [],
    'unit-admin': ['create'],
    collector: [],
    viewer: [],
  },
};

/** Resources each role sees in the menu; a role may read more than it browses. */
export const menus: Record<Role, ProtectedResource[]> = {
  operator: [
    'households',
    'collections',
    'kpis',
    'bills',
    'payments',
    'fee-schedules',
    'units',
    'accounts',
    'users',
    'targets',
    'emission-factors',
    'invoices',
    'invoice-payments',
    'price-plans',
    'billing-runs',
    'finance-reports',
    'audit-events',
  ],
  finance: [
    'accounts',
    'invoices',
    'invoice-payments',
    'price-plans',
    'billing-runs',
    'finance-reports',
    'bills',
    'payments',
    'fee-schedules',
    'kpis',
    'units',
  ],
  'unit-admin': [
    'households',
    'collections',
    'kpis',
    'bills',
    'payments',
    'fee-schedules',
    'units',
    'users',
    'targets',
    'invoices',
    'audit-events',
  ],
  collector: ['households', 'collections', 'kpis', 'bills', 'payments', 'units'],
  viewer: [
    'households',
    'collections',
    'kpis',
    'bills',
    'payments',
    'fee-schedules',
    'units',
    'targets',
    'audit-events',
  ],
};

export const can = (role: Role, resource: ProtectedResource, action: Action): boolean =>
  permissions[resource]?.[role]?.includes(action) ?? false;

/** Roles that only the operator's own account holds: they reach every account. */
export const PLATFORM_ROLES: readonly Role[] = ['operator', 'finance'];

/** Which roles a user of a role may give to others (never to raise anyone above themselves). */
export const assignableRoles: Record<Role, readonly Role[]> = {
  operator: ROLES,
  finance: [],
  'unit-admin': ['unit-admin', 'collector', 'viewer'],
  collector: [],
  viewer: [],
};

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  operator: { vi: 'Vận hành nền tảng', en: 'Operator' },
  finance: { vi: 'Kế toán', en: 'Finance' },
  'unit-admin': { vi: 'Quản trị đơn vị', en: 'Unit admin' },
  collector: { vi: 'Thu gom', en: 'Collector' },
  viewer: { vi: 'Chỉ xem', en: 'Viewer' },
};
