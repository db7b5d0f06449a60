/**
 * What is still owed, per hamlet, for collectors to follow up: the unpaid bills of a unit's
 * wards for one Vietnam month, counted and summed by hamlet. Unpaid bills are the first key
 * range of each ward's month in the tree index, so the report reads them and nothing else.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { billTreePk } from '../db/keys';
import { NotFoundError, ValidationError } from '../errors';
import { isMonth } from '../time/days';
import { ictMonth } from '../time/ict';
import { isUnder } from '../units/fields';
import { getStoredUnit, unitsUnder } from '../units/store';
import { billAnchor } from './list';
import { hamletPrefix, statusPrefix } from './record';

export interface UnpaidRow {
  wardId: string;
  wardName: string;
  /** Null for the ward's households registered without a hamlet. */
  hamletId: string | null;
  hamletName: string | null;
  count: number;
  amount: number;
}

export interface UnpaidByHamlet {
  unitId: string;
  month: string;
  rows: UnpaidRow[];
  total: { count: number; amount: number };
}

const names = new Intl.Collator('vi', { numeric: true });

const unitNotFound = () => new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');

/** Hamlet and amount of each unpaid bill of one ward's month (or of one hamlet in it). */
const unpaidOf = async (db: Db, wardId: string, month: string, hamletId?: string) => {
  const found: Array<{ hamletId: string | null; amount: number }> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'byTree',
        KeyConditionExpression: 'treePk = :pk AND begins_with(treeSk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': billTreePk(wardId, month),
          ':prefix': hamletId ? hamletPrefix('unpaid', hamletId) : statusPrefix('unpaid'),
        },
        ExpressionAttributeNames: { '#hamlet': 'hamletId', '#amount': 'amount' },
        ProjectionExpression: '#hamlet, #amount',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of result.Items ?? []) {
      found.push({
        hamletId: (item.hamletId as string | null) ?? null,
        amount: Number(item.amount),
      });
    }
    start = result.LastEvaluatedKey;
  } while (start);

  return found;
};

export const unpaidByHamlet = async (
  db: Db,
  query: { unitId?: string; month?: string },
  now: string,
  caller?: Principal,
): Promise<UnpaidByHamlet> => {
  if (!query.unitId) {
    throw new ValidationError(
      'Cần chọn đơn vị (unitId)',
      { unitId: 'Cần chọn' },
      'bill.unit_missing',
    );
  }
  const month = query.month || ictMonth(now);
  if (!isMonth(month)) {
    throw new ValidationError('Tháng phải có dạng YYYY-MM', { month: 'Không hợp lệ' });
  }
  const scope = scopeOf(caller);
  const unit = await getStoredUnit(db, query.unitId);
  if (!unit || !isUnder(unit.unitPath, scope)) throw unitNotFound();
  const anchor = await billAnchor(db, unit.id, undefined, scope);
  if (!anchor) throw unitNotFound();

  // The wards and their hamlets, named; for a hamlet, only itself.
  const wardIds = anchor.wards.map((ward) => ward.id);
  const wardPath = unit.level === 'hamlet' ? unit.unitPath.replace(/[^/]+\/$/, '') : unit.unitPath;
  const units = await unitsUnder(db, wardPath);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const rows = new Map<string, UnpaidRow>();
  const rowOf = (wardId: string, hamletId: string | null): UnpaidRow => {
    const key = `${wardId}|${hamletId ?? ''}`;
    const row = rows.get(key) ?? {
      wardId,
      wardName: nameOf.get(wardId) ?? wardId,
      hamletId,
      hamletName: hamletId ? (nameOf.get(hamletId) ?? hamletId) : null,
      count: 0,
      amount: 0,
    };
    rows.set(key, row);

    return row;
  };
  for (const hamlet of units) {
    if (hamlet.level !== 'hamlet') continue;
    if (
      unit.level === 'hamlet' ? hamlet.id === unit.id : wardIds.includes(String(hamlet.parentId))
    ) {
      rowOf(String(hamlet.parentId), hamlet.id);
    }
  }

  const unpaid = await Promise.all(
    wardIds.map(async (wardId) => ({
      wardId,
      bills: await unpaidOf(db, wardId, month, anchor.hamletId),
    })),
  );
  for (const { wardId, bills } of unpaid) {
    for (const bill of bills) {
      const row = rowOf(wardId, bill.hamletId);
      row.count += 1;
      row.amount += bill.amount;
    }
  }

  const sorted = [...rows.values()].sort(
    (a, b) =>
      names.compare(a.wardName, b.wardName) ||
      (a.hamletName === null ? 1 : 0) - (b.hamletName === null ? 1 : 0) ||
      names.compare(a.hamletName ?? '', b.hamletName ?? ''),
  );

  return {
    unitId: unit.id,
    month,
    rows: sorted,
    total: {
      count: sorted.reduce((sum, row) => sum + row.count, 0),
      amount: sorted.reduce((sum, row) => sum + row.amount, 0),
    },
  };
};
