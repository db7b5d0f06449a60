/**
 * A bill run: every billable household under a unit gets its bill of a Vietnam month, priced
 * by the fee schedules in force on the month's 1st (shared/fees/pricing.ts).
 *
 * Idempotent: a bill's key is its household and month, written only if absent, so running a
 * month again, or two runs at the same moment, makes each bill once; a run that stopped half-way
 * is completed by running it again. How each bill is written: writes.ts.
 *
 * Not billed: households already billed for the month; households registered only after the
 * month ended (Vietnam time); inactive households (unless they became inactive after the month
 * ended); households whose fee is 0 (exempt classes: no bill is made,
 * so nothing is owed, listed as unpaid, or sent a reference); households no fee line prices;
 * households of a ward with no committee account to collect for it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { accountsUnder } from '../accounts/store';
import { type Actor, SYSTEM_ACTOR } from '../audit/events';
import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { householdPathKey, keys, stripInternal } from '../db/keys';
import { pathIndexName, pathKeyAttr } from '../db/table';
import { NotFoundError, ValidationError } from '../errors';
import { byUnit, linesFor } from '../fees/store';
import type { FeeSchedule } from '../fees/fields';
import { priceFor } from '../fees/pricing';
import type { Household } from '../households/fields';
import { logger } from '../logger';
import { lastDayOf } from '../time/days';
import { ictMonth } from '../time/ict';
import { BASE_LEVELS, isUnder, pathIds, type Unit } from '../units/fields';
import { getStoredUnit, unitsUnder } from '../units/store';
import type { Bill } from './fields';
import { billId } from './record';
import { newReference } from './reference';
import { writeBills } from './writes';

export interface RunInput {
  unitId: string;
  month: string;
}

/** What a run did, by household. */
export interface BillRunResult {
  unitId: string;
  month: string;
  /** Households under the unit. */
  households: number;
  created: number;
  createdTotal: number;
  alreadyBilled: number;
  /** Registered (created, Vietnam time) only after the month ended. */
  notYetRegistered: number;
  inactive: number;
  /** Priced at 0: exempt classes. */
  exempt: number;
  /** No fee line prices them: no schedule in force, or none for their kind and class. */
  unpriced: number;
  /** In a ward with no committee account, or deleted while the run worked. */
  skipped: number;
}

type StoredUnit = Omit<Unit, 'householdCount'>;

/** Outside the caller's area a unit does not exist for them: the same answer as none at all. */
const unitNotFound = () => new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');

/** The platform bills no month before this one: an earlier month is a typing slip. */
export const FIRST_BILL_MONTH = '2000-01';

/** A month may be billed from its first day (Vietnam time) on, never ahead, never before 2000. */
export const checkRunMonth = (month: string, now: string): void => {
  if (month < FIRST_BILL_MONTH) {
    throw new ValidationError(
      `Tháng ${month.slice(5, 7)}/${month.slice(0, 4)} quá xa: chỉ lập hóa đơn từ tháng 01/2000 trở đi`,
      { month: 'Tháng trước 01/2000' },
      'bill.month_too_early',
    );
  }
  if (month > ictMonth(now)) {
    throw new ValidationError(
      `Tháng ${month.slice(5, 7)}/${month.slice(0, 4)} chưa bắt đầu (giờ Việt Nam); chưa lập hóa đơn được`,
      { month: 'Tháng chưa bắt đầu' },
      'bill.month_not_started',
    );
  }
};

/** The wards a run covers, and the hamlet it is limited to when it is for one. */
const wardsOf = async (db: Db, unit: StoredUnit) => {
  if (BASE_LEVELS.includes(unit.level)) return { wards: [unit], hamlet: undefined };
  if (unit.level === 'hamlet') {
    const ward = await getStoredUnit(db, String(unit.parentId));

    return { wards: ward ? [ward] : [], hamlet: unit };
  }

  return {
    wards: (await unitsUnder(db, unit.unitPath)).filter((u) => BASE_LEVELS.includes(u.level)),
    hamlet: undefined,
  };
};

/** The committee account of each ward: it collects the ward's fees. */
const collectingAccounts = async (db: Db, path: string): Promise<Map<string, string>> => {
  const accounts = (await accountsUnder(db, path))
    .filter((a) => a.kind === 'ward-committee' || a.kind === 'commune-committee')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const byWard = new Map<string, string>();
  for (const account of accounts) {
    if (account.unitId && !byWard.has(account.unitId)) byWard.set(account.unitId, account.id);
  }

  return byWard;
};

/** Ids of the households registered under a unit, from its path-level index. */
const householdIdsUnder = async (db: Db, unit: StoredUnit): Promise<string[]> => {
  const level = pathIds(unit.unitPath).length;
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: pathIndexName(level),
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': pathKeyAttr(level) },
        ExpressionAttributeValues: { ':p': householdPathKey(unit.id) },
        ProjectionExpression: 'pk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of result.Items ?? []) ids.push(String(item.pk).slice('HOUSEHOLD#'.length));
    start = result.LastEvaluatedKey;
  } while (start);

  return ids;
};

