/** Accounts: one organisation's seat on the platform, billed monthly (DESIGN.md §1). */
export const ACCOUNT_KINDS = [
  'province-office',
  'environment-office',
  'ward-committee',
  'commune-committee',
  'collector',
  'operator',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface AccountInput {
  name: string;
  kind: AccountKind;
  unitId: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  status: AccountStatus;
  activatedOn: string | null;
  /** Mã số thuế, printed on the account's invoices; optional so older callers need not send it. */
  taxCode?: string | null;
}

/** A status and the day (Vietnam time) it took effect, kept for billing (status-history.ts). */
export interface StatusPeriod {
  status: AccountStatus;
  from: string;
}

export interface Account extends AccountInput {
  id: string;
  unitPath: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Server-owned; absent on accounts stored before it was kept. */
  statusHistory?: StatusPeriod[];
}
