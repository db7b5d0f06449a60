/**
 * What collections and KPIs cost: DynamoDB requests and capacity per collection write (through
 * the store, every write one transaction with its aggregates), and per KPI page of a city of 27
 * wards and of a province of 65 commune-level units with 12 months of data (the page reads
 * aggregates, register counters, targets and factors, never collections). Counts from the
 * product's meter; DynamoDB Local under-reports transaction capacity (see the checks above), so
 * an AWS model of each transaction's write units is given beside it.
 */
import type { Db } from '../shared/db/client';
import { createDb } from '../shared/db/client';
import type { CollectionInput } from '../shared/collections/fields';
import { importCollections } from '../shared/collections/import';
import { createCollection, deleteCollection, updateCollection } from '../shared/collections/store';
import { DEFAULT_EMISSION_FACTORS } from '../shared/emissions/fields';
import { createEmissionFactors } from '../shared/emissions/store';
import type { Household, HouseholdInput } from '../shared/households/fields';
import { createHousehold } from '../shared/households/store';
import { ROLLOUT_TARGET } from '../shared/targets/fields';
import { createTarget } from '../shared/targets/store';
import { kpiReport } from '../shared/kpi/report';
import { ensureTable } from '../infra/local/table';
import { createKpiArea, loadHistory } from './kpi-load';
import { type Cost, measure } from './measure';

const TABLE = 'nguon-bench-kpi';
const FROM = '2025-01';
const MONTH = '2025-12';
const NOW = '2026-01-10T03:00:00.000Z';

const int = (n: number) => n.toLocaleString('en-US');
const units = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * AWS bills a transaction 2 write units per item per KB (all of these are under 1 KB), plus one
 * per index entry a Put writes (a collection: the ward-month list, and the household index).
 */
const awsModel = (transactions: unknown[][]): number =>
  transactions.reduce<number>(
    (sum, items) =>
      sum +
      (items as Array<Record<string, { Item?: Record<string, unknown> }>>).reduce((n, item) => {
        const put = item.Put?.Item;
        const indexes = put ? Number('treePk' in put) + Number('householdPk' in put) : 0;

        return n + 2 + indexes;
      }, 0),
    0,
  );

/** Keeps the raw TransactItems of each transaction, for the AWS model. */
const captureTransactions = (db: Db): unknown[][] => {
  const captured: unknown[][] = [];
  db.doc.middlewareStack.add(
    (next: any) => async (args: any) => {
      // The SDK's middleware types are generic over every command; this one only reads.
      if (args.input?.TransactItems) captured.push(args.input.TransactItems);

      return next(args);
    },
    { step: 'initialize', name: 'benchTransactions' },
  );

  return captured;
};

interface Row {
  label: string;
  cost: Cost;
  items: number;
  model: number;
}

const row = (r: Row) =>
  `| ${r.label} | ${r.cost.requests} (${Object.entries(r.cost.byCommand)
    .map(([c, n]) => `${n} ${c}`)
    .join(
      ', ',
    )}) | ${units(r.cost.readUnits)} | ${units(r.cost.writeUnits)} | ${r.items || '–'} | ${r.model || '–'} |`;

