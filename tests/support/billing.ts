/**
 * Helpers for the billing tests: accounts and plans written through the stores, the moments a
 * run or a payment happens (Vietnam time), and a principal for store calls.
 */
import type { AccountInput } from '../../shared/accounts/fields';
import { createAccount } from '../../shared/accounts/store';
import type { Principal } from '../../shared/auth/principal';
import type { PlanTerms } from '../../shared/billing/fields';
import { createPricePlan } from '../../shared/billing/plan-store';
import { DEFAULT_TERMS } from '../../shared/billing/plans';
import type { Db } from '../../shared/db/client';

/** A ward of the demo tree: Vĩnh Hải. */
export const TEST_WARD = '22330-2409';

export const FINANCE: Principal = {
  userId: 'test-finance',
  username: 'ketoan.test',
  fullName: 'Kế toán thử',
  role: 'finance',
  accountId: 'operator',
  scopePath: '/',
  sessionId: 'test',
};

/** An ISO instant at `time` (HH:MM) on a Vietnam day: `ict('2024-02-01', '00:15')`. */
export const ict = (day: string, time = '09:00'): string =>
  new Date(`${day}T${time}:00+07:00`).toISOString();

export const billedAccount = async (
  db: Db,
  id: string,
  activatedOn: string,
  terms: Partial<PlanTerms> & { effectiveFrom?: string } = {},
  extra: Partial<AccountInput> = {},
) => {
  const input: AccountInput = {
    name: `UBND thử ${id}`,
    kind: 'ward-committee',
    unitId: TEST_WARD,
    contactName: null,
    phone: null,
    email: null,
    status: 'active',
    activatedOn,
    taxCode: null,
    ...extra,
  };
  const account = await createAccount(db, input, ict('2022-01-01'), id);
  const { effectiveFrom = '2022-01-01', ...rest } = terms;
  await createPricePlan(
    db,
    { ...DEFAULT_TERMS, ...rest, accountId: id, effectiveFrom, note: null },
    ict('2022-01-01'),
  );

  return account;
};
