/**
 * Reading fee payments. A caller sees the payments of their area (their account's unit and
 * below; finance and the operator everything); any other answers 404 or is left out of lists.
 *
 * Lists are Queries: a month of the caller's area (or of a unit in it) is one partition of the
 * path-level index at that unit's depth, sorted by time, a day a key range inside it; payments
 * waiting for review are one partition of the tree index; a household's, one of the household
 * index. The path-level index carries the status but not the rest, so a page is read from the
 * index and only that page fetched, except when filtering by method, which reads the month.
 */
import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/principal';
import { getBill } from '../bills/store';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import {
  feePaymentPathKey,
  householdPaymentsPk,
  keys,
  PLATFORM,
  stripInternal,
  TREE_PAYMENT_REVIEW,
} from '../db/keys';
import { PATH_LEVELS, pathIndexName, pathKeyAttr } from '../db/table';
import { NotFoundError, ValidationError } from '../errors';
import { pageInMemory } from '../list/memory';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { addDays, isDay, isMonth } from '../time/days';
import { ictDayStart, ictMonth, ictMonthRange } from '../time/ict';
import { isUnder, pathIds } from '../units/fields';
import {
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type Payment,
  type PaymentStatus,
  REVIEW_STATUSES,
} from './record';

type Item = Record<string, unknown>;

export const paymentNotFound = () =>
  new NotFoundError('Không tìm thấy khoản thanh toán', 'payment.not_found');

export const seesPayment = (payment: { unitPath: string }, caller?: Principal): boolean =>
  isUnder(payment.unitPath, scopeOf(caller));

/** The stored payment, strongly consistent, whoever may see it. */
export const readPayment = async (db: Db, id: string): Promise<Payment | undefined> => {
  const item = await getItem(db, keys.feePayment(id), true);

  return item ? stripInternal<Payment>(item) : undefined;
};

export const getPayment = async (db: Db, id: string, caller?: Principal): Promise<Payment> => {
  const payment = await readPayment(db, id);
  if (!payment || !seesPayment(payment, caller)) throw paymentNotFound();

  return payment;
};

const PAYMENT_FILTERS = [
  'id',
  'month',
  'day',
  'method',
  'status',
  'householdId',
  'billId',
  'unitId',
];

