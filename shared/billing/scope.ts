/**
 * Billing records belong to an account, not an area (DESIGN.md §1): the operator and finance see
 * every account's; anyone else only their own account's. Anything else answers 404, exactly as
 * if it did not exist.
 */
import type { Principal } from '../auth/principal';
import { PLATFORM_ROLES } from '../auth/roles';
import { NotFoundError } from '../errors';

/** Without a caller (scheduled jobs, seed, benchmarks) a store acts for the whole platform. */
export const seesAllAccounts = (caller?: Principal): boolean =>
  !caller || PLATFORM_ROLES.includes(caller.role);

export const seesAccount = (accountId: string, caller?: Principal): boolean =>
  seesAllAccounts(caller) || caller?.accountId === accountId;

/**
 * The audit trail is scoped by unit path, which would show an account's invoices to every office
 * above its area; billing events are therefore kept at the platform root, where only
 * platform-wide users read them.
 */
export const BILLING_AUDIT_PATH = '/';

export const invoiceNotFound = () =>
  new NotFoundError('Không tìm thấy hóa đơn', 'invoice.not_found');
export const accountNotFound = () =>
  new NotFoundError('Không tìm thấy tài khoản', 'account.not_found');
