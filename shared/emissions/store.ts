import { deleteAudited, putAudited } from '../audit/write';
import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_EMISSION_FACTORS } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { isUnder } from '../units/fields';
import { getStoredUnit, staleVersion } from '../units/store';
import {
  DEFAULT_FACTOR_SET,
  type EmissionFactors,
  type EmissionFactorsInput,
  type FactorSet,
  factorSetOf,
} from './fields';

const toItem = (record: EmissionFactors) => ({
  ...keys.emissionFactors(record.unitId),
  ...record,
  treePk: TREE_EMISSION_FACTORS,
  treeSk: record.unitPath,
});

const notFound = () =>
  new NotFoundError('Không tìm thấy hệ số phát thải', 'emission_factors.not_found');

/**
 * A province's factors concern everyone inside it, and the platform: visible when the record's
 * province contains the caller's area or lies inside it.
 */
const visible = (record: EmissionFactors, caller?: Principal): boolean => {
  const scope = scopeOf(caller);

  return isUnder(scope, record.unitPath) || isUnder(record.unitPath, scope);
};

export const getEmissionFactors = async (
  db: Db,
  id: string,
  caller?: Principal,
): Promise<EmissionFactors> => {
  const item = await getItem(db, keys.emissionFactors(id));
  const record = item ? stripInternal<EmissionFactors>(item) : undefined;
  if (!record || !visible(record, caller)) throw notFound();

  return record;
};

export const listEmissionFactors = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<EmissionFactors>> => {
  checkFilterKeys(params.filter, ['id', 'unitId']);
  const ids = filterValues(params.filter.id, 'id') ?? filterValues(params.filter.unitId, 'unitId');
  // A few dozen provinces at most: one key range, narrowed in memory.
  const items = await queryAll(db, {
    IndexName: 'byTree',
    KeyConditionExpression: 'treePk = :pk',
    ExpressionAttributeValues: { ':pk': TREE_EMISSION_FACTORS },
  });
  const records = items
    .map((item) => stripInternal<EmissionFactors>(item))
    .filter((record) => visible(record, caller) && (!ids || ids.includes(record.id)));

  return pageInMemory(
    records as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<EmissionFactors>;
};

const provincePath = async (db: Db, unitId: string, caller?: Principal): Promise<string> => {
  const unit = await getStoredUnit(db, unitId);
  if (!unit || !isUnder(unit.unitPath, scopeOf(caller))) {
    throw new ValidationError('Tỉnh không tồn tại', { unitId: 'Không tồn tại' });
  }
  if (unit.level !== 'province') {
    throw new ValidationError('Hệ số phát thải được đặt cho cấp tỉnh', {
      unitId: 'Chọn một tỉnh',
    });
  }

  return unit.unitPath;
};

const write = (
  db: Db,
  record: EmissionFactors,
  caller: Principal | undefined,
  before?: EmissionFactors,
) =>
  putAudited(
    db,
    {
      resource: 'emission-factors',
      item: toItem(record),
      recordId: record.id,
      unitPath: record.unitPath,
      before,
      shown: { before, after: record },
      exists: () =>
        new ConflictError(
          'Tỉnh này đã có hệ số phát thải; hãy sửa bản ghi hiện có',
          'emission_factors.exists',
          { unitId: 'Đã có hệ số' },
        ),
      stale: staleVersion,
    },
    caller,
  );

/** One record per province; its id is the province's id. */
export const createEmissionFactors = async (
  db: Db,
  input: EmissionFactorsInput,
  now: string,
  caller?: Principal,
): Promise<EmissionFactors> => {
  const record: EmissionFactors = {
    id: input.unitId,
    ...input,
    unitPath: await provincePath(db, input.unitId, caller),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await write(db, record, caller);

  return record;
};

export const updateEmissionFactors = async (
  db: Db,
  id: string,
  input: EmissionFactorsInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<EmissionFactors> => {
  const current = await getEmissionFactors(db, id, caller);
  if (current.version !== version) throw staleVersion();
  if (input.unitId !== current.unitId) {
    throw new ValidationError('Không đổi được tỉnh của bộ hệ số', { unitId: 'Không đổi được' });
  }
  const record: EmissionFactors = { ...current, ...input, updatedAt: now, version: version + 1 };
  await write(db, record, caller, current);

  return record;
};

/** Deleting a province's record returns it to the platform's defaults. */
export const deleteEmissionFactors = async (
  db: Db,
  id: string,
  caller?: Principal,
): Promise<EmissionFactors> => {
  const current = await getEmissionFactors(db, id, caller);
  await deleteAudited(
    db,
    {
      resource: 'emission-factors',
      key: keys.emissionFactors(id),
      record: current,
      stale: staleVersion,
    },
    caller,
  );

  return current;
};

/** The factor set of each province asked for (its own record, or the defaults): one batch read. */
export const factorSetsOf = async (
  db: Db,
  provinceIds: string[],
): Promise<Map<string, FactorSet>> => {
  const items = await batchGet(db, [...new Set(provinceIds)].map(keys.emissionFactors));
  const found = new Map(
    items.map((item) => [String(item.unitId), factorSetOf(item as never, 'province')]),
  );

  return new Map(provinceIds.map((id) => [id, found.get(id) ?? DEFAULT_FACTOR_SET]));
};
