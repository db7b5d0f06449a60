import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { DomainError, type FieldErrors, ValidationError } from '../errors';
import { ImportContext } from '../households/import-context';
import { codeKeyOf } from '../households/record';
import { logger } from '../logger';
import { ictMonth } from '../time/ict';
import { isUnder } from '../units/fields';
import { parseOrThrow } from '../validation';
import type { CollectionInput, StoredCollection } from './fields';
import { COLLECTION_IMPORT_COLUMNS, normalizeCollectionRow } from './import-rows';
import { nextCollection, sameContent, storedOf } from './record';
import { readForWrites, resolveCollection } from './references';
import { collectionInputSchema } from './schema';
import { TallyConflict, tallyKeysOf, withRetry, writeCollectionSet } from './store';
import type { TallyBook } from './tallies';
import { type CollectionChange, CollectionWrites, MAX_TRANSACTION_ITEMS } from './writes';

export const MAX_COLLECTION_IMPORT_ROWS = 500;

export type CollectionRowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface CollectionRowResult {
  row: number;
  status: CollectionRowStatus;
  id?: string;
  message?: string;
  errors?: FieldErrors;
}

export interface CollectionImportRequest {
  rows: Array<Record<string, unknown>>;
  unitId?: string;
  dryRun?: boolean;
}

interface Planned {
  row: number;
  change: CollectionChange;
}

const errorOf = (row: number, error: unknown): CollectionRowResult => {
  if (error instanceof DomainError) {
    return { row, status: 'error', message: error.message, errors: error.errors };
  }
  throw error;
};

/**
 * An imported pickup's id is made from what identifies it (ward, household or hamlet, time,
 * collector), so importing the same file twice changes nothing and a corrected row updates the
 * pickup it corrects.
 */
const importedId = (input: CollectionInput): string =>
  `imp-${createHash('sha256')
    .update(
      [
        input.unitId,
        input.householdId ?? `hamlet:${input.hamletId ?? ''}`,
        input.at,
        input.collectorId,
      ].join('|'),
    )
    .digest('hex')
    .slice(0, 32)}`;

const stringsOf = (row: unknown, index: number): Record<string, string> => {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    throw new ValidationError(`Dòng ${index + 1} không phải một đối tượng`);
  }
  const unknown = Object.keys(row).filter(
    (key) => !COLLECTION_IMPORT_COLUMNS.includes(key as never),
  );
  if (unknown.length > 0) {
    throw new ValidationError(
      `Cột không được phép: ${unknown.join(', ')}`,
      Object.fromEntries(unknown.map((key) => [key, 'Cột không được phép'])),
      'validation.unknown_fields',
    );
  }

  return Object.fromEntries(
    Object.entries(row as Record<string, unknown>)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
};

/**
 * Imports pickups from spreadsheet rows, with the schema of single writes: the ward by id, code
 * or name (or the request's `unitId`), the household by its code in the ward, the hamlet and
 * collector by name. Each row is answered on its own; `dryRun` checks without writing.
 */
