/** Renders the results as Markdown (also what stdout shows: padded tables read well as text). */
import type { CheckResult } from './checks';
import type { ImportRun, ImportsResult } from './imports';
import type { CaseResult, StageResult } from './lists';
import type { Cost } from './measure';
import type { WritesResult } from './writes';

export interface Results {
  meta: {
    generatedAt: string;
    dynamodbLocal: string;
    node: string;
    cores: number;
    runtimeSeconds: number;
    peakRssMb: number;
    javaPeakRssMb: number;
    jvmOptions: string;
    command: string;
  };
  data: string[];
  lists: { stages: StageResult[]; headlineTable: number; scaling: ScalingRow[] };
  import: ImportsResult & { derived: ImportDerived };
  writes: WritesResult;
  checks: CheckResult[];
  findings: string[];
}

export interface ScalingRow {
  id: string;
  title: string;
  byTable: Array<{
    tableHouseholds: number;
    anchorHouseholds: number;
    requests: number;
    readUnits: number;
  }>;
  /** Last measured size over first: read units and requests. */
  readRatio: number;
  requestRatio: number;
  /** Read units at 50,000 over read units at 5,000 (the brief's ratio). */
  readRatio50k: number;
}

export interface ImportDerived {
  rawSecondsMean: number;
  importOverRaw: number;
  importRequestsPerRow: number;
  importReadUnitsPerRow: number;
  importWriteUnitsPerRow: number;
  /** What AWS bills per new row (transactions at 2 units per 1 KB per item and index entry). */
  importModelWriteUnitsPerRow: number;
  rawRequestsPerRow: number;
  rawWriteUnitsPerRow: number;
  reimportWriteUnits: number;
  reimportRequestsPerRow: number;
  reimportReadUnitsPerRow: number;
  perCallByCommand: Record<string, number>;
  reimportPerCallByCommand: Record<string, number>;
}

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const units = (n: number): string =>
  Number.isInteger(n) ? int(n) : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const ratio = (n: number): string => `×${n.toFixed(2)}`;
const CALL_ROWS_TEXT = (r: Results): string => int(r.import.import.rows / r.import.import.calls);
const rowsPerTransaction = (r: Results): number =>
  (r.import.import.outcome.created ?? 0) /
  Math.max(1, r.import.import.transactionItems?.requests ?? 0);
const secs = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const byCommand = (cost: Cost): string =>
  Object.entries(cost.byCommand)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');

