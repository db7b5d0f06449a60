import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { batchGet, getItem } from '../db/items';
import { keys, stripInternal } from '../db/keys';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { auditPut, SYSTEM_ACTOR } from '../audit/events';
import { type Principal, scopeOf } from '../auth/principal';
import { isUnder } from '../units/fields';
import { staleVersion } from '../units/store';
import { ictMonth } from '../time/ict';
import {
  addCounterDeltas,
  COUNTER_ITEMS_PER_UNIT,
  counterUpdates,
  type HouseholdCount,
} from './counters';
import type { Household, HouseholdInput } from './fields';
import {
  changeItems,
  type Guard,
  type HouseholdChange,
  householdHasBills,
  householdHasCollections,
} from './change-items';
import { nextHousehold } from './record';
import { resolveHouseholdPath } from './references';

export type { HouseholdChange } from './change-items';

export const householdNotFound = () =>
  new NotFoundError('Không tìm thấy hộ trong sổ', 'household.not_found');

export const duplicateCode = (code: string) =>
  new ConflictError(`Mã hộ "${code}" đã có trong phường/xã này`, 'household.duplicate_code', {
    code: 'Mã hộ đã tồn tại trong phường/xã',
  });

export const getHousehold = async (db: Db, id: string): Promise<Household | undefined> => {
  const item = await getItem(db, keys.household(id));

  return item ? stripInternal<Household>(item) : undefined;
};

/** Households by id, in the order asked, leaving out those the caller may not see. */
export const getHouseholds = async (
  db: Db,
  ids: string[],
  caller?: Principal,
): Promise<Household[]> => {
  const items = await batchGet(db, ids.map(keys.household));
  const byId = new Map(items.map((item) => [String(item.id), stripInternal<Household>(item)]));
  const scope = scopeOf(caller);

  return ids.flatMap((id) => {
    const household = byId.get(id);

    return household && isUnder(household.unitPath, scope) ? [household] : [];
  });
};

/** One household the caller may see; outside their area it does not exist for them. */
export const getVisibleHousehold = async (db: Db, id: string, caller?: Principal) => {
  const household = await getHousehold(db, id);
  if (!household || !isUnder(household.unitPath, scopeOf(caller))) throw householdNotFound();

  return household;
};

/** A unit outside the caller's area is answered as if it did not exist. */
const checkPlacement = (unitPath: string, caller?: Principal): void => {
  if (!isUnder(unitPath, scopeOf(caller))) {
    throw new ValidationError(
      'Phường/xã không tồn tại',
      { unitId: 'Phường/xã không tồn tại' },
      'household.bad_reference',
    );
  }
};

/** The audit event of a change, written in the same transaction. */
const auditOf = (
  tableName: string,
  change: HouseholdChange,
  caller: Principal | undefined,
  at: string,
) => {
  const record = (change.after ?? change.before) as Household;

  return auditPut(
    tableName,
    caller ?? SYSTEM_ACTOR,
    {
      resource: 'households',
      recordId: record.id,
      action: !change.before ? 'create' : change.after ? 'update' : 'delete',
      unitPath: record.unitPath,
      before: change.before,
      after: change.after,
    },
    at,
  );
};

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

const unitsTouched = (change: HouseholdChange): string[] =>
  [change.before?.unitPath, change.after?.unitPath].flatMap((path) =>
    path ? ['*', ...path.split('/').filter(Boolean)] : [],
  );

/**
 * Splits changes into groups that each fit one transaction: every change's own items plus the
 * counter updates of each unit the group touches (at most 100 items in all).
 */
export const transactionGroups = (changes: HouseholdChange[]): HouseholdChange[][] => {
  const groups: HouseholdChange[][] = [];
  let group: HouseholdChange[] = [];
  let items = 0;
  let units = new Set<string>();
  for (const change of changes) {
    // The change's own items and its audit event.
    const own = changeItems('', change).length + 1;
    const touched = new Set([...units, ...unitsTouched(change)]);
    const counters = COUNTER_ITEMS_PER_UNIT * touched.size;
    if (group.length > 0 && items + own + counters > MAX_TRANSACTION_ITEMS) {
      groups.push(group);
      group = [];
      items = 0;
      units = new Set(unitsTouched(change));
    } else {
      units = touched;
    }
    group.push(change);
    items += own;
  }
  if (group.length > 0) groups.push(group);

  return groups;
};

/**
 * Writes changes and the counters they move in one transaction; the counters are updated once
 * for the whole set, not once per household. The set must fit one transaction
 * (`transactionGroups` splits larger ones). `now` is when the change is made: the audit event's
 * time and the Vietnam month whose register moves it counts in.
 * On a failed condition it throws the domain error of the change that failed.
 */
export const writeHouseholdChanges = async (
  db: Db,
  changes: HouseholdChange[],
  caller?: Principal,
  now: string = new Date().toISOString(),
): Promise<void> => {
  const owners: number[] = [];
  const guards: Guard[] = [];
  const items: TransactItem[] = [];
  const deltas = new Map<string, HouseholdCount>();
  changes.forEach((change, index) => {
    const own = [
      ...changeItems(db.tableName, change),
      { item: auditOf(db.tableName, change, caller, now), guard: 'none' as const },
    ];
    items.push(...own.map((entry) => entry.item));
    guards.push(...own.map((entry) => entry.guard));
    owners.push(...own.map(() => index));
    addCounterDeltas(deltas, change.before, change.after);
  });
  items.push(...counterUpdates(db.tableName, deltas, ictMonth(now)));

  try {
    await transactWrite(db, items);
  } catch (error) {
    if (!(error instanceof TransactionCancelled)) throw error;
    const failed = error.failedCondition();
    const change = changes[owners[failed] ?? -1];
    if (!change) throw error;
    if (guards[failed] === 'code' && change.after) throw duplicateCode(change.after.code);
    if (guards[failed] === 'collections') throw householdHasCollections();
    if (guards[failed] === 'bills') throw householdHasBills();
    if (change.before) throw staleVersion();
    throw new ConflictError('Hộ đã tồn tại', 'household.exists');
  }
};

export const createHousehold = async (
  db: Db,
  input: HouseholdInput,
  now: string,
  caller?: Principal,
): Promise<Household> => {
  const unitPath = await resolveHouseholdPath(db, input);
  checkPlacement(unitPath, caller);
  const household = nextHousehold(
    input,
    unitPath,
    { id: randomUUID(), createdAt: now, version: 1 },
    now,
  );
  await writeHouseholdChanges(db, [{ after: household }], caller, now);

  return household;
};

export const updateHousehold = async (
  db: Db,
  id: string,
  input: HouseholdInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<Household> => {
  const before = await getVisibleHousehold(db, id, caller);
  if (before.version !== version) throw staleVersion();
  if (input.unitId !== before.unitId) {
    throw new ValidationError(
      'Không chuyển được hộ sang phường/xã khác; hãy ghi hộ này là ngừng (chuyển đi) và thêm hộ mới ở nơi mới',
      { unitId: 'Không đổi được phường/xã' },
      'household.unit_immutable',
    );
  }

  const unitPath = await resolveHouseholdPath(db, input);
  checkPlacement(unitPath, caller);
  const after = nextHousehold(input, unitPath, { ...before, version: version + 1 }, now);
  await writeHouseholdChanges(db, [{ before, after }], caller, now);

  return after;
};

export const deleteHousehold = async (
  db: Db,
  id: string,
  caller?: Principal,
): Promise<Household> => {
  const before = await getVisibleHousehold(db, id, caller);
  await writeHouseholdChanges(db, [{ before }], caller);

  return before;
};