const checkChoices = (values: string[] | undefined, allowed: readonly string[], name: string) => {
  if (values && !values.every((value) => allowed.includes(value))) {
    throw new ValidationError(
      `Bộ lọc ${name} không hợp lệ`,
      { [name]: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }
};

/** The key range of the month (or of one day in it) the list reads. */
const periodOf = (filter: Record<string, unknown>) => {
  const [day] = filterValues(filter.day, 'day') ?? [];
  const [month] = filterValues(filter.month, 'month') ?? [];
  if (day !== undefined && !isDay(day)) {
    throw new ValidationError(
      'Ngày phải có dạng YYYY-MM-DD',
      { day: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }
  if (month !== undefined && !isMonth(month)) {
    throw new ValidationError(
      'Tháng phải có dạng YYYY-MM',
      { month: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }
  // A day names its month: the month filter, if any, gives way to it.
  if (day) {
    return { month: day.slice(0, 7), from: ictDayStart(day), to: ictDayStart(addDays(day, 1)) };
  }
  const chosen = month ?? ictMonth(new Date());

  return { month: chosen, ...ictMonthRange(chosen) };
};

/**
 * The unit whose partitions a list reads: the caller's own area, or a unit inside it; undefined
 * for a unit outside the area, which lists nothing.
 */
export const anchorOf = async (
  db: Db,
  unitId: string | undefined,
  caller?: Principal,
): Promise<{ id: string; level: number } | undefined> => {
  const scope = scopeOf(caller);
  if (!unitId) {
    const ids = pathIds(scope);

    return { id: ids.at(-1) ?? PLATFORM, level: ids.length };
  }
  const unit = await getItem(db, keys.unit(unitId));
  const unitPath = unit?.unitPath;
  if (typeof unitPath !== 'string' || !isUnder(unitPath, scope)) return undefined;

  return { id: unitId, level: pathIds(unitPath).length };
};

/** Index entries (keys, time and status) of a month of an area, or of a time range in it. */
export const periodEntries = async (
  db: Db,
  anchor: { id: string; level: number },
  period: { month: string; from: string; to: string },
): Promise<Item[]> => {
  if (anchor.level >= PATH_LEVELS) return [];
  const attr = pathKeyAttr(anchor.level);

  return queryAll(db, {
    IndexName: pathIndexName(anchor.level),
    KeyConditionExpression: `${attr} = :pk AND nameKey BETWEEN :from AND :to`,
    ExpressionAttributeValues: {
      ':pk': feePaymentPathKey(anchor.id, period.month),
      ':from': period.from,
      // Keys are `paidAt#id`: every key of an instant before `to` sorts below `to` itself.
      ':to': period.to,
    },
  });
};

/** An index entry's payment id, from its table key. */
const PK_PREFIX = keys.feePayment('').pk;
const entryId = (entry: Item): string => String(entry.pk).slice(PK_PREFIX.length);

const fetchPayments = async (db: Db, ids: string[]): Promise<Payment[]> => {
  const items = await batchGet(db, ids.map(keys.feePayment));
  const byId = new Map(items.map((item) => [String(item.id), stripInternal<Payment>(item)]));

  return ids.flatMap((id) => byId.get(id) ?? []);
};

const queryPartition = async (
  db: Db,
  index: 'byTree' | 'byHousehold',
  pk: string,
): Promise<Payment[]> => {
  const pkAttr = index === 'byTree' ? 'treePk' : 'householdPk';
  const items = await queryAll(db, {
    IndexName: index,
    KeyConditionExpression: `${pkAttr} = :pk`,
    ExpressionAttributeValues: { ':pk': pk },
  });

  return items.map((item) => stripInternal<Payment>(item));
};

/**
 * Payments the caller may see. Filters: `id`; `month` (Vietnam month of payment, the current one
 * by default) or `day` (`YYYY-MM-DD`, which wins over a month); `method`; `status`; `unitId` (a unit of the caller's
 * area); `householdId`; `billId`. A status filter of review states alone, with no month or day,
 * lists everything still waiting for review, whenever paid.
 */
export const listPayments = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Payment>> => {
  const { filter } = params;
  checkFilterKeys(filter, PAYMENT_FILTERS);
  const ids = filterValues(filter.id, 'id');
  const methods = filterValues(filter.method, 'method');
  const statuses = filterValues(filter.status, 'status');
  const [householdId] = filterValues(filter.householdId, 'householdId') ?? [];
  const [billId] = filterValues(filter.billId, 'billId') ?? [];
  const [unitId] = filterValues(filter.unitId, 'unitId') ?? [];
  checkChoices(methods, PAYMENT_METHODS, 'method');
  checkChoices(statuses, PAYMENT_STATUSES, 'status');
  const period = periodOf(filter);
  const timed = filter.month !== undefined || filter.day !== undefined;

  const keep = (payment: Payment) =>
    seesPayment(payment, caller) &&
    (!methods || methods.includes(payment.method)) &&
    (!statuses || statuses.includes(payment.status)) &&
    (!billId || payment.billIds.includes(billId)) &&
    (!householdId || payment.householdId === householdId) &&
    (!unitId || payment.unitPath.includes(`/${unitId}/`)) &&
    (!timed || (payment.paidAt >= period.from && payment.paidAt < period.to));
  const inMemory = (payments: Payment[]) =>
    pageInMemory(payments.filter(keep) as unknown as Item[], params) as unknown as Page<Payment>;

  if (ids) return inMemory(await fetchPayments(db, ids));
  if (billId) {
    const bill = await getBill(db, billId);
    const payments = bill
      ? await queryPartition(db, 'byHousehold', householdPaymentsPk(bill.householdId))
      : [];

    return inMemory(payments);
  }
  if (householdId) {
    return inMemory(await queryPartition(db, 'byHousehold', householdPaymentsPk(householdId)));
  }
  if (
    !timed &&
    statuses &&
    statuses.every((status) => REVIEW_STATUSES.includes(status as PaymentStatus))
  ) {
    return inMemory(await queryPartition(db, 'byTree', TREE_PAYMENT_REVIEW));
  }

  const anchor = await anchorOf(db, unitId, caller);
  const entries = anchor ? await periodEntries(db, anchor, period) : [];
  const listed = entries.filter((entry) => !statuses || statuses.includes(String(entry.status)));
  if (methods) return inMemory(await fetchPayments(db, listed.map(entryId)));

  // Only time orders the index: the page is cut from it and only the page is fetched.
  const direction = params.sort.order === 'ASC' ? 1 : -1;
  const ordered = [...listed].sort(
    (a, b) => (String(a.nameKey) < String(b.nameKey) ? -1 : 1) * direction,
  );
  const pageIds = ordered.slice(params.range.start, params.range.end + 1).map(entryId);

  return {
    records: await fetchPayments(db, pageIds),
    total: listed.length,
    start: params.range.start,
  };
};