const table = (headers: string[], rows: string[][]): string => {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;

  return [
    line(headers),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
};

const caseRow = (c: CaseResult): string[] => [
  c.title,
  int(c.anchorHouseholds),
  int(c.cost.requests),
  units(c.cost.readUnits),
  byCommand(c.cost),
  `${c.records} of ${int(c.total)}`,
  c.problems.length ? `FAIL: ${c.problems.join('; ')}` : 'ok',
  c.cost.ms.toFixed(1),
];

const importRow = (r: ImportRun): string[] => [
  r.label,
  int(r.rows),
  int(r.calls),
  int(r.cost.requests),
  (r.cost.requests / r.rows).toFixed(3),
  units(r.cost.readUnits),
  units(r.cost.writeUnits),
  (r.cost.writeUnits / r.rows).toFixed(2),
  Object.entries(r.outcome)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${int(n)}`)
    .join(', ') || '—',
  secs(r.cost.ms),
];

export const renderMarkdown = (r: Results): string => {
  const out: string[] = [];
  const headline =
    r.lists.stages.find((s) => s.tableHouseholds === r.lists.headlineTable) ?? r.lists.stages[0];
  const d = r.import.derived;

  out.push('## Benchmark: cost of the household register on DynamoDB');
  out.push('');
  out.push(
    `Run ${r.meta.generatedAt} with \`${r.meta.command}\`: DynamoDB Local ${r.meta.dynamodbLocal} in memory, ` +
      `Node ${r.meta.node}, ${r.meta.cores} cores; ${int(r.meta.runtimeSeconds)} s in all; peak memory: Node ${int(r.meta.peakRssMb)} MB, ` +
      `DynamoDB Local JVM ${r.meta.javaPeakRssMb ? `${int(r.meta.javaPeakRssMb)} MB` : 'not measured'} (${r.meta.jvmOptions || 'default heap'}). ` +
      "Requests and capacity units are counted by the product's own meter (`shared/db/meter.ts`: " +
      "`ReturnConsumedCapacity: TOTAL` on every request). For reads, PutItem and BatchWriteItem, DynamoDB Local answers by AWS's published rules " +
      '(reads 0.5 unit per 4 KB eventually consistent; writes 1 unit per 1 KB for the item and for each index entry), but it does not end a ' +
      'filtered Query page after 1 MB read as AWS does, so filtered lists show fewer requests than AWS would make. ' +
      '**For TransactWriteItems it under-reports** (see Checks), so write units of the store and the import are shown as reported and ' +
      'next to an "AWS model" (2 units per 1 KB per item and per index entry written, 2 per counter or code guard). ' +
      'Counts repeat exactly on every run; seconds are supporting detail and vary.',
  );
  out.push('');
  out.push('### How the data was made');
  out.push('');
  for (const line of r.data) out.push(`- ${line}`);
  out.push('');

  out.push(
    `### 1. One page of the household list (table of ${int(headline.tableHouseholds)} households)`,
  );
  out.push('');
  out.push(
    `\`listHouseholds(db, params)\` with \`sort: ownerName ASC\`; ward = one ward of ${int(headline.wardHouseholds)} households, ` +
      `city = its city, holding ${int(headline.cityHouseholds)}. "Read units" are RCU; no list writes anything. ` +
      `Each case ran ${'3'} times with identical counts; ms is the median.`,
  );
  out.push('');
  out.push(
    table(
      [
        'Case',
        'Households in unit',
        'Requests',
        'Read units',
        'Requests by command',
        'Records / total',
        'Check',
        'ms',
      ],
      headline.cases.map(caseRow),
    ),
  );
  out.push('');
  out.push('#### Does a page cost more when the table is bigger?');
  out.push('');
  out.push(
    'The same pages at each table size (requests · read units). The ward is the same 5,000 households throughout; ' +
      'the table grows around it (first within the same city, last in a second province). Ratio = read units at 50,000 ÷ at 5,000 ' +
      '(and at the largest table ÷ the smallest). For the city and platform rows the unit itself grows with the table.',
  );
  out.push('');
  const sizes = r.lists.stages.map((s) => s.tableHouseholds);
  out.push(
    table(
      [
        'Case',
        ...sizes.map((n) => `table ${int(n)}`),
        'RCU 50k ÷ 5k',
        `RCU ${int(sizes[sizes.length - 1] / 1000)}k ÷ 5k`,
        'requests ratio',
      ],
      r.lists.scaling.map((row) => [
        row.title,
        ...row.byTable.map((b) => `${b.requests} · ${units(b.readUnits)}`),
        ratio(row.readRatio50k),
        ratio(row.readRatio),
        ratio(row.requestRatio),
      ]),
    ),
  );
  out.push('');

  out.push('### 2. Import throughput');
  out.push('');
  out.push(
    `${int(r.import.import.rows)} spreadsheet rows through \`importHouseholds\` in ${r.import.import.calls} calls of ` +
      `${int(r.import.import.rows / r.import.import.calls)} rows, one call at a time as the admin sends them; baseline: ` +
      `BatchWriteItem of ${int(r.import.rawBefore.rows)} stored household items (same generator, built by \`householdItem\`, 25 a request, ` +
      'one request at a time), run once before and once after the imports. Each run goes to its own empty ward of the same table.',
  );
  out.push('');
  out.push(
    table(
      [
        'Run',
        'Rows',
        'Calls',
        'Requests',
        'Req/row',
        'Read units',
        'Write units (Local)',
        'WCU/row (Local)',
        'Outcome',
        's',
      ],
      [r.import.rawBefore, r.import.import, r.import.reimport, r.import.rawAfter].map(importRow),
    ),
  );
  out.push('');
  out.push(
    `- **import time ÷ raw time = ${d.importOverRaw.toFixed(2)}** (raw = mean of the two raw runs, ${d.rawSecondsMean.toFixed(1)} s; import ${secs(r.import.import.cost.ms)} s).`,
  );
  out.push(
    `- Requests per row: import ${d.importRequestsPerRow.toFixed(3)}, raw ${d.rawRequestsPerRow.toFixed(3)} ` +
      `(×${(d.importRequestsPerRow / d.rawRequestsPerRow).toFixed(2)}).`,
  );
  out.push(
    `- Write units per new row: **AWS model ${d.importModelWriteUnitsPerRow.toFixed(2)}** (DynamoDB Local reports ${d.importWriteUnitsPerRow.toFixed(2)}), ` +
      `raw BatchWriteItem ${d.rawWriteUnitsPerRow.toFixed(2)} (reported correctly; ×${(d.importModelWriteUnitsPerRow / d.rawWriteUnitsPerRow).toFixed(2)}). ` +
      'The import writes each household in a transaction (2×) with its code guard and the counters of the ward, its ancestors and the ' +
      `hamlets touched, once per transaction (${rowsPerTransaction(r).toFixed(1)} rows a transaction on average); the raw baseline writes the household item alone, once.`,
  );
  const ti = r.import.import.transactionItems;
  if (ti)
    out.push(
      `- Import transactions: ${int(ti.requests)} TransactWriteItems of ${ti.min}–${ti.max} items (the limit is 100).`,
    );
  out.push(
    `- Requests per import call of ${CALL_ROWS_TEXT(r)} new rows: ${Object.entries(
      d.perCallByCommand,
    )
      .map(([c, n]) => `${c} ${units(n)}`)
      .join(', ')}.`,
  );
  out.push(
    `- Requests per import call of unchanged rows: ${Object.entries(d.reimportPerCallByCommand)
      .map(([c, n]) => `${c} ${units(n)}`)
      .join(', ')}.`,
  );
  const up = r.import.reimport.updated;
  out.push(
    `- **Re-import of the same ${int(r.import.reimport.rows)} rows: ${units(d.reimportWriteUnits)} write units reported** ` +
      (d.reimportWriteUnits === 0 && r.import.reimport.outcome.unchanged === r.import.reimport.rows
        ? '(nothing written, as required); '
        : `(**must be 0**: ${int(r.import.reimport.outcome.updated ?? 0)} rows came back "updated"` +
          `${up ? `, ${int(up.withLocation)} of them rows with a location` : ''}; see Findings); `) +
      `${d.reimportReadUnitsPerRow.toFixed(2)} read units and ${d.reimportRequestsPerRow.toFixed(3)} requests per row to compare.`,
  );
  out.push(
    `- Ward counter after the import: ${int(r.import.wardCounterAfterImport)} (expected ${int(r.import.import.outcome.created ?? 0)}).`,
  );
  out.push(
    `- Raw household items: ${r.import.householdItemBytes.min}–${r.import.householdItemBytes.max} bytes as JSON (mean ${r.import.householdItemBytes.mean}).`,
  );
  out.push('');

  out.push('### 3. Single writes through the store');
  out.push('');
  out.push(
    '`createHousehold`, `updateHousehold`, `deleteHousehold` on one household of the measured ward, with a hamlet and a collector. ' +
      'Every household lies under the platform (`*`), a province, a city, its ward and (usually) a hamlet, and each of those units keeps a ' +
      'register counter. A write is one TransactWriteItems: the household, its code guard when the code is new or gone, and one `ADD` to the ' +
      'counter of each unit whose counts move: all five on create and delete, none when only a field changes, two hamlets when the household moves ' +
      'between hamlets, all five when the active count moves. The household item is also an entry in each of the ' +
      `${r.writes.householdIndexEntries} path indexes (byPath0–4) it belongs to; it is ${r.writes.householdItemBytes} bytes (≤ 1 KB), ` +
      'so the AWS model is 2 × (1 + index writes) for the household (an index whose key changes costs 2 writes) plus 2 per counter or code guard. ' +
      "This is DynamoDB Local's own accounting for a one-item transaction (the phone update, a single Put, reports the model's value); " +
      'with more items Local counts equal items once.',
  );
  out.push('');
  out.push(
    table(
      [
        'Write',
        'Requests',
        'Read units',
        'Write units (Local)',
        'Write units (AWS model)',
        'Requests in order',
        'Transaction items',
        'Counters moved',
        'ms',
      ],
      r.writes.ops.map((op) => [
        op.title,
        int(op.cost.requests),
        units(op.cost.readUnits),
        units(op.cost.writeUnits),
        `${units(op.modelUnits)} = ${op.modelNote}`,
        op.requests.join(' → '),
        op.transaction || '—',
        op.counters.join(', ') || 'none',
        op.cost.ms.toFixed(1),
      ]),
    ),
  );
  out.push('');
  const create = r.writes.ops.find((op) => op.id === 'create');
  if (create) {
    const items = Number(/\[(\d+)\]/.exec(create.requests.join(' '))?.[1] ?? 0);
    const counterUnits = 2 * create.counters.length;
    out.push(
      `On create the ${create.counters.length} counter updates are ${create.counters.length} of the ${items} transaction items and ` +
        `${counterUnits} of the ${units(create.modelUnits)} modelled write units (${Math.round((100 * counterUnits) / create.modelUnits)}%); ` +
        `an import shares them among the ${rowsPerTransaction(r).toFixed(1)} rows of a transaction (on average).`,
    );
    out.push('');
  }

  out.push('### Checks');
  out.push('');
  out.push(
    table(
      ['Check', 'Expected', 'Observed', 'Result'],
      r.checks.map((c) => [c.title, c.expected, c.observed, c.ok ? 'ok' : 'FAIL']),
    ),
  );
  out.push('');
  out.push('### Findings');
  out.push('');
  for (const f of r.findings) out.push(`- ${f}`);
  out.push('');

  return out.join('\n');
};
