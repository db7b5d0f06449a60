import type { Role } from './roles';

/** Who is calling, established from a verified token and the stored session, user and account. */
export interface Principal {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  accountId: string;
  /** The unit path of the user's account: every area record they reach lies under it. */
  scopePath: string;
  sessionId: string;
}

/** Platform-wide access: the operator's own account covers every unit. */
export const isPlatformWide = (principal: Principal): boolean => principal.scopePath === '/';

/** The unit the principal's area starts at, or undefined for the whole platform. */
export const scopeUnitId = (principal: Principal): string | undefined =>
  principal.scopePath.split('/').filter(Boolean).at(-1);

/**
 * The unit path a caller reaches. Stores take the caller as their last argument; without one
 * (seed data, benchmarks, scheduled jobs) they act for the whole platform.
 */
export const scopeOf = (caller?: Principal): string => caller?.scopePath ?? '/';
