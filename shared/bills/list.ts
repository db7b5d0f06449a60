/**
 * Listing bills. A list is one Vietnam month (the current one unless `month` is given) of one
 * unit: each ward's month is one partition of the tree index, ordered by status (unpaid first),
 * hamlet and household code, so every filter (status, hamlet) is a key range. A page reads at
 * most its own length from each range; the total is a count of the same ranges. A household's
 * bills (`householdId`) are one query of its partition, newest month first.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { billTreePk } from '../db/keys';
import { ValidationError } from '../errors';
import { pageInMemory } from '../list/memory';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { isMonth } from '../time/days';
import { ictMonth } from '../time/ict';
import { BASE_LEVELS, isUnder, pathIds } from '../units/fields';
import { getStoredUnit, unitsUnder } from '../units/store';
import { type Bill, BILL_STATUSES, type BillStatus } from './fields';
import { billOf, hamletPrefix, statusPrefix } from './record';
import { billsOfHousehold, getBills } from './store';

export const BILL_FILTERS = ['id', 'unitId', 'hamletId', 'month', 'status', 'householdId'];

type Item = Record<string, unknown>;

export const single = (value: unknown, name: string): string | undefined => {
  const values = filterValues(value, name);
  if (values && values.length > 1) {
    throw new ValidationError(
      `Bộ lọc ${name} chỉ nhận một giá trị`,
      { [name]: 'Chỉ một giá trị' },
      'list.bad_filter',
    );
  }

  return values?.[0];
};

export const monthFilter = (value: unknown): string | undefined => {
  const month = single(value, 'month');
  if (month !== undefined && !isMonth(month)) {
    throw new ValidationError(
      'Tháng phải có dạng YYYY-MM',
      { month: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }

  return month;
};

const statusFilter = (value: unknown): BillStatus[] | undefined => {
  const statuses = filterValues(value, 'status');
  const wrong = statuses?.filter((status) => !BILL_STATUSES.includes(status as BillStatus));
  if (wrong?.length) {
    throw new ValidationError(
      `Trạng thái hóa đơn không hợp lệ: ${wrong.join(', ')}; chọn một trong: ${BILL_STATUSES.join(', ')}`,
      { status: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }

  return statuses as BillStatus[] | undefined;
};

export interface BillAnchor {
  wards: Array<{ id: string }>;
  hamletId?: string;
}

/**
 * The wards whose month partitions hold what a unit (or hamlet) filter asks for, within the
 * caller's area; undefined when the unit is outside it or does not exist.
 */
export const billAnchor = async (
  db: Db,
  unitId: string | undefined,
  hamletId: string | undefined,
  scope: string,
): Promise<BillAnchor | undefined> => {
  const askedId = hamletId ?? unitId ?? pathIds(scope).at(-1);
  if (!askedId) {
    const units = await unitsUnder(db, '/');

    return { wards: units.filter((u) => BASE_LEVELS.includes(u.level)) };
  }
  const anchor = await getStoredUnit(db, askedId);
  if (!anchor || !isUnder(anchor.unitPath, scope)) return undefined;
  if (hamletId && (anchor.level !== 'hamlet' || (unitId && anchor.parentId !== unitId))) {
    return undefined;
  }
  if (anchor.level === 'hamlet') {
    return { wards: [{ id: String(anchor.parentId) }], hamletId: anchor.id };
  }
  if (BASE_LEVELS.includes(anchor.level)) return { wards: [anchor] };
  const units = await unitsUnder(db, anchor.unitPath);

  return { wards: units.filter((u) => BASE_LEVELS.includes(u.level)) };
};

interface Range {
  pk: string;
  prefix: string;
}

const keyCondition = (range: Range) => ({
  IndexName: 'byTree',
  KeyConditionExpression: range.prefix
    ? 'treePk = :pk AND begins_with(treeSk, :prefix)'
    : 'treePk = :pk',
  ExpressionAttributeValues: range.prefix
    ? { ':pk': range.pk, ':prefix': range.prefix }
    : { ':pk': range.pk },
});

/** The first `wanted` items of a range in index order (or reversed). */
const firstOf = async (db: Db, range: Range, wanted: number, forward: boolean) => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        ...keyCondition(range),
        ScanIndexForward: forward,
        Limit: wanted - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start && items.length < wanted);

  return items;
};

/** How many items a range holds: a count query, which returns no items. */
const countOf = async (db: Db, range: Range): Promise<number> => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        ...keyCondition(range),
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);

  return count;
};

/** The key ranges of a list: per ward, per status asked (or the whole month when none). */
const rangesOf = (anchor: BillAnchor, month: string, statuses: BillStatus[] | undefined) => {
  const wanted = statuses ?? (anchor.hamletId ? [...BILL_STATUSES] : undefined);

  return anchor.wards.flatMap((ward): Range[] => {
    const pk = billTreePk(ward.id, month);
    if (!wanted) return [{ pk, prefix: '' }];

    return wanted.map((status) => ({
      pk,
      prefix: anchor.hamletId ? hamletPrefix(status, anchor.hamletId) : statusPrefix(status),
    }));
  });
};

const householdPage = async (
  db: Db,
  params: ListParams,
  householdId: string,
  month: string | undefined,
  statuses: BillStatus[] | undefined,
  scope: string,
): Promise<Page<Bill>> => {
  const bills = (await billsOfHousehold(db, householdId))
    .filter(
      (bill) =>
        isUnder(bill.unitPath, scope) &&
        (!month || bill.month === month) &&
        (!statuses || statuses.includes(bill.status)),
    )
    .reverse();

  return {
    records: bills.slice(params.range.start, params.range.end + 1),
    total: bills.length,
    start: params.range.start,
  };
};

export const listBills = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Bill>> => {
  const { filter, range } = params;
  checkFilterKeys(filter, BILL_FILTERS);
  const scope = scopeOf(caller);
  const month = monthFilter(filter.month);
  const statuses = statusFilter(filter.status);

  const ids = filterValues(filter.id, 'id');
  if (ids) {
    const visible = (await getBills(db, [...new Set(ids)])).filter((bill) =>
      isUnder(bill.unitPath, scope),
    );

    return pageInMemory(visible as unknown as Item[], {
      ...params,
      range: { start: 0, end: ids.length },
    }) as unknown as Page<Bill>;
  }

  const householdId = single(filter.householdId, 'householdId');
  if (householdId) return householdPage(db, params, householdId, month, statuses, scope);

  const anchor = await billAnchor(
    db,
    single(filter.unitId, 'unitId'),
    single(filter.hamletId, 'hamletId'),
    scope,
  );
  if (!anchor) return { records: [], total: 0, start: range.start };
  const ranges = rangesOf(anchor, month ?? ictMonth(new Date()), statuses);
  const forward = params.sort.order === 'ASC';
  const wanted = range.end + 1;
  const [pages, counts] = await Promise.all([
    Promise.all(ranges.map((r) => firstOf(db, r, wanted, forward))),
    Promise.all(ranges.map((r) => countOf(db, r))),
  ]);
  const merged = pages.flat().sort((a, b) => {
    const x = String(a.treeSk);
    const y = String(b.treeSk);

    return (x < y ? -1 : x > y ? 1 : 0) * (forward ? 1 : -1);
  });

  return {
    records: merged.slice(range.start, wanted).map(billOf),
    total: counts.reduce((sum, n) => sum + n, 0),
    start: range.start,
  };
};
