/**
 * Billing runs on DynamoDB Local: a rerun issues nothing and changes no number; runs of the same
 * month at once (separate clients, and the admin's button) still give exactly one invoice per
 * account and numbers without gaps; a run that loses a race mid-way gives up no number.
 */
import assert from 'node:assert/strict';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import type { Invoice } from '../../shared/billing/fields';
import { listInvoices } from '../../shared/billing/invoice-store';
import { readSequence } from '../../shared/billing/ledger-items';
import { invoicedAccounts, runBilling } from '../../shared/billing/run';
import { createDb, type Db } from '../../shared/db/client';
import { request } from '../support/api';
import { billedAccount, ict } from '../support/billing';
import { bearer, signIn, startTestStack } from '../support/stack';

/** Enough accounts for several transactions of 24 invoices per run. */
const ACCOUNTS = 60;
const ids = Array.from({ length: ACCOUNTS }, (_, i) => `run-${String(i + 1).padStart(2, '0')}`);

let stack: LocalStack;
const client = (): Db => createDb({ endpoint: stack.dynamoEndpoint, tableName: 'nguon-test' });

const invoicesOfMonth = async (month: string): Promise<Invoice[]> =>
  (
    await listInvoices(stack.db, {
      sort: { field: 'number', order: 'ASC' },
      range: { start: 0, end: 999 },
      filter: { month },
    })
  ).records;

/** Exactly one invoice per account, numbered `from`…`from + n − 1` of the year, no gap. */
const assertOnePerAccount = async (month: string, from: number) => {
  const invoices = await invoicesOfMonth(month);
  assert.equal(invoices.length, ACCOUNTS, `invoices of ${month}`);
  assert.deepEqual([...new Set(invoices.map((i) => i.accountId))].sort(), ids);
  const year = month.slice(0, 4);
  assert.deepEqual(
    invoices.map((invoice) => invoice.number),
    ids.map((_, i) => `NG-${year}-${String(from + i).padStart(6, '0')}`),
  );
  assert.equal((await invoicedAccounts(stack.db, month)).size, ACCOUNTS);

  return invoices;
};

before(async () => {
  stack = await startTestStack(0);
  // Activated in 2022 with no free months: billable in 2023, when no demo account is.
  for (const id of ids) await billedAccount(stack.db, id, '2022-06-01', { freeMonths: 0 });
});

after(async () => {
  await stack?.stop();
});

describe('billing runs', () => {
  test('a rerun of a month issues nothing and changes no number', async () => {
    const first = await runBilling(stack.db, '2023-01', {
      trigger: 'cli',
      now: ict('2023-02-01', '00:15'),
    });
    assert.equal(first.issued, ACCOUNTS);
    assert.deepEqual([first.firstNumber, first.lastNumber], ['NG-2023-000001', 'NG-2023-000060']);
    const before = await assertOnePerAccount('2023-01', 1);

    const again = await runBilling(stack.db, '2023-01', { trigger: 'cli' });
    assert.deepEqual([again.issued, again.alreadyInvoiced], [0, ACCOUNTS]);
    assert.deepEqual(await invoicesOfMonth('2023-01'), before);
    assert.equal(await readSequence(stack.db, '2023'), ACCOUNTS);
  });

  test('three runs of the same month at once: one invoice per account, no gap', async () => {
    const operator = await signIn(stack);
    const runs = await Promise.all([
      runBilling(client(), '2023-02', { trigger: 'cli' }),
      runBilling(client(), '2023-02', { trigger: 'cli' }),
      request(stack.url, 'POST', '/api/billing-runs', { month: '2023-02' }, bearer(operator)).then(
        (response) => {
          assert.equal(response.status, 201, response.text);

          return response.body;
        },
      ),
    ]);
    assert.equal(
      runs.reduce((sum, run) => sum + run.issued, 0),
      ACCOUNTS,
      `issued by each run: ${runs.map((run) => run.issued).join(', ')}`,
    );
    await assertOnePerAccount('2023-02', ACCOUNTS + 1);
    assert.equal(await readSequence(stack.db, '2023'), 2 * ACCOUNTS);
  });

  test('a run that loses the race mid-way gives up no number and issues nothing twice', async () => {
    // Run A writes its first transaction, then run B bills the whole month before A's second
    // transaction is sent: A's second write fails, A reads again and finds the rest issued.
    const a = client();
    const send = a.doc.send.bind(a.doc);
    let transactions = 0;
    let b: Awaited<ReturnType<typeof runBilling>> | undefined;
    a.doc.send = (async (command: unknown, ...rest: unknown[]) => {
      if (command instanceof TransactWriteCommand && (transactions += 1) === 2) {
        b = await runBilling(client(), '2023-03', { trigger: 'cli' });
      }

      return (send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
    }) as typeof a.doc.send;

    const runA = await runBilling(a, '2023-03', { trigger: 'cli' });
    assert.ok(b, 'run B ran in between');
    assert.equal(runA.issued, 24, 'A issued its first transaction only');
    assert.equal(b.issued, ACCOUNTS - 24);
    assert.equal(runA.alreadyInvoiced, ACCOUNTS - 24);
    await assertOnePerAccount('2023-03', 2 * ACCOUNTS + 1);
    assert.equal(await readSequence(stack.db, '2023'), 3 * ACCOUNTS);
  });
});