export const importCollections = async (
  db: Db,
  request: CollectionImportRequest,
  now: string,
  caller?: Principal,
): Promise<CollectionRowResult[]> => {
  const results: Array<CollectionRowResult | undefined> = [];
  const records = request.rows.map((row, index) => {
    try {
      return normalizeCollectionRow(stringsOf(row, index));
    } catch (error) {
      results[index] = errorOf(index, error);

      return undefined;
    }
  });
  const context = await ImportContext.load(
    db,
    request.unitId,
    records.some((record) => record?.unitId !== undefined),
    scopeOf(caller),
  );

  // Household codes of each row's ward, resolved in one batch.
  const withWard = records.map(
    (record): (Record<string, unknown> & { unitId: string }) | undefined =>
      record
        ? { ...record, unitId: context.ward(String(record.unitId ?? request.unitId ?? '')) }
        : undefined,
  );
  const codeItems = await batchGet(
    db,
    withWard.flatMap((r) =>
      r?.householdCode ? [keys.householdCode(r.unitId, codeKeyOf(String(r.householdCode)))] : [],
    ),
  );
  const householdByCode = new Map(
    codeItems.map((item) => [String(item.pk), String(item.householdId)]),
  );

  const inputs: Array<{ row: number; input: CollectionInput; id: string }> = [];
  const seen = new Map<string, number>();
  withWard.forEach((record, row) => {
    if (!record) return;
    try {
      const { householdCode, ...fields } = record;
      if (householdCode) {
        const id = householdByCode.get(
          keys.householdCode(record.unitId, codeKeyOf(String(householdCode))).pk,
        );
        if (!id) {
          throw new ValidationError(`Không tìm thấy mã hộ "${householdCode}" trong phường/xã`, {
            householdCode: 'Không có trong sổ hộ của phường/xã',
          });
        }
        fields.householdId = id;
      }
      if (typeof fields.hamletId === 'string')
        fields.hamletId = context.hamlet(record.unitId, fields.hamletId);
      if (typeof fields.collectorId === 'string')
        fields.collectorId = context.collector(fields.collectorId);
      else if (caller?.role === 'collector') fields.collectorId = caller.accountId;
      const input = parseOrThrow(collectionInputSchema, fields);
      const id = importedId(input);
      const first = seen.get(id);
      if (first !== undefined) {
        throw new ValidationError(
          `Trùng với dòng ${first + 1} (cùng hộ hoặc tổ, thời điểm và đơn vị thu gom)`,
          {
            at: 'Trùng lượt trong tệp',
          },
        );
      }
      seen.set(id, row);
      inputs.push({ row, input, id });
    } catch (error) {
      results[row] = errorOf(row, error);
    }
  });

  const existing = new Map(
    (
      await batchGet(
        db,
        inputs.map((i) => keys.collection(i.id)),
        true,
      )
    ).map((item) => [String(item.id), storedOf(item)]),
  );
  const tallies = [
    ...tallyKeysOf([...existing.values()].map((before) => ({ before }))),
    ...inputs.flatMap(({ input }) =>
      input.householdId ? [{ householdId: input.householdId, month: ictMonth(input.at) }] : [],
    ),
  ];
  const { references, book } = await readForWrites(
    db,
    inputs.map((i) => i.input),
    tallies,
  );

  const planned: Planned[] = [];
  for (const { row, input, id } of inputs) {
    try {
      const before = existing.get(id);
      if (before && !isUnder(before.unitPath, scopeOf(caller))) {
        throw new ValidationError('Lượt thu gom này đã được ghi ở địa bàn khác', { at: 'Đã có' });
      }
      const resolved = resolveCollection(input, references, now, caller);
      const after: StoredCollection = before
        ? nextCollection(input, resolved, { ...before, version: before.version + 1 }, now)
        : nextCollection(input, resolved, { id, createdAt: now, version: 1 }, now);
      if (before && sameContent(before, after)) {
        results[row] = { row, status: 'unchanged', id };
        continue;
      }
      planned.push({ row, change: { before, after } });
      results[row] = { row, status: before ? 'updated' : 'created', id };
    } catch (error) {
      results[row] = errorOf(row, error);
    }
  }

  if (!request.dryRun) await writePlanned(db, planned, book, results, caller);

  return results.map(
    (result, row) => result ?? { row, status: 'error', message: 'Không xử lý được dòng này' },
  );
};

/**
 * Writes planned changes in transactions of up to 100 items (each aggregate, tally and household
 * once per transaction); when one fails, its rows are written alone with fresh reads so each row
 * gets its own answer.
 */
const writePlanned = async (
  db: Db,
  planned: Planned[],
  book: TallyBook,
  results: Array<CollectionRowResult | undefined>,
  caller?: Principal,
): Promise<void> => {
  const build = (group: Planned[]) => {
    const writes = new CollectionWrites(book);
    for (const item of group) writes.add(item.change);

    return writes;
  };
  const groups: Planned[][] = [];
  let group: Planned[] = [];
  for (const item of planned) {
    if (group.length > 0 && build([...group, item]).itemCount() > MAX_TRANSACTION_ITEMS) {
      groups.push(group);
      group = [];
    }
    group.push(item);
  }
  if (group.length > 0) groups.push(group);

  for (const chunk of groups) {
    try {
      await writeCollectionSet(db, build(chunk), caller);
    } catch (error) {
      if (!(error instanceof DomainError || error instanceof TallyConflict)) throw error;
      logger.warn('collection import chunk retried row by row', { rows: chunk.length });
      for (const item of chunk) {
        try {
          await withRetry(async () => {
            const moved = tallyKeysOf([item.change]);
            const { book: fresh } = await readForWrites(db, [], moved);
            const writes = new CollectionWrites(fresh);
            writes.add(item.change);
            await writeCollectionSet(db, writes, caller);
            // Later chunks count from what this row wrote.
            for (const { householdId, month } of moved) {
              book.set(householdId, month, fresh.get(householdId, month));
            }
          });
        } catch (rowError) {
          results[item.row] = errorOf(item.row, rowError);
        }
      }
    }
  }
};

export const collectionImportCounts = (results: CollectionRowResult[]) => ({
  created: results.filter((r) => r.status === 'created').length,
  updated: results.filter((r) => r.status === 'updated').length,
  unchanged: results.filter((r) => r.status === 'unchanged').length,
  error: results.filter((r) => r.status === 'error').length,
});
