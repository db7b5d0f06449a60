import { randomUUID } from 'node:crypto';
import { createAccount } from '../../shared/accounts/store';
import type { Db } from '../../shared/db/client';
import { getItem } from '../../shared/db/items';
import { keys, PLATFORM } from '../../shared/db/keys';
import type { HouseholdInput } from '../../shared/households/fields';
import { nextHousehold } from '../../shared/households/record';
import { householdInputSchema } from '../../shared/households/schema';
import { transactionGroups, writeHouseholdChanges } from '../../shared/households/store';
import { childPath } from '../../shared/units/fields';
import { createUnit } from '../../shared/units/store';
import { parseOrThrow } from '../../shared/validation';
import type { Principal } from '../../shared/auth/principal';
import { createUser } from '../../shared/users/store';
import { demoRegisterInstant } from './seed/collections';
import { seedAccounts, seedHouseholds, seedUnits } from './seed/demo';
import { demoPassword, seedUsers } from './seed/users';

/** The seed acts as the platform operator, with the operator's reach. */
const SEED_OPERATOR: Principal = {
  userId: 'system',
  username: 'system',
  fullName: 'Dữ liệu mẫu',
  role: 'operator',
  accountId: 'operator',
  scopePath: '/',
  sessionId: 'seed',
};

export interface DemoCredential {
  username: string;
  password: string;
  role: string;
  accountId: string;
}

export interface SeedSummary {
  units: number;
  accounts: number;
  households: number;
  users: DemoCredential[];
}

/** The table is empty when no unit of the demo tree and no register counter exists yet. */
const isEmpty = async (db: Db, firstUnitId: string): Promise<boolean> =>
  !(await getItem(db, keys.unit(firstUnitId))) &&
  !(await getItem(db, keys.householdCounter(PLATFORM)));

/**
 * Writes the demo data through the same store functions the API uses, so it obeys the same
 * rules (paths, counters, unique codes). Only when the table holds nothing yet.
 */
export const seedIfEmpty = async (
  db: Db,
  options: { perUnit?: number } = {},
): Promise<SeedSummary | undefined> => {
  const units = seedUnits();
  if (!(await isEmpty(db, units[0].id))) return undefined;

  const now = new Date().toISOString();
  const paths = new Map<string, string>();
  for (const unit of units) {
    const { id, parentId, ...rest } = unit;
    await createUnit(db, { ...rest, parentId }, now, id);
    paths.set(id, childPath(parentId ? (paths.get(parentId) ?? null) : null, id));
  }

  const accounts = seedAccounts(units);
  for (const { id, ...account } of accounts) await createAccount(db, account, now, id);

  const households = seedHouseholds(units, accounts, options.perUnit ?? 200);
  // Entered before the demo pickups, so past months' KPIs have a register to divide by.
  const registered = demoRegisterInstant(new Date());
  const changes = households.map((seed) => {
    const input = parseOrThrow(householdInputSchema, seed) as HouseholdInput;
    const ward = paths.get(input.unitId) as string;
    const unitPath = input.hamletId ? childPath(ward, input.hamletId) : ward;

    return {
      after: nextHousehold(
        input,
        unitPath,
        { id: randomUUID(), createdAt: registered, version: 1 },
        registered,
      ),
    };
  });
  for (const group of transactionGroups(changes)) {
    await writeHouseholdChanges(db, group, undefined, registered);
  }

  // Users are made as the operator would make them: through the store, with its checks.
  const users: DemoCredential[] = [];
  for (const { phone, email, ...user } of seedUsers()) {
    const password = demoPassword();
    await createUser(db, SEED_OPERATOR, { ...user, phone, email, active: true }, password, now);
    users.push({ username: user.username, password, role: user.role, accountId: user.accountId });
  }

  return { units: units.length, accounts: accounts.length, households: households.length, users };
};
