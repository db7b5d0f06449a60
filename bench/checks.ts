/**
 * Edge checks found while building the benchmark; each reports what happened, with its counts,
 * so a rerun shows whether it still happens.
 */
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../shared/db/client';
import { getHousehold } from '../shared/households/store';
import type { HouseholdInput } from '../shared/households/fields';
import { importCounts, importHouseholds } from '../shared/households/import';
import { createHousehold } from '../shared/households/store';
import { measure, type Observed } from './measure';
import type { Area } from './tree';

export interface CheckResult {
  id: string;
  title: string;
  expected: string;
  observed: string;
  ok: boolean;
}

/**
 * 40 new rows a transaction × 2 items + 4 ancestor counters + 1 counter per distinct hamlet:
 * 16 hamlets make exactly 100 items (DynamoDB's limit), 17 make 101.
 */
const hamletSpread = async (
  db: Db,
  log: Observed[],
  area: Area,
  hamlets: number,
  tag: string,
): Promise<CheckResult> => {
  const ward = area.wards[0];
  const rows = Array.from({ length: 40 }, (_, i) => ({
    code: `${tag}-${String(i + 1).padStart(3, '0')}`,
    ownerName: `Lê Văn Hộ ${i + 1}`,
    hamletId: ward.hamlets[i % hamlets].name,
  }));
  const start = log.length;
  let observed: string;
  let ok: boolean;
  try {
    const { value, cost } = await measure(db, () =>
      importHouseholds(db, { rows, unitId: ward.id }, new Date().toISOString()),
    );
    observed = `imported: ${JSON.stringify(importCounts(value))}; ${cost.requests} requests`;
    ok = importCounts(value).created === 40;
  } catch (error) {
    observed = `importHouseholds threw ${(error as Error).name}: ${(error as Error).message}`;
    ok = false;
  }
  const sizes = log
    .slice(start)
    .filter((o) => o.command === 'TransactWriteItems')
    .map((o) => `${o.items?.length ?? 0} items (${o.ok ? 'ok' : o.error})`);

  return {
    id: `import-${hamlets}-hamlets`,
    title: `one import call: 40 new rows spread over ${hamlets} hamlets of one ward`,
    expected: 'all 40 rows created',
    observed: `${observed}; TransactWriteItems sent: ${sizes.join(', ') || 'none'}`,
    ok,
  };
};

const meterMissesFailures = async (db: Db, log: Observed[], area: Area): Promise<CheckResult> => {
  const ward = area.wards[0];
  const input: HouseholdInput = {
    code: 'BENCH-DUP',
    ownerName: 'Phạm Văn Trùng',
    unitId: ward.id,
    kind: null,
    address: null,
    hamletId: null,
    phone: null,
    members: null,
    feeClass: null,
    sortingSince: null,
    collectorId: null,
    status: 'active',
    inactiveSince: null,
    inactiveReason: null,
    location: null,
    note: null,
  };
  await createHousehold(db, input, new Date().toISOString());
  const start = log.length;
  let error = 'none';
  const { cost } = await measure(db, async () => {
    try {
      await createHousehold(db, input, new Date().toISOString());
    } catch (e) {
      error = (e as { code?: string; name: string }).code ?? (e as Error).name;
    }
  });
  const sent = log.slice(start);

  return {
    id: 'meter-failed-requests',
    title: 'second create with the same code (rejected): does the meter count every request sent?',
    expected: `meter requests = requests sent (${sent.length})`,
    observed: `rejected with ${error}; requests sent: ${sent.map((o) => `${o.command}${o.ok ? '' : ` (failed: ${o.error})`}`).join(', ')}; meter counted ${cost.requests} (${JSON.stringify(cost.byCommand)})`,
    ok: cost.requests === sent.length,
  };
};

/** The same row imported twice must be "unchanged" the second time, location included. */
const locationRoundTrip = async (db: Db, area: Area): Promise<CheckResult> => {
  const ward = area.wards[0];
  const row = { code: 'LOC-1', ownerName: 'Võ Thị Định Vị', lat: '12,248943', lng: '109,178802' };
  const now = new Date().toISOString();
  const first = await importHouseholds(db, { rows: [row], unitId: ward.id }, now);
  const { value: second, cost } = await measure(db, () =>
    importHouseholds(db, { rows: [row], unitId: ward.id }, now),
  );
  const stored = first[0].id ? await getHousehold(db, first[0].id) : undefined;

  return {
    id: 'import-location-unchanged',
    title: 'one row with lat/lng imported, then the same row again',
    expected: 'second import: unchanged, 0 write units',
    observed: `first: ${first[0].status}; second: ${second[0].status}, ${cost.writeUnits} write units; stored location reads back as ${JSON.stringify(stored?.location)}, the row gives {"lat":12.248943,"lng":109.178802}`,
    ok: second[0].status === 'unchanged' && cost.writeUnits === 0,
  };
};

/**
 * The meter trusts DynamoDB Local's ConsumedCapacity. Ten equal small Puts cost 1 unit each as
 * PutItem, so in one transaction (2 units per item) they must report 20.
 */
const localTransactionCapacity = async (db: Db): Promise<CheckResult> => {
  const item = (i: number) => ({ pk: `BENCH_PROBE#${i}`, sk: 'PROBE', n: i });
  const { cost: plain } = await measure(db, async () => {
    for (let i = 0; i < 10; i += 1)
      await db.doc.send(new PutCommand({ TableName: db.tableName, Item: item(i) }));
  });
  const { cost: transaction } = await measure(db, () =>
    db.doc.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: 10 }, (_, i) => ({
          Put: { TableName: db.tableName, Item: item(100 + i) },
        })),
      }),
    ),
  );

  return {
    id: 'local-transaction-capacity',
    title: 'DynamoDB Local: capacity reported for a TransactWriteItems of 10 small Puts',
    expected: `2 × the same Puts done one by one (2 × ${plain.writeUnits} = ${2 * plain.writeUnits})`,
    observed: `10 PutItem: ${plain.writeUnits} write units; one TransactWriteItems of the same 10: ${transaction.writeUnits} write units`,
    ok: transaction.writeUnits === 2 * plain.writeUnits,
  };
};

export const runChecks = async (
  db: Db,
  log: Observed[],
  wide: Area,
  plain: Area,
): Promise<CheckResult[]> => [
  await hamletSpread(db, log, wide, 16, 'H16'),
  await hamletSpread(db, log, wide, 17, 'H17'),
  await locationRoundTrip(db, plain),
  await meterMissesFailures(db, log, plain),
  await localTransactionCapacity(db),
];
