/**
 * The monthly billing run for 10,000 accounts: DynamoDB requests per account and the run's time
 * as a ratio to writing 10,000 invoice items with plain BatchWriteItem (25 a request, one request
 * at a time) on the same DynamoDB Local. Accounts and price plans are bulk-loaded in their stored
 * shape; the mix has full months, prorated starts, suspensions, closures, VAT, discounts, credit
 * and accounts still in their free year. A rerun of the month is measured too (it issues nothing).
 *
 * Also runs on its own: `tsx bench/billing.ts` starts an in-memory DynamoDB Local.
 */
import { pathToFileURL } from 'node:url';
import type { Account, StatusPeriod } from '../shared/accounts/fields';
import { chargeFor } from '../shared/billing/charge';
import type { PlanTerms, PricePlan } from '../shared/billing/fields';
import { buildInvoice, invoiceItem, invoiceNumber } from '../shared/billing/invoice-record';
import { INVOICES_PER_TRANSACTION } from '../shared/billing/issue';
import { readSequence } from '../shared/billing/ledger-items';
import { pricePlanItem } from '../shared/billing/plan-store';
import { DEFAULT_TERMS } from '../shared/billing/plans';
import { runBilling } from '../shared/billing/run';
import { createDb, type Db } from '../shared/db/client';
import { keys, TREE_ACCOUNTS } from '../shared/db/keys';
import { startDynamoLocal } from '../infra/local/dynamodb';
import { ensureTable } from '../infra/local/table';
import { batchWrite, batchWriteAll } from './load';
import { type Cost, measure } from './measure';
import { int } from './report';

const TABLE = 'nguon-bench-billing';
const ACCOUNTS = 10_000;
const MONTH = '2025-06';
const RUN_AT = new Date('2025-07-01T00:15:00+07:00').toISOString();
const CREATED = '2024-01-01T01:00:00.000Z';
const UNIT_PATH = '/bench-billing-p/bench-billing-w/';

const pad = (n: number) => String(n).padStart(5, '0');

/** One account of the mix, by its index: most billed for the whole month. */
const accountOf = (i: number): Account => {
  let activatedOn = `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
  if (i % 10 === 0) activatedOn = '2025-03-10'; // still in its free year in June 2025
  if (i % 10 === 1) activatedOn = '2024-06-16'; // billing starts on 16 June: 15 of 30 days
  let statusHistory: StatusPeriod[] = [{ status: 'active', from: '2024-01-01' }];
  if (i % 50 === 2) {
    statusHistory = [
      ...statusHistory,
      { status: 'suspended', from: '2025-06-10' },
      { status: 'active', from: '2025-06-20' },
    ];
  }
  if (i % 100 === 3) statusHistory = [...statusHistory, { status: 'closed', from: '2025-06-16' }];

  return {
    id: `bill-${pad(i)}`,
    name: `UBND Phường Bench ${i}`,
    kind: 'ward-committee',
    unitId: 'bench-billing-w',
    contactName: null,
    phone: null,
    email: null,
    status: statusHistory.at(-1)?.status ?? 'active',
    activatedOn,
    taxCode: `42${String(10_000_000 + i)}`,
    unitPath: UNIT_PATH,
    createdAt: CREATED,
    updatedAt: CREATED,
    version: 1,
    statusHistory,
  };
};

/** A plan version for some accounts: VAT for a quarter, a discount for a seventh. */
const planOf = (i: number): PricePlan | undefined => {
  const terms: Partial<PlanTerms> = {};
  if (i % 4 === 0) terms.vatRate = 10;
  if (i % 7 === 0) Object.assign(terms, { discountKind: 'percent', discountValue: 20 });
  if (Object.keys(terms).length === 0) return undefined;
  const accountId = `bill-${pad(i)}`;

  return {
    ...DEFAULT_TERMS,
    ...terms,
    id: `${accountId}.2024-01-01`,
    accountId,
    effectiveFrom: '2024-01-01',
    note: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    version: 1,
  };
};

/** The account's stored item, as shared/accounts/store.ts writes it. */
const accountItem = (account: Account) => ({
  ...keys.account(account.id),
  ...account,
  treePk: TREE_ACCOUNTS,
  treeSk: `${account.unitPath}#${account.id}`,
});

interface BillingBench {
  accounts: number;
  billable: number;
  raw: Cost;
  run: Cost & { issued: number; notBillable: number };
  rerun: Cost & { issued: number };
  sequence: number;
}

