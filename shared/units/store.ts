import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_ACCOUNTS, TREE_UNITS } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { matchesQuery, searchText } from '../text/fold';
import { householdCounts } from '../households/counters';
import { childPath, type Unit, type UnitInput } from './fields';

type StoredUnit = Omit<Unit, 'householdCount'>;

const toItem = (unit: StoredUnit) => ({
  ...keys.unit(unit.id),
  ...unit,
  treePk: TREE_UNITS,
  treeSk: unit.unitPath,
});

export const getStoredUnit = async (db: Db, id: string): Promise<StoredUnit | undefined> => {
  const item = await getItem(db, keys.unit(id));

  return item ? stripInternal<StoredUnit>(item) : undefined;
};

export const getStoredUnits = async (db: Db, ids: string[]): Promise<Map<string, StoredUnit>> => {
  const items = await batchGet(db, ids.map(keys.unit));

  return new Map(items.map((item) => [String(item.id), stripInternal<StoredUnit>(item)]));
};

/** Adds the household count of each unit, read from its counter in one batch. */
const withCounts = async (db: Db, units: StoredUnit[]): Promise<Unit[]> => {
  const counts = await householdCounts(db, units.map((u) => u.id));

  return units.map((unit) => ({ ...unit, householdCount: counts.get(unit.id)?.total ?? 0 }));
};

export const getUnit = async (db: Db, id: string): Promise<Unit> => {
  const unit = await getStoredUnit(db, id);
  if (!unit) throw new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');

  return (await withCounts(db, [unit]))[0];
};

/** Every unit whose path starts with `path`: one bounded key-range query of the tree index. */
export const unitsUnder = async (db: Db, path: string): Promise<StoredUnit[]> => {
  const items = await queryAll(db, {
    IndexName: 'byTree',
    KeyConditionExpression: 'treePk = :pk AND begins_with(treeSk, :path)',
    ExpressionAttributeValues: { ':pk': TREE_UNITS, ':path': path },
  });

  return items.map((item) => stripInternal<StoredUnit>(item));
};

const UNIT_FILTERS = ['q', 'id', 'level', 'parentId', 'root', 'under'];

export const listUnits = async (db: Db, params: ListParams): Promise<Page<Unit>> => {
  const { filter } = params;
  checkFilterKeys(filter, UNIT_FILTERS);

  let candidates: StoredUnit[];
  const ids = filterValues(filter.id, 'id');
  if (ids) {
    candidates = [...(await getStoredUnits(db, ids)).values()];
  } else {
    const anchorId = (filter.parentId ?? filter.under) as string | undefined;
    const anchor = anchorId ? await getStoredUnit(db, String(anchorId)) : undefined;
    if (anchorId && !anchor) return { records: [], total: 0, start: params.range.start };
    candidates = await unitsUnder(db, anchor?.unitPath ?? '/');
  }

  const levels = filterValues(filter.level, 'level');
  const parentIds = filterValues(filter.parentId, 'parentId');
  const query = typeof filter.q === 'string' ? filter.q : '';
  const matching = candidates.filter(
    (unit) =>
      (!levels || levels.includes(unit.level)) &&
      (!parentIds || parentIds.includes(String(unit.parentId))) &&
      (filter.root !== true || unit.parentId === null) &&
      (!query || matchesQuery(searchText([unit.name, unit.code]), query)),
  );

  const page = pageInMemory(matching as unknown as Array<Record<string, unknown>>, params);

  return { ...page, records: await withCounts(db, page.records as unknown as StoredUnit[]) };
};

const newUnitId = (code: string): string =>
  `${code.replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 12) || 'unit'}-${randomBytes(3).toString('hex')}`;

/** Writes a unit under its parent. `id` is given by seed data; clients never choose it. */
export const createUnit = async (
  db: Db,
  input: UnitInput,
  now: string,
  id = newUnitId(input.code),
): Promise<Unit> => {
  let parentPath: string | null = null;
  if (input.parentId) {
    const parent = await getStoredUnit(db, input.parentId);
    if (!parent) {
      throw new ValidationError('Đơn vị cấp trên không tồn tại', { parentId: 'Không tồn tại' });
    }
    parentPath = parent.unitPath;
  }

  const unit: StoredUnit = {
    id,
    ...input,
    unitPath: childPath(parentPath, id),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: toItem(unit),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw new ConflictError('Đơn vị đã tồn tại', 'unit.exists');
    }
    throw error;
  }

  return { ...unit, householdCount: 0 };
};

export const updateUnit = async (
  db: Db,
  id: string,
  input: UnitInput,
  version: number,
  now: string,
): Promise<Unit> => {
  const current = await getStoredUnit(db, id);
  if (!current) throw new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');
  if (input.parentId !== current.parentId || input.level !== current.level) {
    throw new ValidationError(
      'Không đổi được cấp hoặc đơn vị cấp trên; sáp nhập, chia tách được ghi bằng đơn vị mới với ngày hiệu lực',
      input.parentId !== current.parentId ? { parentId: 'Không đổi được' } : { level: 'Không đổi được' },
      'unit.immutable_position',
    );
  }

  const unit: StoredUnit = { ...current, ...input, updatedAt: now, version: version + 1 };
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: toItem(unit),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': version },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw staleVersion();
    }
    throw error;
  }

  return (await withCounts(db, [unit]))[0];
};

export const staleVersion = () =>
  new ConflictError(
    'Bản ghi đã được người khác sửa; hãy tải lại trang rồi sửa lại',
    'record.stale_version',
    { version: 'Phiên bản cũ' },
  );

/** A unit can be deleted only while nothing lies below it or points at it. */
export const deleteUnit = async (db: Db, id: string): Promise<Unit> => {
  const unit = await getUnit(db, id);
  const below = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'byTree',
      KeyConditionExpression: 'treePk = :pk AND begins_with(treeSk, :path)',
      ExpressionAttributeValues: { ':pk': TREE_UNITS, ':path': unit.unitPath },
      Limit: 2,
      Select: 'COUNT',
    }),
  );
  const accounts = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'byTree',
      KeyConditionExpression: 'treePk = :pk AND begins_with(treeSk, :path)',
      ExpressionAttributeValues: { ':pk': TREE_ACCOUNTS, ':path': unit.unitPath },
      Limit: 1,
      Select: 'COUNT',
    }),
  );
  if ((below.Count ?? 0) > 1 || unit.householdCount > 0 || (accounts.Count ?? 0) > 0) {
    throw new ConflictError(
      'Không xóa được đơn vị còn đơn vị con, hộ hoặc tài khoản; hãy đặt ngày hết hiệu lực',
      'unit.in_use',
    );
  }

  await db.doc.send(
    new DeleteCommand({
      TableName: db.tableName,
      Key: keys.unit(id),
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );

  return unit;
};
