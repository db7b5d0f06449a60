/**
 * Lost notifications: the scheduled check asks the (fake) gateway about attempts pending for
 * 15 minutes, settles a paid one exactly as a webhook would (a notification arriving as well
 * records nothing twice), fails one the gateway reports failed, expires an unpaid one once its
 * window and grace have passed, and leaves alone what is younger or what it cannot ask about.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getBill } from '../../shared/bills/store';
import type { Bill } from '../../shared/bills/fields';
import type { AttemptMethod, PaymentAttempt } from '../../shared/payments/attempts';
import {
  CHECK_AFTER_MINUTES,
  checkPendingAttempts,
  EXPIRES_AFTER_MINUTES,
} from '../../shared/payments/query-pending';
import { putBill } from '../support/payments';
import {
  GATEWAYS,
  newTxnId,
  notify,
  openAttempt,
  paymentOf,
  paymentsOfAttempt,
  startWebhookStack,
  storedAttempt,
  type WebhookStack,
} from '../support/webhooks';

let env: WebhookStack;
const db = () => env.stack.db;

before(async () => {
  env = await startWebhookStack();
});
after(async () => {
  await env?.stop();
});

const NOW = new Date().toISOString();
const minutesAgo = (n: number) => new Date(Date.parse(NOW) - n * 60_000).toISOString();

/** An attempt for a fresh bill, opened `age` minutes before NOW. */
const attemptAged = async (gateway: AttemptMethod, age: number, amount = 44_000) => {
  const bill = await putBill(db(), { amount });
  const { attempt } = await openAttempt(db(), env.fake, [bill], gateway, minutesAgo(age));

  return { bill, attempt };
};

const check = () => checkPendingAttempts(db(), NOW, { merchants: env.fake.directory });

const billStatus = async (bill: Bill) => (await getBill(db(), bill.id, true))?.status;

const queriesFor = (orderId: string) =>
  env.fake.requests.filter((r) => r.kind === 'query' && r.orderId === orderId);

describe('the pending-attempt check', () => {
  test('settles a paid order of every gateway the way its webhook would, and only once', async () => {
    const opened: Array<{
      gateway: (typeof GATEWAYS)[number];
      bill: Bill;
      attempt: PaymentAttempt;
      txnId: string;
    }> = [];
    for (const gateway of GATEWAYS) {
      const { bill, attempt } = await attemptAged(gateway, CHECK_AFTER_MINUTES + 5);
      const txnId = gateway === 'payos' ? `FT${newTxnId()}` : newTxnId();
      env.fake.setOrder(gateway, attempt.orderId, { status: 'paid', amount: 44_000, txnId });
      opened.push({ gateway, bill, attempt, txnId });
    }

    const summary = await check();
    assert.equal(summary.settled, 4, JSON.stringify(summary));
    for (const { gateway, bill, attempt, txnId } of opened) {
      assert.equal(await billStatus(bill), 'paid', gateway);
      assert.equal((await storedAttempt(db(), attempt)).status, 'succeeded', gateway);
      const payment = await paymentOf(db(), gateway, txnId);
      assert.equal(payment?.status, 'recorded', gateway);
      assert.equal(payment?.attemptId, attempt.id, gateway);
      assert.ok(
        queriesFor(attempt.orderId).every((r) => r.signatureValid),
        gateway,
      );
    }

    // The notification that was late arrives after all: nothing is recorded twice.
    const { attempt, txnId } = opened[0];
    const late = await notify(env, attempt, { txnId });
    assert.equal(late.body.RspCode, '02');
    assert.equal((await paymentsOfAttempt(db(), attempt.id)).length, 1);
    // Settled attempts have left the pending index: the next run does not ask again.
    const asked = env.fake.requests.length;
    await check();
    assert.equal(
      env.fake.requests
        .slice(asked)
        .filter((r) => opened.some((o) => o.attempt.orderId === r.orderId)).length,
      0,
    );
  });

  test('expires an unpaid attempt after its window, and keeps a younger one open', async () => {
    const old = await attemptAged('vnpay', EXPIRES_AFTER_MINUTES + 1);
    const young = await attemptAged('momo', CHECK_AFTER_MINUTES + 1);
    env.fake.setOrder('momo', young.attempt.orderId, {
      status: 'pending',
      amount: 44_000,
      txnId: '0',
    });

    await check();
    const expired = await storedAttempt(db(), old.attempt);
    assert.equal(expired.status, 'expired');
    assert.equal(expired.settledAt, NOW);
    assert.equal(await billStatus(old.bill), 'unpaid');
    assert.equal((await storedAttempt(db(), young.attempt)).status, 'pending');
    assert.equal(queriesFor(young.attempt.orderId).length, 1);

    // Money that arrives after all for the expired attempt is still recorded and pays the bill.
    const paid = await notify(env, old.attempt, { txnId: newTxnId() });
    assert.equal(paid.body.RspCode, '00');
    assert.equal(await billStatus(old.bill), 'paid');
  });

  test('fails an attempt the gateway reports failed, leaving its bill unpaid', async () => {
    const { bill, attempt } = await attemptAged('zalopay', CHECK_AFTER_MINUTES + 2);
    env.fake.setOrder('zalopay', attempt.orderId, { status: 'failed', amount: 44_000, txnId: '0' });

    await check();
    assert.equal((await storedAttempt(db(), attempt)).status, 'failed');
    assert.equal(await billStatus(bill), 'unpaid');
    assert.equal((await paymentsOfAttempt(db(), attempt.id)).length, 0);
  });

  test('does not ask about an attempt younger than 15 minutes', async () => {
    const { attempt } = await attemptAged('payos', CHECK_AFTER_MINUTES - 5);
    env.fake.setOrder('payos', attempt.orderId, { status: 'paid', amount: 44_000, txnId: 'FT1' });

    await check();
    assert.equal(queriesFor(attempt.orderId).length, 0);
    assert.equal((await storedAttempt(db(), attempt)).status, 'pending');
  });

  test('a gateway that is down leaves the attempt pending for the next run, even past its window', async () => {
    const { bill, attempt } = await attemptAged('momo', EXPIRES_AFTER_MINUTES + 5);
    env.fake.setOrder('momo', attempt.orderId, {
      status: 'paid',
      amount: 44_000,
      txnId: newTxnId(),
    });
    env.fake.setOutage('momo', 503);
    try {
      const summary = await check();
      assert.ok(summary.errors >= 1, JSON.stringify(summary));
      assert.equal((await storedAttempt(db(), attempt)).status, 'pending');
    } finally {
      env.fake.setOutage('momo', null);
    }

    await check();
    assert.equal((await storedAttempt(db(), attempt)).status, 'succeeded');
    assert.equal(await billStatus(bill), 'paid');
  });
});
