import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { DomainError, type FieldErrors, ValidationError } from '../errors';
import { normalizeImportRecord } from '../import/values';
import { type Principal, scopeOf } from '../auth/principal';
import { logger } from '../logger';
import { parseOrThrow } from '../validation';
import type { Household, HouseholdInput } from './fields';
import { ImportContext } from './import-context';
import { codeKeyOf, inputOf, nextHousehold, sameInput } from './record';
import { householdPathFrom } from './references';
import { householdInputSchema } from './schema';
import {
  type HouseholdChange,
  getHouseholds,
  transactionGroups,
  writeHouseholdChanges,
} from './store';

export const MAX_IMPORT_ROWS = 500;

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface RowResult {
  row: number;
  status: RowStatus;
  id?: string;
  code?: string;
  message?: string;
  errors?: FieldErrors;
}

export interface ImportRequest {
  rows: Array<Record<string, unknown>>;
  unitId?: string;
  dryRun?: boolean;
}

interface Planned {
  row: number;
  change: HouseholdChange;
  status: 'created' | 'updated';
}

const failure = (row: number, error: unknown, code?: string): RowResult => {
  if (error instanceof DomainError) {
    return { row, status: 'error', code, message: error.message, errors: error.errors };
  }
  throw error;
};

const asStrings = (row: Record<string, unknown>, index: number): Record<string, string> => {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    throw new ValidationError(`Dòng ${index + 1} không phải một đối tượng`);
  }

  return Object.fromEntries(
    Object.entries(row)
      .filter(([, value]) => value !== null && value !== undefined && String(value).trim() !== '')
      .map(([key, value]) => [key, String(value)]),
  );
};

/**
 * Imports rows of the register, idempotent by household code within the ward: a new code
 * creates, a changed row updates (blank cells keep what is stored), an identical row writes
 * nothing. Every row is validated with the schema of single writes and answered on its own.
 */
export const importHouseholds = async (
  db: Db,
  request: ImportRequest,
  now: string,
  caller?: Principal,
): Promise<RowResult[]> => {
  const records: Array<Record<string, unknown>> = request.rows.map((row, index) =>
    normalizeImportRecord(asStrings(row, index)),
  );
  const context = await ImportContext.load(
    db,
    request.unitId,
    records.some((record) => record.unitId !== undefined),
    scopeOf(caller),
  );

  // Resolve the ward of each row and its code key; later duplicates within the file fail.
  const results: Array<RowResult | undefined> = [];
  const seen = new Map<string, number>();
  const prepared = records.map((record, row) => {
    const unitId = context.ward(String(record.unitId ?? request.unitId ?? ''));
    const code = typeof record.code === 'string' ? record.code.trim() : '';
    if (!code) {
      results[row] = {
        row,
        status: 'error',
        message: 'Thiếu mã hộ',
        errors: { code: 'Cần nhập mã hộ' },
      };

      return undefined;
    }
    const codeKey = codeKeyOf(code);
    const first = seen.get(`${unitId}|${codeKey}`);
    if (first !== undefined) {
      results[row] = {
        row,
        status: 'error',
        code,
        message: `Mã hộ "${code}" trùng với dòng ${first + 1} trong cùng lần nhập`,
        errors: { code: 'Trùng mã hộ trong tệp' },
      };

      return undefined;
    }
    seen.set(`${unitId}|${codeKey}`, row);

    const withWard: Record<string, unknown> = { ...record, unitId };

    return { row, record: withWard, unitId, codeKey };
  });

  const valid = prepared.filter((p): p is NonNullable<typeof p> => p !== undefined);
  const codeItems = await batchGet(
    db,
    valid.map((p) => keys.householdCode(p.unitId, p.codeKey)),
  );
  const existingIdByCode = new Map(
    codeItems.map((item) => [String(item.pk), String(item.householdId)]),
  );
  const existing = new Map(
    (await getHouseholds(db, [...existingIdByCode.values()])).map((h) => [h.id, h]),
  );

  const planned: Planned[] = [];
  for (const { row, record, unitId, codeKey } of valid) {
    const id = existingIdByCode.get(keys.householdCode(unitId, codeKey).pk);
    const before = id ? existing.get(id) : undefined;
    try {
      const merged: Record<string, unknown> = before
        ? { ...inputOf(before), ...record }
        : { ...record };
      if (typeof merged.hamletId === 'string')
        merged.hamletId = context.hamlet(unitId, merged.hamletId);
      if (typeof merged.collectorId === 'string')
        merged.collectorId = context.collector(merged.collectorId);
      const input = parseOrThrow(householdInputSchema, merged) as HouseholdInput;
      if (before && sameInput(inputOf(before), input)) {
        results[row] = { row, status: 'unchanged', id: before.id, code: input.code };
        continue;
      }
      const ward = context.byId.get(input.unitId);
      const hamlet = input.hamletId ? context.byId.get(input.hamletId) : undefined;
      const collector =
        input.collectorId && context.collectorIds.has(input.collectorId)
          ? { id: input.collectorId, kind: 'collector' }
          : undefined;
      const unitPath = householdPathFrom(input, ward, hamlet, collector);
      const after: Household = before
        ? nextHousehold(input, unitPath, { ...before, version: before.version + 1 }, now)
        : nextHousehold(input, unitPath, { id: randomUUID(), createdAt: now, version: 1 }, now);
      planned.push({ row, change: { before, after }, status: before ? 'updated' : 'created' });
      results[row] = {
        row,
        status: before ? 'updated' : 'created',
        id: after.id,
        code: input.code,
      };
    } catch (error) {
      results[row] = failure(row, error, typeof record.code === 'string' ? record.code : undefined);
    }
  }

  if (!request.dryRun) await writePlanned(db, planned, results, caller);

  return results.map(
    (result, row) => result ?? { row, status: 'error', message: 'Không xử lý được dòng này' },
  );
};

/** Writes in transactions; when one fails, its rows are retried alone to answer each of them. */
const writePlanned = async (
  db: Db,
  planned: Planned[],
  results: Array<RowResult | undefined>,
  caller?: Principal,
): Promise<void> => {
  const byChange = new Map(planned.map((item) => [item.change, item]));
  for (const group of transactionGroups(planned.map((item) => item.change))) {
    const chunk = group.map((change) => byChange.get(change) as Planned);
    try {
      await writeHouseholdChanges(
        db,
        chunk.map((p) => p.change),
        caller,
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.warn('household import chunk retried row by row', { rows: chunk.length });
      for (const item of chunk) {
        try {
          await writeHouseholdChanges(db, [item.change], caller);
        } catch (rowError) {
          results[item.row] = failure(item.row, rowError, item.change.after?.code);
        }
      }
    }
  }
};

export const importCounts = (results: RowResult[]) => ({
  created: results.filter((r) => r.status === 'created').length,
  updated: results.filter((r) => r.status === 'updated').length,
  unchanged: results.filter((r) => r.status === 'unchanged').length,
  error: results.filter((r) => r.status === 'error').length,
});