export const measureBilling = async (endpoint: string): Promise<BillingBench> => {
  const db: Db = createDb({ endpoint, tableName: TABLE });
  const loader = createDb({ endpoint, tableName: TABLE });
  await ensureTable(db);

  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => accountOf(i));
  const plans = accounts.flatMap((_, i) => planOf(i) ?? []);
  const credits = accounts
    .filter((_, i) => i % 20 === 5)
    .map((account) => ({
      ...keys.accountCredit(account.id),
      accountId: account.id,
      credit: 100_000,
    }));
  await batchWriteAll(
    loader,
    [...accounts.map(accountItem), ...plans.map(pricePlanItem), ...credits],
    4,
  );

  // The baseline: the same invoices the run will write, as plain items under other keys.
  const byAccount = new Map(plans.map((plan) => [plan.accountId, [plan]]));
  const invoices = accounts.flatMap((account, i) => {
    const charge = chargeFor(account, byAccount.get(account.id) ?? [], MONTH);
    if (!charge) return [];
    const invoice = buildInvoice({
      number: invoiceNumber('1999', i + 1),
      account,
      charge,
      creditApplied: 0,
      issuedOn: '2025-07-01',
      runId: 'raw',
      now: RUN_AT,
    });

    return [{ ...invoiceItem(invoice), pk: `BENCH_RAW#${i % 100}`, sk: invoice.number }];
  });
  const rawItems = Array.from({ length: ACCOUNTS }, (_, i) => ({
    ...invoices[i % invoices.length],
    sk: `raw-${i}`,
  }));
  const raw = await measure(db, async () => {
    for (let i = 0; i < rawItems.length; i += 25) await batchWrite(db, rawItems.slice(i, i + 25));
  });

  const run = await measure(db, () => runBilling(db, MONTH, { trigger: 'cli', now: RUN_AT }));
  const rerun = await measure(db, () => runBilling(db, MONTH, { trigger: 'cli', now: RUN_AT }));

  return {
    accounts: ACCOUNTS,
    billable: invoices.length,
    raw: raw.cost,
    run: { ...run.cost, issued: run.value.issued, notBillable: run.value.notBillable },
    rerun: { ...rerun.cost, issued: rerun.value.issued },
    sequence: await readSequence(db, MONTH.slice(0, 4)),
  };
};

const commands = (cost: Cost) =>
  Object.entries(cost.byCommand)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([command, n]) => `${command} ${int(n)}`)
    .join(', ');

export const renderBilling = (b: BillingBench): string => {
  const seconds = (cost: Cost) => (cost.ms / 1000).toFixed(1);
  const perAccount = (cost: Cost) => (cost.requests / b.accounts).toFixed(3);
  const transactions = Math.ceil(b.run.issued / INVOICES_PER_TRANSACTION);
  const ok = b.run.issued === b.billable && b.rerun.issued === 0 && b.sequence === b.billable;

  return [
    '### 5. Monthly billing run, 10,000 accounts',
    '',
    `${int(b.accounts)} accounts (${int(b.billable)} with a billable day in ${MONTH}: full months, ` +
      'prorated starts, suspensions and closures mid-month, VAT on a quarter, a discount on a ' +
      'seventh, credit on a twentieth; the rest still in their free year), bulk-loaded. ' +
      'Counts from the meter; times are one run each.',
    '',
    '| Operation | DynamoDB requests | per account | Read units | Write units (as reported) | Seconds | ÷ raw |',
    '|---|---|---|---|---|---|---|',
    `| raw BatchWriteItem of ${int(b.accounts)} invoice items, 25 a request | ${int(b.raw.requests)} | ${perAccount(b.raw)} | – | ${int(b.raw.writeUnits)} | ${seconds(b.raw)} | 1.00 |`,
    `| billing run: ${int(b.run.issued)} invoices issued | ${int(b.run.requests)} | ${perAccount(b.run)} | ${int(b.run.readUnits)} | ${int(b.run.writeUnits)} | ${seconds(b.run)} | ${(b.run.ms / b.raw.ms).toFixed(2)} |`,
    `| the same month again: ${int(b.rerun.issued)} issued | ${int(b.rerun.requests)} | ${perAccount(b.rerun)} | ${int(b.rerun.readUnits)} | ${int(b.rerun.writeUnits)} | ${seconds(b.rerun)} | ${(b.rerun.ms / b.raw.ms).toFixed(2)} |`,
    '',
    `- Run requests by command: ${commands(b.run)}; rerun: ${commands(b.rerun)}.`,
    `- ${int(transactions)} transactions of up to ${INVOICES_PER_TRANSACTION} invoices, each with its ` +
      "(account, month) guard, credit taken, audit event, the year's sequence and the month's totals; " +
      "the reads are one query each for accounts, price plans and the month's guards, and the " +
      'credits in batches of 100.',
    `- Checks: ${ok ? 'pass' : 'FAIL'} — issued ${int(b.run.issued)} of ${int(b.billable)} billable; ` +
      `the year's sequence ends at ${int(b.sequence)} (no gap); the rerun issued ${b.rerun.issued}.`,
    '- DynamoDB Local under-reports the write units of transactions (equal items counted once); ' +
      'on AWS each invoice transaction bills 2 units per KB of every item it writes.',
    '',
  ].join('\n');
};

export const runBillingBench = async (endpoint: string): Promise<string> =>
  renderBilling(await measureBilling(endpoint));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.LOG_LEVEL ??= 'warn';
  const dynamo = await startDynamoLocal();
  try {
    process.stdout.write(`${await runBillingBench(dynamo.endpoint)}\n`);
  } finally {
    await dynamo.stop();
  }
}
