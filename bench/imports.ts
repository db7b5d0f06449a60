/**
 * Part 2: import throughput. 10,000 spreadsheet rows through `importHouseholds` in calls of
 * 500 (as the admin sends them), against raw BatchWriteItem of 10,000 stored household items
 * (25 a request, one request in flight, as the import also sends one at a time), then the same
 * 10,000 rows again, which must change and write nothing.
 */
import type { Db } from '../shared/db/client';
import { getItem } from '../shared/db/items';
import { keys } from '../shared/db/keys';
import {
  importCounts,
  importHouseholds,
  MAX_IMPORT_ROWS,
  type RowResult,
} from '../shared/households/import';
import { householdItem } from '../shared/households/record';
import { drawHouseholds, householdOf, idStream, importRowOf, type WardPlan } from './households';
import { batchWrite } from './load';
import { type Cost, measure, type Observed } from './measure';
import type { Area } from './tree';

export const IMPORT_ROWS = 10_000;
export const CALL_ROWS = 500;

export interface ImportRun {
  label: string;
  ward: string;
  rows: number;
  calls: number;
  cost: Cost;
  outcome: Record<string, number>;
  firstErrors: string[];
  /** Items per TransactWriteItems request, min–max. */
  transactionItems?: { min: number; max: number; requests: number };
  /** Sum of the observer's create model over the transactions (what AWS bills when all rows are new). */
  createModelUnits?: number;
  /** Rows reported "updated", and how many of those have a location (lat/lng cells). */
  updated?: { rows: number; withLocation: number; rowsWithLocation: number };
}

export interface ImportsResult {
  rawBefore: ImportRun;
  import: ImportRun;
  reimport: ImportRun;
  rawAfter: ImportRun;
  wardCounterAfterImport: number;
  householdItemBytes: { min: number; max: number; mean: number };
}

const rawLoad = async (
  db: Db,
  area: Area,
  ward: WardPlan,
  label: string,
): Promise<{ run: ImportRun; sizes: number[] }> => {
  const ids = idStream(`raw:${ward.id}`);
  const items = drawHouseholds(ward, area.collectors, IMPORT_ROWS, {
    stream: `raw:${ward.id}`,
  }).map((d) => householdItem(householdOf(d, ward, ids)));
  const sizes = items.map((item) => Buffer.byteLength(JSON.stringify(item)));
  const { cost } = await measure(db, async () => {
    for (let i = 0; i < items.length; i += 25) await batchWrite(db, items.slice(i, i + 25));
  });

  return {
    run: {
      label,
      ward: ward.id,
      rows: items.length,
      calls: Math.ceil(items.length / 25),
      cost,
      outcome: { written: items.length },
      firstErrors: [],
    },
    sizes,
  };
};

const importAll = async (
  db: Db,
  log: Observed[],
  ward: WardPlan,
  rows: Array<Record<string, string>>,
  label: string,
): Promise<ImportRun> => {
  const results: RowResult[] = [];
  const logStart = log.length;
  const { cost } = await measure(db, async () => {
    for (let i = 0; i < rows.length; i += CALL_ROWS) {
      const chunk = rows.slice(i, i + CALL_ROWS);
      const answer = await importHouseholds(
        db,
        { rows: chunk, unitId: ward.id },
        new Date().toISOString(),
      );
      results.push(...answer.map((r) => ({ ...r, row: r.row + i })));
    }
  });
  const transactions = log.slice(logStart).filter((o) => o.command === 'TransactWriteItems');
  const sizes = transactions.map((o) => o.items?.length ?? 0);
  const hasLocation = (row: Record<string, string>) => row.lat !== '' || row.lng !== '';
  const updatedRows = results.filter((r) => r.status === 'updated');

  return {
    label,
    ward: ward.id,
    rows: rows.length,
    calls: Math.ceil(rows.length / CALL_ROWS),
    cost,
    outcome: importCounts(results),
    firstErrors: results
      .filter((r) => r.status === 'error')
      .slice(0, 3)
      .map((r) => `row ${r.row + 1}: ${r.message} ${JSON.stringify(r.errors ?? {})}`),
    transactionItems: sizes.length
      ? { min: Math.min(...sizes), max: Math.max(...sizes), requests: sizes.length }
      : { min: 0, max: 0, requests: 0 },
    createModelUnits: transactions.reduce((n, o) => n + (o.createModelUnits ?? 0), 0),
    updated: {
      rows: updatedRows.length,
      withLocation: updatedRows.filter((r) => hasLocation(rows[r.row])).length,
      rowsWithLocation: rows.filter(hasLocation).length,
    },
  };
};

export const runImports = async (
  db: Db,
  log: Observed[],
  area: Area,
  progress: (line: string) => void,
): Promise<ImportsResult> => {
  if (CALL_ROWS > MAX_IMPORT_ROWS)
    throw new Error(`calls of ${CALL_ROWS} exceed MAX_IMPORT_ROWS ${MAX_IMPORT_ROWS}`);
  const [rawWardA, importWard, rawWardB] = area.wards;

  const rawBefore = await rawLoad(db, area, rawWardA, 'raw BatchWriteItem (before import)');
  progress(`  raw BatchWriteItem ×${IMPORT_ROWS}: ${(rawBefore.run.cost.ms / 1000).toFixed(1)} s`);

  const rows = drawHouseholds(importWard, area.collectors, IMPORT_ROWS, {
    stream: `import:${importWard.id}`,
  }).map(importRowOf);
  const first = await importAll(db, log, importWard, rows, 'importHouseholds, new rows');
  progress(
    `  import ×${IMPORT_ROWS}: ${(first.cost.ms / 1000).toFixed(1)} s ${JSON.stringify(first.outcome)}`,
  );
  const counter = await getItem(db, keys.householdCounter(importWard.id));

  const again = await importAll(db, log, importWard, rows, 'importHouseholds, same rows again');
  progress(
    `  re-import ×${IMPORT_ROWS}: ${(again.cost.ms / 1000).toFixed(1)} s ${JSON.stringify(again.outcome)}`,
  );

  const rawAfter = await rawLoad(db, area, rawWardB, 'raw BatchWriteItem (after import)');
  progress(
    `  raw BatchWriteItem ×${IMPORT_ROWS} again: ${(rawAfter.run.cost.ms / 1000).toFixed(1)} s`,
  );

  const sizes = rawBefore.sizes;

  return {
    rawBefore: rawBefore.run,
    import: first,
    reimport: again,
    rawAfter: rawAfter.run,
    wardCounterAfterImport: Number(counter?.total ?? 0),
    householdItemBytes: {
      min: Math.min(...sizes),
      max: Math.max(...sizes),
      mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
    },
  };
};