export const runCollectionsBench = async (endpoint: string): Promise<string> => {
  const db = createDb({ endpoint, tableName: TABLE });
  await ensureTable(db);
  const transactions = captureTransactions(db);

  const city = await createKpiArea(db, {
    stem: 'kc',
    wards: 27,
    hamletsPerWard: 4,
    withCity: true,
  });
  const province = await createKpiArea(db, {
    stem: 'kp',
    wards: 65,
    hamletsPerWard: 3,
    withCity: false,
  });
  const loaded = await loadHistory(db, [city, province], FROM, MONTH);
  await createTarget(
    db,
    {
      unitId: city.pageUnitId,
      year: 2025,
      baselineMonth: '2025-01',
      ...ROLLOUT_TARGET,
      note: null,
    },
    NOW,
  );
  await createEmissionFactors(
    db,
    { ...DEFAULT_EMISSION_FACTORS, unitId: city.provinceId, note: null },
    NOW,
  );

  const ward = city.wards[0];
  const household = (code: string): HouseholdInput => ({
    code,
    ownerName: `Hộ ${code}`,
    unitId: ward.id,
    kind: 'household',
    address: null,
    hamletId: ward.hamlets[0].id,
    phone: null,
    members: 4,
    feeClass: null,
    sortingSince: null,
    collectorId: null,
    status: 'active',
    inactiveSince: null,
    inactiveReason: null,
    location: null,
    note: null,
  });
  const households: Household[] = [];
  for (const code of ['B1', 'B2', 'B3']) {
    households.push(await createHousehold(db, household(code), '2025-01-05T00:00:00.000Z'));
  }
  const pickup = (fields: Partial<CollectionInput>): CollectionInput => ({
    at: '2025-12-10T01:00:00.000Z',
    unitId: ward.id,
    hamletId: null,
    householdId: households[0].id,
    householdsCovered: null,
    collectorId: city.collectorId,
    recyclableKg: 1.2,
    foodKg: 3.4,
    otherKg: 0.8,
    bulkyKg: 0,
    hazardousKg: 0,
    sortingStatus: 'sorted',
    refusalReason: null,
    note: null,
    photoUrl: null,
    ...fields,
  });

  const rows: Row[] = [];
  const run = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const first = transactions.length;
    const { cost, value } = await measure(db, fn);
    const sent = transactions.slice(first);
    rows.push({
      label,
      cost,
      items: sent.reduce((n, t) => n + t.length, 0),
      model: awsModel(sent),
    });

    return value;
  };

  const first = await run("create: a household's first pickup of the month", () =>
    createCollection(db, pickup({}), NOW),
  );
  await run('create: the same household again that month', () =>
    createCollection(db, pickup({ at: '2025-12-11T01:00:00.000Z', sortingStatus: 'partly' }), NOW),
  );
  const route = await run('create: a whole-hamlet pickup (45 households)', () =>
    createCollection(
      db,
      pickup({
        householdId: null,
        hamletId: ward.hamlets[1].id,
        householdsCovered: 45,
        otherKg: 820,
      }),
      NOW,
    ),
  );
  const changed = await run('update: sorting status only', () =>
    updateCollection(db, first.id, pickup({ sortingStatus: 'unsorted' }), 1, NOW),
  );
  await run('update: moved to another household and month', () =>
    updateCollection(
      db,
      first.id,
      pickup({ householdId: households[1].id, at: '2025-11-28T01:00:00.000Z' }),
      changed.version,
      NOW,
    ),
  );
  await run('delete', () => deleteCollection(db, route.id));
  // 100 distinct pickups: days 1–28 of December, four morning hours, three households.
  const importRows = Array.from({ length: 100 }, (_, i) => ({
    at: `${String((i % 28) + 1).padStart(2, '0')}/12/2025 0${6 + Math.floor(i / 28)}:${String(i % 60).padStart(2, '0')}`,
    householdCode: households[i % 3].code,
    recyclableKg: '0,8',
    foodKg: '2,5',
    sortingStatus: i % 5 === 0 ? 'partly' : 'sorted',
    collectorId: city.collectorId,
  }));
  const imported = await run('import: 100 rows of 3 households (one call)', () =>
    importCollections(db, { rows: importRows, unitId: ward.id }, NOW),
  );
  const importRow = rows[rows.length - 1];
  const created = imported.filter((r) => r.status === 'created').length;

  const pages: Row[] = [];
  const page = async (label: string, unitId: string, month: string) => {
    const { cost, value } = await measure(db, () => kpiReport(db, { unitId, month }));
    pages.push({ label: `${label} (${value.children.length} children)`, cost, items: 0, model: 0 });
  };
  await page(`city of ${city.wards.length} wards, ${MONTH}`, city.pageUnitId, MONTH);
  await page(
    `city of ${city.wards.length} wards, a past month (2025-06)`,
    city.pageUnitId,
    '2025-06',
  );
  await page(`province of ${province.wards.length} units, ${MONTH}`, province.pageUnitId, MONTH);
  await page(`province of ${province.wards.length} units, 2025-06`, province.pageUnitId, '2025-06');
  await page(`one ward, ${MONTH}`, ward.id, MONTH);

  return [
    '### 6. Collections and KPIs',
    '',
    `Data: a city of ${city.wards.length} wards × 4 hamlets and a province of ${province.wards.length} ` +
      `commune-level units × 3 hamlets (${city.units + province.units} units), with 12 months ` +
      `(${FROM} to ${MONTH}) of aggregates standing for ${int(loaded.collections)} collections ` +
      `(${int(loaded.aggregateItems)} unit-month aggregate items, built by the product's roll-up and bulk-loaded; ` +
      'see bench/kpi-load.ts) and a register that grew every month. Writes and pages go through the store.',
    '',
    '#### Per collection write',
    '',
    '| Write | DynamoDB requests | Read units | Write units (Local) | Transaction items | Write units (AWS model) |',
    '|---|---|---|---|---|---|',
    ...rows.map(row),
    '',
    `- Import: ${created} of 100 rows created; ` +
      `${(importRow.cost.requests / created).toFixed(2)} requests and ${(importRow.model / created).toFixed(1)} modelled write units per row ` +
      '(rows share their aggregate, tally and household items inside each transaction of ≤ 100 items).',
    "- A household pickup writes: the collection, its audit event, the household-month tally, the household's " +
      'collection count, a check that the household still exists, and one aggregate per unit of its path ' +
      '(hamlet, ward, city, province, platform); a route pickup has no tally, count or check.',
    '',
    '#### KPI page (`GET /api/kpis`)',
    '',
    '| Page | DynamoDB requests | Read units |',
    '|---|---|---|',
    ...pages.map(
      (p) =>
        `| ${p.label} | ${p.cost.requests} (${Object.entries(p.cost.byCommand)
          .map(([c, n]) => `${n} ${c}`)
          .join(', ')}) | ${units(p.cost.readUnits)} |`,
    ),
    '',
    "- A page reads: the unit tree below the unit (one query), the unit's 12 months of aggregates (one query), " +
      "each child's month and baseline aggregates and the targets in force (batch reads), one register-history " +
      "query per unit shown (the register at the end of any month), and the province's factors. The count grows " +
      'with the children shown, not with the collections behind the figures.',
    '',
  ].join('\n');
};
