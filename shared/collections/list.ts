import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, queryAll } from '../db/items';
import { collectionTreePk, householdCollectionsPk, keys, PLATFORM } from '../db/keys';
import { ValidationError } from '../errors';
import { aggregatesOf } from '../kpi/aggregates';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { isMonth } from '../time/days';
import { ictMonth, ictMonthRange } from '../time/ict';
import { BASE_LEVELS, isUnder, pathIds } from '../units/fields';
import { getStoredUnit, unitsUnder } from '../units/store';
import { type Collection, SORTING_STATUSES } from './fields';
import { collectionOf, storedOf } from './record';

export const COLLECTION_FILTERS = [
  'id',
  'month',
  'unitId',
  'hamletId',
  'householdId',
  'collectorId',
  'sortingStatus',
];

type Item = Record<string, unknown>;

const single = (value: unknown, name: string): string | undefined => {
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

const monthOf = (filter: Record<string, unknown>): string | undefined => {
  const month = single(filter.month, 'month');
  if (month !== undefined && !isMonth(month)) {
    throw new ValidationError(
      'Tháng phải có dạng YYYY-MM',
      { month: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }

  return month;
};

/** Filters that stay after the key range is chosen, checked on each stored item. */
const matcher = (filter: Record<string, unknown>, hamletId: string | undefined) => {
  const collectors = filterValues(filter.collectorId, 'collectorId');
  const statuses = filterValues(filter.sortingStatus, 'sortingStatus');
  if (statuses?.some((status) => !SORTING_STATUSES.includes(status as never))) {
    throw new ValidationError(
      'Tình trạng phân loại không hợp lệ',
      { sortingStatus: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }
  const active = Boolean(collectors || statuses || hamletId);
  const matches = (item: Item) =>
    (!collectors || collectors.includes(String(item.collectorId))) &&
    (!statuses || statuses.includes(String(item.sortingStatus))) &&
    (!hamletId || item.hamletId === hamletId);

  return { active, matches };
};

const page = (items: Item[], params: ListParams, total: number): Page<Collection> => ({
  records: items
    .slice(params.range.start, params.range.end + 1)
    .map((item) => collectionOf(storedOf(item))),
  total,
  start: params.range.start,
});

const byTime = (order: 'ASC' | 'DESC') => (a: Item, b: Item) => {
  const x = String(a.treeSk ?? a.householdSk);
  const y = String(b.treeSk ?? b.householdSk);

  return (x < y ? -1 : x > y ? 1 : 0) * (order === 'ASC' ? 1 : -1);
};

/** One household's pickups (of one month, or all), from the household index. */
const householdPage = async (
  db: Db,
  params: ListParams,
  householdId: string,
  month: string | undefined,
  scope: string,
): Promise<Page<Collection>> => {
  const range = month ? ictMonthRange(month) : { from: '0', to: '~' };
  const items = await queryAll(db, {
    IndexName: 'byHousehold',
    KeyConditionExpression: 'householdPk = :pk AND householdSk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': householdCollectionsPk(householdId),
      ':from': range.from,
      ':to': range.to,
    },
    ScanIndexForward: params.sort.order === 'ASC',
  });
  const { matches } = matcher(params.filter, single(params.filter.hamletId, 'hamletId'));
  const unitId = single(params.filter.unitId, 'unitId');
  const kept = items.filter(
    (item) =>
      String(item.householdSk) < range.to &&
      isUnder(String(item.unitPath), scope) &&
      (!unitId || item.unitId === unitId) &&
      matches(item),
  );

  return page(kept, params, kept.length);
};

/** The wards whose month partitions hold the list, and the unit whose aggregate is its total. */
const anchorOf = async (db: Db, filter: Record<string, unknown>, scope: string) => {
  const unitId = single(filter.unitId, 'unitId');
  const hamletId = single(filter.hamletId, 'hamletId');
  const askedId = hamletId ?? unitId ?? pathIds(scope).at(-1);
  if (!askedId) {
    const units = await unitsUnder(db, '/');

    return { totalUnit: PLATFORM, wards: units.filter((u) => BASE_LEVELS.includes(u.level)) };
  }
  const anchor = await getStoredUnit(db, askedId);
  if (!anchor || !isUnder(anchor.unitPath, scope)) return undefined;
  if (hamletId && (anchor.level !== 'hamlet' || (unitId && anchor.parentId !== unitId))) {
    return undefined;
  }
  if (anchor.level === 'hamlet') {
    return { totalUnit: anchor.id, wards: [{ id: String(anchor.parentId) }], hamletId: anchor.id };
  }
  if (BASE_LEVELS.includes(anchor.level)) return { totalUnit: anchor.id, wards: [anchor] };
  const units = await unitsUnder(db, anchor.unitPath);

  return { totalUnit: anchor.id, wards: units.filter((u) => BASE_LEVELS.includes(u.level)) };
};

/**
 * One page of collections, newest first by default. A list is one Vietnam month (the current one
 * unless `month` is given) of one unit: each ward's month is one key range of the tree index in
 * time order, so a ward's page is one query that stops at the page's end, and a city's page
 * merges the first entries of each of its wards. Without filters the total is the unit's
 * monthly aggregate (every pickup counts once there); with filters one pass over the wards'
 * month ranges counts the matches and keeps the page. `householdId` reads that household's
 * pickups from the household index instead (all months unless `month` is given).
 */
export const listCollections = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Collection>> => {
  const { filter, range } = params;
  checkFilterKeys(filter, COLLECTION_FILTERS);
  const scope = scopeOf(caller);

  const ids = filterValues(filter.id, 'id');
  if (ids) {
    const items = await batchGet(db, [...new Set(ids)].map(keys.collection));
    const visible = items.filter((item) => isUnder(String(item.unitPath), scope));

    return page(
      visible.sort(byTime(params.sort.order)),
      { ...params, range: { start: 0, end: ids.length } },
      visible.length,
    );
  }

  const month = monthOf(filter);
  const householdId = single(filter.householdId, 'householdId');
  if (householdId) return householdPage(db, params, householdId, month, scope);

  const anchor = await anchorOf(db, filter, scope);
  if (!anchor) return { records: [], total: 0, start: range.start };
  const listed = month ?? ictMonth(new Date());
  const { active: filtered, matches } = matcher(filter, anchor.hamletId);
  const wanted = range.end + 1;

  const perWard = await Promise.all(
    anchor.wards.map(async (ward) => {
      const kept: Item[] = [];
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const result = await db.doc.send(
          new QueryCommand({
            TableName: db.tableName,
            IndexName: 'byTree',
            KeyConditionExpression: 'treePk = :pk',
            ExpressionAttributeValues: { ':pk': collectionTreePk(ward.id, listed) },
            ScanIndexForward: params.sort.order === 'ASC',
            ExclusiveStartKey: start,
            ...(filtered ? {} : { Limit: wanted - count }),
          }),
        );
        for (const item of result.Items ?? []) {
          if (!matches(item)) continue;
          if (count < wanted) kept.push(item);
          count += 1;
        }
        start = result.LastEvaluatedKey;
      } while (start && (filtered || count < wanted));

      return { kept, count };
    }),
  );

  const merged = perWard.flatMap((w) => w.kept).sort(byTime(params.sort.order));
  let total = perWard.reduce((sum, w) => sum + w.count, 0);
  if (!filtered) {
    const aggregate = (await aggregatesOf(db, [{ unitId: anchor.totalUnit, month: listed }])).get(
      `${anchor.totalUnit}|${listed}`,
    );
    total = SORTING_STATUSES.reduce((sum, status) => sum + (aggregate?.[`n.${status}`] ?? 0), 0);
  }

  return page(merged, params, total);
};
