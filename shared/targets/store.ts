import { deleteAudited, putAudited } from '../audit/write';
import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_TARGETS } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { isUnder, pathIds } from '../units/fields';
import { getStoredUnit, staleVersion } from '../units/store';
import {
  defaultTarget,
  type Target,
  type TargetInForce,
  type TargetInput,
  targetId,
} from './fields';

const toItem = (target: Target) => ({
  ...keys.target(target.unitId, target.year),
  ...target,
  treePk: TREE_TARGETS,
  treeSk: `${target.unitPath}#${target.year}`,
});

const notFound = () => new NotFoundError('Không tìm thấy chỉ tiêu', 'target.not_found');

/** `unitId.year`, as made by `targetId`; unit ids never contain a dot. */
const keyOf = (id: string) => {
  const match = /^(.+)\.(\d{4})$/.exec(id);

  return match ? keys.target(match[1], Number(match[2])) : undefined;
};

export const getTarget = async (db: Db, id: string, caller?: Principal): Promise<Target> => {
  const key = keyOf(id);
  const item = key ? await getItem(db, key) : undefined;
  const target = item ? stripInternal<Target>(item) : undefined;
  if (!target || !isUnder(target.unitPath, scopeOf(caller))) throw notFound();

  return target;
};

/** Targets of the caller's area: one key range of the tree index (units × years). */
export const listTargets = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Target>> => {
  checkFilterKeys(params.filter, ['id', 'unitId', 'year']);
  const ids = filterValues(params.filter.id, 'id');
  const unitIds = filterValues(params.filter.unitId, 'unitId');
  const years = filterValues(params.filter.year, 'year');
  const items = await queryAll(db, {
    IndexName: 'byTree',
    KeyConditionExpression: 'treePk = :pk AND begins_with(treeSk, :path)',
    ExpressionAttributeValues: { ':pk': TREE_TARGETS, ':path': scopeOf(caller) },
  });
  const targets = items
    .map((item) => stripInternal<Target>(item))
    .filter(
      (target) =>
        (!ids || ids.includes(target.id)) &&
        (!unitIds || unitIds.includes(target.unitId)) &&
        (!years || years.includes(String(target.year))),
    );

  return pageInMemory(
    targets as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<Target>;
};

const unitPathOf = async (db: Db, unitId: string, caller?: Principal): Promise<string> => {
  const unit = await getStoredUnit(db, unitId);
  if (!unit || !isUnder(unit.unitPath, scopeOf(caller))) {
    throw new ValidationError('Đơn vị không tồn tại', { unitId: 'Không tồn tại' });
  }

  return unit.unitPath;
};

const write = (db: Db, target: Target, caller?: Principal, before?: Target) =>
  putAudited(
    db,
    {
      resource: 'targets',
      item: toItem(target),
      recordId: target.id,
      unitPath: target.unitPath,
      before,
      shown: { before, after: target },
      exists: () =>
        new ConflictError(
          `Đơn vị này đã có chỉ tiêu năm ${target.year}; hãy sửa bản ghi hiện có`,
          'target.exists',
          { year: 'Đã có chỉ tiêu năm này' },
        ),
      stale: staleVersion,
    },
    caller,
  );

export const createTarget = async (
  db: Db,
  input: TargetInput,
  now: string,
  caller?: Principal,
): Promise<Target> => {
  const target: Target = {
    id: targetId(input.unitId, input.year),
    ...input,
    unitPath: await unitPathOf(db, input.unitId, caller),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await write(db, target, caller);

  return target;
};

export const updateTarget = async (
  db: Db,
  id: string,
  input: TargetInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<Target> => {
  const current = await getTarget(db, id, caller);
  if (current.version !== version) throw staleVersion();
  if (input.unitId !== current.unitId || input.year !== current.year) {
    throw new ValidationError(
      'Không đổi được đơn vị hoặc năm của chỉ tiêu; hãy tạo chỉ tiêu mới',
      input.unitId !== current.unitId ? { unitId: 'Không đổi được' } : { year: 'Không đổi được' },
    );
  }
  const target: Target = { ...current, ...input, updatedAt: now, version: version + 1 };
  await write(db, target, caller, current);

  return target;
};

export const deleteTarget = async (db: Db, id: string, caller?: Principal): Promise<Target> => {
  const current = await getTarget(db, id, caller);
  await deleteAudited(
    db,
    {
      resource: 'targets',
      key: keys.target(current.unitId, current.year),
      record: current,
      stale: staleVersion,
    },
    caller,
  );

  return current;
};

/**
 * The targets in force for each unit (given by its path) in a year: its own record, else the
 * nearest ancestor's, else the rollout's defaults. One batch read for all units and ancestors.
 */
export const targetsInForce = async (
  db: Db,
  unitPaths: Map<string, string>,
  year: number,
): Promise<Map<string, TargetInForce>> => {
  const chains = new Map(
    [...unitPaths.entries()].map(([unitId, path]) => [
      unitId,
      [...new Set([...pathIds(path), unitId])].reverse(),
    ]),
  );
  const wanted = [...new Set([...chains.values()].flat())];
  const items = await batchGet(
    db,
    wanted.map((unitId) => keys.target(unitId, year)),
  );
  const found = new Map(items.map((item) => [String(item.unitId), stripInternal<Target>(item)]));

  return new Map(
    [...chains.entries()].map(([unitId, chain]) => {
      const ownerId = chain.find((id) => found.has(id));
      const record = ownerId ? found.get(ownerId) : undefined;
      if (!record) return [unitId, defaultTarget(unitId, year)];
      const { note, id, unitPath, createdAt, updatedAt, version, ...values } = record;

      return [
        unitId,
        {
          ...values,
          unitId,
          origin: ownerId === unitId ? 'unit' : 'inherited',
          targetId: id,
        } satisfies TargetInForce,
      ];
    }),
  );
};
