/**
 * What a gateway notification costs: DynamoDB requests per webhook call, for the first delivery
 * (the payment and its bill settled) and for a repeat (answered "already confirmed"), through the
 * real Lambda handler (functions/webhooks/handler.ts) with correctly signed notifications of each
 * gateway; and the handler's time per call as a ratio to one PutItem on the same DynamoDB Local.
 * Opening an attempt (VNPay, one bill: no gateway call) is measured too.
 *
 * Bills and attempts are written straight into the table in their stored shape (not measured);
 * every call is measured alone. Times are medians of many calls; counts come from the meter.
 *
 * Also runs on its own: `tsx bench/payments.ts` starts an in-memory DynamoDB Local.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Bill } from '../shared/bills/fields';
import { billItem, referenceItem } from '../shared/bills/record';
import { newReference } from '../shared/bills/reference';
import { type Db, defaultDb } from '../shared/db/client';
import { transactWrite } from '../shared/db/transact';
import { attemptItem, createAttempt, type PaymentAttempt } from '../shared/payments/attempts';
import { orderIdFor } from '../shared/payments/gateways/index';
import type { GatewayName } from '../shared/payments/gateways/types';
import { demoMerchants, type Merchant, useMerchants } from '../shared/payments/merchants';
import { startDynamoLocal } from '../infra/local/dynamodb';
import {
  AMOUNT,
  eventOf,
  isAnswer,
  paidNotification,
  type WebhookEvent,
} from './gateway-notifications';
import { ensureTable } from '../infra/local/table';
import { median } from './measure';

const TABLE = 'nguon-bench-payments';
const ACCOUNT = 'bench-committee';
const RUNS = 30;
const WARM_UP = 5;
const GATEWAYS: GatewayName[] = ['vnpay', 'momo', 'zalopay', 'payos'];

interface Sample {
  label: string;
  /** Mean requests per call; `byCommand` of one call. */
  requests: number;
  byCommand: Record<string, number>;
  readUnits: number;
  writeUnits: number;
  ms: number;
  /** Calls whose answer was the one expected, of `calls`. */
  answeredRight: number;
  calls: number;
}

const sample = async (
  db: Db,
  label: string,
  calls: Array<() => Promise<boolean>>,
): Promise<Sample> => {
  const times: number[] = [];
  let requests = 0;
  let readUnits = 0;
  let writeUnits = 0;
  let byCommand: Record<string, number> = {};
  let answeredRight = 0;
  for (const call of calls) {
    db.meter.reset();
    const started = performance.now();
    const right = await call();
    times.push(performance.now() - started);
    const reading = db.meter.read();
    requests += reading.requests;
    readUnits += reading.readUnits;
    writeUnits += reading.writeUnits;
    byCommand = reading.byCommand;
    if (right) answeredRight += 1;
  }
  const n = calls.length;

  return {
    label,
    requests: requests / n,
    byCommand,
    readUnits: readUnits / n,
    writeUnits: writeUnits / n,
    ms: median(times),
    answeredRight,
    calls: n,
  };
};

const billOf = (n: number): Bill => {
  const householdId = randomUUID();

  return {
    id: `${householdId}.2025-06`,
    householdId,
    householdCode: `BENCH-${n}`,
    unitId: 'bench-ward',
    hamletId: null,
    unitPath: '/bench-province/bench-city/bench-ward/',
    accountId: ACCOUNT,
    month: '2025-06',
    amount: AMOUNT,
    status: 'unpaid',
    reference: newReference(),
    scheduleId: 'bench',
    pricing: 'household-tiers',
    kind: 'household',
    feeClass: 'standard',
    members: 4,
    paymentId: null,
    settledAt: null,
    waivedBy: null,
    reason: null,
    createdAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
    version: 1,
  };
};

/** A pending attempt for one fresh bill, written in its stored shape. */
const openAttempt = async (db: Db, merchant: Merchant, n: number): Promise<PaymentAttempt> => {
  const bill = billOf(n);
  const now = new Date().toISOString();
  const orderId = orderIdFor(merchant.gateway, now);
  const attempt: PaymentAttempt = {
    id: `${merchant.gateway}.${orderId}`,
    orderId,
    gateway: merchant.gateway,
    target: {
      kind: 'bills',
      householdId: bill.householdId,
      billIds: [bill.id],
      months: [bill.month],
    },
    accountId: ACCOUNT,
    merchantId: merchant.merchantId,
    amount: AMOUNT,
    description: `Phi rac ${bill.reference}`,
    unitPath: bill.unitPath,
    status: 'pending',
    createdAt: now,
    expiresAt: now,
    settledAt: null,
    gatewayTxnId: null,
    resultCode: null,
    paymentId: null,
  };
  await transactWrite(db, [
    { Put: { TableName: db.tableName, Item: billItem(bill) } },
    { Put: { TableName: db.tableName, Item: referenceItem(bill) } },
    { Put: { TableName: db.tableName, Item: attemptItem(attempt) } },
  ]);

  return attempt;
};

export interface PaymentsBench {
  putItem: Sample;
  openAttempt: Sample;
  calls: Array<{ gateway: GatewayName; first: Sample; repeat: Sample }>;
}