/** Households of a ward already billed for the month (strongly consistent on the base table). */
const billedHouseholds = async (db: Db, householdIds: string[], month: string) => {
  const items = await batchGet(
    db,
    householdIds.map((id) => keys.bill(id, month)),
    true,
  );

  return new Set(items.map((item) => String(item.householdId)));
};

/** Billable for a month: active, or made inactive only after the month ended. */
const billable = (household: Household, month: string): boolean =>
  household.status === 'active' ||
  (household.inactiveSince !== null && household.inactiveSince > lastDayOf(month));

const actorOf = (caller?: Principal): Actor =>
  caller
    ? { userId: caller.userId, username: caller.username, accountId: caller.accountId }
    : SYSTEM_ACTOR;

/** What a run works from: the unit's wards, the schedules that price them, who collects. */
export interface RunPlan {
  month: string;
  wards: StoredUnit[];
  /** Set when the run is for one hamlet. */
  hamlet: StoredUnit | undefined;
  schedules: Map<string, FeeSchedule[]>;
  accounts: Map<string, string>;
  result: BillRunResult;
}

export const planRun = async (
  db: Db,
  input: RunInput,
  now: string,
  caller?: Principal,
): Promise<RunPlan> => {
  checkRunMonth(input.month, now);
  const unit = await getStoredUnit(db, input.unitId);
  if (!unit || !isUnder(unit.unitPath, scopeOf(caller))) throw unitNotFound();

  const { wards, hamlet } = await wardsOf(db, unit);
  const anchorPath = hamlet ? (wards[0]?.unitPath ?? unit.unitPath) : unit.unitPath;
  const [lines, accounts] = await Promise.all([
    linesFor(db, unit.unitPath),
    collectingAccounts(db, anchorPath),
  ]);

  return {
    month: input.month,
    wards,
    hamlet,
    schedules: byUnit(lines),
    accounts,
    result: {
      unitId: unit.id,
      month: input.month,
      households: 0,
      created: 0,
      createdTotal: 0,
      alreadyBilled: 0,
      notYetRegistered: 0,
      inactive: 0,
      exempt: 0,
      unpriced: 0,
      skipped: 0,
    },
  };
};

/**
 * The bills one ward still needs for the plan's month, priced; the households left out are
 * counted in `plan.result` by why.
 */
export const wardBills = async (
  db: Db,
  plan: RunPlan,
  ward: StoredUnit,
  now: string,
): Promise<Bill[]> => {
  const { month, result } = plan;
  const ids = await householdIdsUnder(db, plan.hamlet ?? ward);
  result.households += ids.length;
  const accountId = plan.accounts.get(ward.id);
  if (!accountId) {
    result.skipped += ids.length;
    return [];
  }
  const billed = await billedHouseholds(db, ids, month);
  result.alreadyBilled += billed.size;
  const households = (
    await batchGet(db, ids.filter((id) => !billed.has(id)).map(keys.household))
  ).map((item) => stripInternal<Household>(item));
  result.skipped += ids.length - billed.size - households.length;

  const bills: Bill[] = [];
  for (const household of households) {
    if (ictMonth(household.createdAt) > month) {
      result.notYetRegistered += 1;
      continue;
    }
    if (!billable(household, month)) {
      result.inactive += 1;
      continue;
    }
    const price = priceFor(household, plan.schedules, month);
    if (!price.priced) {
      result.unpriced += 1;
      continue;
    }
    if (price.amount === 0) {
      result.exempt += 1;
      continue;
    }
    bills.push({
      id: billId(household.id, month),
      householdId: household.id,
      householdCode: household.code,
      unitId: household.unitId,
      hamletId: household.hamletId,
      unitPath: household.unitPath,
      accountId,
      month,
      amount: price.amount,
      status: 'unpaid',
      reference: newReference(),
      scheduleId: price.scheduleId,
      pricing: price.method,
      kind: household.kind,
      feeClass: household.feeClass,
      members: price.members,
      paymentId: null,
      settledAt: null,
      waivedBy: null,
      reason: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }

  return bills;
};

export const runBills = async (
  db: Db,
  input: RunInput,
  now: string,
  caller?: Principal,
): Promise<BillRunResult> => {
  const plan = await planRun(db, input, now, caller);
  const { result } = plan;
  const actor = actorOf(caller);
  for (const ward of plan.wards) {
    const written = await writeBills(db, await wardBills(db, plan, ward, now), actor);
    result.created += written.created.length;
    result.createdTotal += written.created.reduce((sum, bill) => sum + bill.amount, 0);
    result.alreadyBilled += written.alreadyBilled;
    result.skipped += written.gone;
  }

  logger.info('bill run', { ...result });

  return result;
};
