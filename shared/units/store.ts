import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { deleteAudited, putAudited } from '../audit/write';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_ACCOUNTS, TREE_UNITS } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { matchesQuery, searchText } from '../text/fold';
import { householdCounts } from '../households/counters';
import { type Principal, scopeOf } from '../auth/principal';
import { childPath, isUnder, pathIds, type Unit, type UnitInput } from './fields';

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
  const counts = await householdCounts(
    db,
    units.map((u) => u.id),
  );

  return units.map((unit) => ({ ...unit, householdCount: counts.get(unit.id)?.total ?? 0 }));
};

const unitNotFound = () => new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');

/** A unit the caller may see: their own area's unit or one below it. */
export const getUnit = async (db: Db, id: string, caller?: Principal): Promise<Unit> => {
  const unit = await getStoredUnit(db, id);
  if (!unit || !isUnder(unit.unitPath, scopeOf(caller))) throw unitNotFound();

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

/**
 * Units of the caller's area, read by the key range of the subtree asked for. `root` asks for
 * the top of what the caller sees: the province for the platform, the caller's own unit else.
 */
export const listUnits = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Unit>> => {
  const { filter } = params;
  checkFilterKeys(filter, UNIT_FILTERS);
  const scope = scopeOf(caller);

  let candidates: StoredUnit[];
  const ids = filterValues(filter.id, 'id');
  if (ids) {
    candidates = [...(await getStoredUnits(db, ids)).values()];
  } else {
    const anchorId = (filter.parentId ?? filter.under) as string | undefined;
    const anchor = anchorId ? await getStoredUnit(db, String(anchorId)) : undefined;
    if (anchorId && (!anchor || !isUnder(anchor.unitPath, scope))) {
      return { records: [], total: 0, start: params.range.start };
    }
    candidates = await unitsUnder(db, anchor?.unitPath ?? scope);
  }
  candidates = candidates.filter((unit) => isUnder(unit.unitPath, scope));

  const levels = filterValues(filter.level, 'level');
  const parentIds = filterValues(filter.parentId, 'parentId');
  const query = typeof filter.q === 'string' ? filter.q : '';
  const matching = candidates.filter(
    (unit) =>
      (!levels || levels.includes(unit.level)) &&
      (!parentIds || parentIds.includes(String(unit.parentId))) &&
      (filter.root !== true || unit.unitPath === topOf(scope, unit)) &&
      (!query || matchesQuery(searchText([unit.name, unit.code]), query)),
  );

  const page = pageInMemory(matching as unknown as Array<Record<string, unknown>>, params);

  return { ...page, records: await withCounts(db, page.records as unknown as StoredUnit[]) };
};

/** The top unit a caller sees: a province for the platform, else the caller's own unit. */
const topOf = (scope: string, unit: StoredUnit): string =>
  scope === '/' ? childPath(null, pathIds(unit.unitPath)[0] ?? '') : scope;

const newUnitId = (code: string): string =>
  `${code.replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 12) || 'unit'}-${randomBytes(3).toString('hex')}`;

/** Writes a unit under its parent. `id` is given by seed data; clients never choose it. */
export const createUnit = async (
  db: Db,
  input: UnitInput,
  now: string,
  id = newUnitId(input.code),
  caller?: Principal,
): Promise<Unit> => {
  let parentPath: string | null = null;
  if (!input.parentId && scopeOf(caller) !== '/') {
    throw new ValidationError('Cần chọn đơn vị cấp trên', { parentId: 'Cần chọn' });
  }
  if (input.parentId) {
    const parent = await getStoredUnit(db, input.parentId);
    if (!parent || !isUnder(parent.unitPath, scopeOf(caller))) {
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
  await putAudited(
    db,
    {
      resource: 'units',
      item: toItem(unit),
      recordId: id,
      unitPath: unit.unitPath,
      shown: { after: unit },
      exists: () => new ConflictError('Đơn vị đã tồn tại', 'unit.exists'),
      stale: staleVersion,
    },
    caller,
  );

  return { ...unit, householdCount: 0 };
};

export const updateUnit = async (
  db: Db,
  id: string,
  input: UnitInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<Unit> => {
  const current = await getStoredUnit(db, id);
  if (!current || !isUnder(current.unitPath, scopeOf(caller))) throw unitNotFound();
  if (input.parentId !== current.parentId || input.level !== current.level) {
    throw new ValidationError(
      'Không đổi được cấp hoặc đơn vị cấp trên; sáp nhập, chia tách được ghi bằng đơn vị mới với ngày hiệu lực',
      input.parentId !== current.parentId
        ? { parentId: 'Không đổi được' }
        : { level: 'Không đổi được' },
      'unit.immutable_position',
    );
  }

  const unit: StoredUnit = { ...current, ...input, updatedAt: now, version: version + 1 };
  await putAudited(
    db,
    {
      resource: 'units',
      item: toItem(unit),
      recordId: id,
      unitPath: unit.unitPath,
      // The version the client edited; a newer stored one means someone else saved first.
      before: { version },
      shown: { before: current, after: unit },
      exists: () => new ConflictError('Đơn vị đã tồn tại', 'unit.exists'),
      stale: staleVersion,
    },
    caller,
  );

  return (await withCounts(db, [unit]))[0];
};

export const staleVersion = () =>
  new ConflictError(
    'Bản ghi đã được người khác sửa; hãy tải lại trang rồi sửa lại',
    'record.stale_version',
    { version: 'Phiên bản cũ' },
  );

/** A unit can be deleted only while nothing lies below it or points at it. */
export const deleteUnit = async (db: Db, id: string, caller?: Principal): Promise<Unit> => {
  const unit = await getUnit(db, id, caller);
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

  await deleteAudited(
    db,
    {
      resource: 'units',
      key: keys.unit(id),
      record: unit,
      stale: staleVersion,
    },
    caller,
  );

  return unit;
};
