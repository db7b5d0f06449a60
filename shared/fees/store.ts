/**
 * Fee schedule lines: one item per unit, version (first day), household kind and fee class, so
 * a unit never has two lines for the same households in one version. Bills keep the amounts
 * they were made with; changing or removing a line changes only what later runs charge.
 *
 * Who sees what: a line set for a unit in the caller's area, or for a unit above it (the
 * schedule their households inherit); a line is written only within the caller's area.
 */
import { deleteAudited, putAudited } from '../audit/write';
import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_FEE_SCHEDULES } from '../db/keys';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { pageInMemory } from '../list/memory';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { isDay } from '../time/days';
import { isUnder, pathIds } from '../units/fields';
import { getStoredUnit, staleVersion } from '../units/store';
import { ANY, type FeeSchedule, type FeeScheduleInput } from './fields';

export const feeScheduleId = (
  line: Pick<FeeScheduleInput, 'unitId' | 'effectiveFrom' | 'kind' | 'feeClass'>,
) => `${line.unitId}.${line.effectiveFrom}.${line.kind ?? ANY}.${line.feeClass ?? ANY}`;

const lineKey = (line: Pick<FeeScheduleInput, 'unitId' | 'effectiveFrom' | 'kind' | 'feeClass'>) =>
  keys.feeSchedule(line.unitId, line.effectiveFrom, line.kind ?? ANY, line.feeClass ?? ANY);

const notFound = () => new NotFoundError('Không tìm thấy mức thu', 'fee_schedule.not_found');

type Key = { pk: string; sk: string };

/** The key of an id `<unitId>.<effectiveFrom>.<kind>.<feeClass>`, or undefined. */
const keyOfId = (id: string): Key | undefined => {
  const parts = id.split('.');
  if (parts.length < 4) return undefined;
  const [effectiveFrom, kind, feeClass] = parts.slice(-3);
  const unitId = parts.slice(0, -3).join('.');
  if (!unitId || !isDay(effectiveFrom)) return undefined;

  return keys.feeSchedule(unitId, effectiveFrom, kind, feeClass);
};

export const feeScheduleItem = (line: FeeSchedule) => ({
  ...lineKey(line),
  ...line,
  treePk: TREE_FEE_SCHEDULES,
  treeSk: `${line.unitPath}#${line.effectiveFrom}#${line.kind ?? ANY}#${line.feeClass ?? ANY}`,
});

const lineOf = (item: Record<string, unknown>) => stripInternal<FeeSchedule>(item);

/** Set for a unit in the caller's area, or above it. */
const visible = (line: FeeSchedule, caller?: Principal): boolean => {
  const scope = scopeOf(caller);

  return isUnder(line.unitPath, scope) || isUnder(scope, line.unitPath);
};

export const getFeeSchedule = async (
  db: Db,
  id: string,
  caller?: Principal,
): Promise<FeeSchedule> => {
  const key = keyOfId(id);
  const item = key ? await getItem(db, key) : undefined;
  if (!item) throw notFound();
  const line = lineOf(item);
  if (!visible(line, caller)) throw notFound();

  return line;
};

const linesOfUnit = async (db: Db, unitId: string): Promise<FeeSchedule[]> =>
  (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.feeSchedule(unitId, '', '', '').pk },
    })
  ).map(lineOf);

/**
 * Every line that can price a household at or under `unitPath`: those set for the units of the
 * subtree (one key-range query of the tree index) and for each unit above it (one query each).
 */
export const linesFor = async (db: Db, unitPath: string): Promise<FeeSchedule[]> => {
  const [below, ...above] = await Promise.all([
    queryAll(db, {
      IndexName: 'byTree',
      KeyConditionExpression: 'treePk = :pk AND begins_with(treeSk, :path)',
      ExpressionAttributeValues: { ':pk': TREE_FEE_SCHEDULES, ':path': unitPath },
    }).then((items) => items.map(lineOf)),
    ...pathIds(unitPath)
      .slice(0, -1)
      .map((unitId) => linesOfUnit(db, unitId)),
  ]);

  return [...below, ...above.flat()];
};

/** Lines grouped by the unit they are set for, as pricing reads them. */
export const byUnit = (lines: FeeSchedule[]): Map<string, FeeSchedule[]> => {
  const grouped = new Map<string, FeeSchedule[]>();
  for (const line of lines) grouped.set(line.unitId, [...(grouped.get(line.unitId) ?? []), line]);

  return grouped;
};

const FILTERS = ['id', 'unitId', 'kind', 'feeClass', 'pricing'];