export const measurePayments = async (endpoint: string): Promise<PaymentsBench> => {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  // The handler reads its table from the environment once per instance (as in Lambda): when
  // another part of the bench made it first, that table is used, which changes no count.
  process.env.TABLE_NAME ??= TABLE;
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'warn';
  const db = defaultDb();
  await ensureTable(db);
  const config = demoMerchants([ACCOUNT]);
  useMerchants(config);
  const { handler } = await import('../functions/webhooks/handler');
  const invoke = (event: WebhookEvent) =>
    handler(event, {} as never) as Promise<{ statusCode?: number; body?: string }>;

  try {
    const puts = (n: number) =>
      Array.from({ length: n }, (_, i) => async () => {
        const item = { pk: `BENCH_PUT#${randomUUID()}`, sk: 'ITEM', n: i, text: 'x'.repeat(160) };
        await db.doc.send(new PutCommand({ TableName: db.tableName, Item: item }));

        return true;
      });
    // The JVM answers its first requests slowly: warm it before timing anything.
    await sample(db, 'warm-up', puts(RUNS));
    const putItem = await sample(db, 'one PutItem (a 200-byte item)', puts(RUNS * 2));

    const bills = await Promise.all(Array.from({ length: RUNS }, (_, i) => billOf(10_000 + i)));
    for (const bill of bills) {
      await transactWrite(db, [
        { Put: { TableName: db.tableName, Item: billItem(bill) } },
        { Put: { TableName: db.tableName, Item: referenceItem(bill) } },
      ]);
    }
    const opening = await sample(
      db,
      'open an attempt: VNPay, one bill (no gateway call)',
      bills.map((bill) => async () => {
        const started = await createAttempt(
          db,
          {
            target: { kind: 'bills', householdId: bill.householdId, billIds: [bill.id] },
            gateway: 'vnpay',
            returnUrl: 'https://nguon.example/lookup/ket-qua',
            clientIp: '127.0.0.1',
          },
          new Date().toISOString(),
        );

        return Boolean(started.redirectUrl);
      }),
    );

    const calls: PaymentsBench['calls'] = [];
    let serial = 0;
    for (const gateway of GATEWAYS) {
      const merchant = config.merchants.find((m) => m.gateway === gateway) as Merchant;
      const events: WebhookEvent[] = [];
      for (let i = 0; i < RUNS + WARM_UP; i += 1) {
        const attempt = await openAttempt(db, merchant, i);
        serial += 1;
        const txnId = `${Date.now() % 1e9}${String(serial).padStart(4, '0')}`;
        events.push(eventOf(gateway, paidNotification(merchant, attempt.orderId, txnId)));
      }
      // A few untimed calls first, so that the gateway's code path is warm.
      for (const event of events.splice(0, WARM_UP)) {
        await invoke(event);
        await invoke(event);
      }
      const first = await sample(
        db,
        `${gateway}: first delivery`,
        events.map((event) => async () => isAnswer(gateway, false, await invoke(event))),
      );
      const repeat = await sample(
        db,
        `${gateway}: repeat`,
        events.map((event) => async () => isAnswer(gateway, true, await invoke(event))),
      );
      calls.push({ gateway, first, repeat });
    }

    return { putItem, openAttempt: opening, calls };
  } finally {
    if (level === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = level;
  }
};

const commands = (s: Sample) =>
  Object.entries(s.byCommand)
    .map(([command, n]) => `${n} ${command}`)
    .join(', ');

const row = (s: Sample, base: Sample) =>
  `| ${s.label} | ${s.requests.toFixed(2)} (${commands(s)}) | ${s.readUnits.toFixed(1)} | ` +
  `${s.writeUnits.toFixed(1)} | ${s.ms.toFixed(1)} | ${(s.ms / base.ms).toFixed(1)} | ${s.answeredRight}/${s.calls} |`;

export const renderPayments = (b: PaymentsBench): string => {
  const samples = b.calls.flatMap((c) => [c.first, c.repeat]);
  const ok = samples.every((s) => s.answeredRight === s.calls);

  return [
    '### 7. Payment webhooks',
    '',
    `${RUNS} calls per line through the webhooks' Lambda handler, each notification correctly ` +
      'signed for its own attempt of one unpaid bill; the repeat sends the same notification ' +
      'again. Requests are per call (from the meter, refused requests included); times are ' +
      'medians, as a ratio to one PutItem on the same DynamoDB Local.',
    '',
    '| Call | DynamoDB requests per call | Read units | Write units (Local) | ms (median) | ÷ PutItem | Answered as expected |',
    '|---|---|---|---|---|---|---|',
    row(b.putItem, b.putItem),
    row(b.openAttempt, b.putItem),
    ...samples.map((s) => row(s, b.putItem)),
    '',
    '- A first delivery reads the attempt (one GetItem, after the signature verified) and its ' +
      'bills (one BatchGetItem), then writes the payment, its (gateway, transaction) guard, its ' +
      "audit event, the bill, the bill's audit event and the attempt's new state in one transaction.",
    "- A repeat reads the attempt only: it already holds the gateway's transaction id, written in " +
      'the same transaction as the payment, so the answer is "already confirmed" with no write.',
    `- Checks: ${ok ? 'pass' : 'FAIL'} — every call answered in its gateway's form as expected.`,
    '- DynamoDB Local under-reports the write units of transactions (equal items counted once).',
    '',
  ].join('\n');
};

export const runPaymentsBench = async (endpoint: string): Promise<string> =>
  renderPayments(await measurePayments(endpoint));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dynamo = await startDynamoLocal();
  try {
    process.stdout.write(`${await runPaymentsBench(dynamo.endpoint)}\n`);
  } finally {
    await dynamo.stop();
  }
}