export const listFeeSchedules = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<FeeSchedule>> => {
  const { filter } = params;
  checkFilterKeys(filter, FILTERS);
  const ids = filterValues(filter.id, 'id');
  const unitIds = filterValues(filter.unitId, 'unitId');
  let candidates: FeeSchedule[];
  if (ids) {
    const wanted = ids.flatMap((id) => keyOfId(id) ?? []);
    candidates = (await batchGet(db, wanted)).map(lineOf);
  } else if (unitIds) {
    candidates = (await Promise.all(unitIds.map((unitId) => linesOfUnit(db, unitId)))).flat();
  } else {
    candidates = await linesFor(db, scopeOf(caller));
  }

  const kinds = filterValues(filter.kind, 'kind');
  const classes = filterValues(filter.feeClass, 'feeClass');
  const methods = filterValues(filter.pricing, 'pricing');
  const matching = candidates.filter(
    (line) =>
      visible(line, caller) &&
      (!unitIds || unitIds.includes(line.unitId)) &&
      (!kinds || kinds.includes(String(line.kind))) &&
      (!classes || classes.includes(String(line.feeClass))) &&
      (!methods || methods.includes(line.pricing)),
  );

  return pageInMemory(
    matching as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<FeeSchedule>;
};

/**
 * The unit a line is set for: it must exist within the caller's area. Outside it the unit does
 * not exist for the caller: the same 404 as a unit that is nowhere.
 */
const unitFor = async (db: Db, unitId: string, caller?: Principal) => {
  const unit = await getStoredUnit(db, unitId);
  if (!unit || !isUnder(unit.unitPath, scopeOf(caller))) {
    throw new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');
  }

  return { unitPath: unit.unitPath, unitName: unit.name };
};

/** A line of a unit above the caller's area is shown to them, never changed by them. */
const checkWritable = (line: FeeSchedule, caller?: Principal): void => {
  if (!isUnder(line.unitPath, scopeOf(caller))) {
    throw new ForbiddenError(
      'Mức thu này do cấp trên đặt; bạn chỉ xem được. Hãy đặt biểu giá riêng cho đơn vị của mình',
      'fee_schedule.above_area',
    );
  }
};

const exists = () =>
  new ConflictError(
    'Đơn vị đã có mức thu cho loại nguồn thải và đối tượng này từ ngày này; hãy sửa mức thu đó',
    'fee_schedule.exists',
    { effectiveFrom: 'Đã có mức thu từ ngày này' },
  );

export const createFeeSchedule = async (
  db: Db,
  input: FeeScheduleInput,
  now: string,
  caller?: Principal,
): Promise<FeeSchedule> => {
  const { unitPath, unitName } = await unitFor(db, input.unitId, caller);
  const line: FeeSchedule = {
    id: feeScheduleId(input),
    ...input,
    unitPath,
    unitName,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await putAudited(
    db,
    {
      resource: 'fee-schedules',
      item: feeScheduleItem(line),
      recordId: line.id,
      unitPath,
      shown: { after: line },
      exists,
      stale: staleVersion,
    },
    caller,
  );

  return line;
};

const IDENTITY = ['unitId', 'effectiveFrom', 'kind', 'feeClass'] as const;

export const updateFeeSchedule = async (
  db: Db,
  id: string,
  input: FeeScheduleInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<FeeSchedule> => {
  const current = await getFeeSchedule(db, id, caller);
  checkWritable(current, caller);
  if (current.version !== version) throw staleVersion();
  const moved = IDENTITY.find((field) => input[field] !== current[field]);
  if (moved) {
    throw new ValidationError(
      'Không đổi được đơn vị, ngày áp dụng, loại nguồn thải hay đối tượng của một mức thu; hãy thêm mức thu mới',
      { [moved]: 'Không đổi được' },
      'fee_schedule.identity_immutable',
    );
  }

  // The unit's current name, should it have been renamed since.
  const unitName = (await getStoredUnit(db, current.unitId))?.name ?? current.unitName;
  const line: FeeSchedule = {
    ...current,
    ...input,
    unitName,
    updatedAt: now,
    version: version + 1,
  };
  await putAudited(
    db,
    {
      resource: 'fee-schedules',
      item: feeScheduleItem(line),
      recordId: id,
      unitPath: line.unitPath,
      before: { version },
      shown: { before: current, after: line },
      exists,
      stale: staleVersion,
    },
    caller,
  );

  return line;
};

export const deleteFeeSchedule = async (
  db: Db,
  id: string,
  caller?: Principal,
): Promise<FeeSchedule> => {
  const line = await getFeeSchedule(db, id, caller);
  checkWritable(line, caller);
  await deleteAudited(
    db,
    { resource: 'fee-schedules', key: lineKey(line), record: line, stale: staleVersion },
    caller,
  );

  return line;
};
