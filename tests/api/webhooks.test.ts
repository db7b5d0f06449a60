/**
 * Gateway notifications end to end, on DynamoDB Local through the local HTTP server: attempts
 * opened by the product (MoMo, ZaloPay and payOS through the fake gateway), notifications signed
 * with the merchants' keys and delivered exactly as each gateway sends them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getBill } from '../../shared/bills/store';
import { putBill } from '../support/payments';
import {
  answerCode,
  deliver,
  GATEWAYS,
  merchantOf,
  newTxnId,
  notify,
  openAttempt,
  paymentOf,
  paymentsOfAttempt,
  startWebhookStack,
  storedAttempt,
  tableItemCount,
  type WebhookStack,
} from '../support/webhooks';
import { signedWebhook } from '../../shared/payments/gateways/payos';

let env: WebhookStack;
const db = () => env.stack.db;

before(async () => {
  env = await startWebhookStack();
});
after(async () => {
  await env?.stop();
});

/** What each gateway reads as "confirmed" and as "already confirmed". */
const CONFIRMED = { vnpay: '00', momo: 204, zalopay: 1, payos: 200 } as const;
const ALREADY = { vnpay: '02', momo: 204, zalopay: 2, payos: 200 } as const;

describe('a payment notification', () => {
  for (const gateway of GATEWAYS) {
    test(`${gateway}: pays the bill once, the attempt names the payment; the repeat answers "already confirmed" and stores nothing`, async () => {
      const bill = await putBill(db(), { amount: 44_000 });
      const { attempt } = await openAttempt(db(), env.fake, [bill], gateway);
      const txnId = newTxnId();

      const first = await notify(env, attempt, { txnId });
      assert.equal(answerCode(gateway, first), CONFIRMED[gateway], first.text);
      const paid = await getBill(db(), bill.id, true);
      const payment = await paymentOf(db(), gateway, txnId);
      assert.equal(paid?.status, 'paid');
      assert.equal(paid?.paymentId, payment?.id);
      assert.equal(payment?.status, 'recorded');
      assert.equal(payment?.amount, 44_000);
      assert.equal(payment?.attemptId, attempt.id);
      const settled = await storedAttempt(db(), attempt);
      assert.equal(settled.status, 'succeeded');
      assert.equal(settled.gatewayTxnId, txnId);
      assert.equal(settled.paymentId, payment?.id, 'the attempt names the payment that paid it');

      const items = await tableItemCount(db());
      const again = await notify(env, attempt, { txnId });
      assert.equal(answerCode(gateway, again), ALREADY[gateway], again.text);
      assert.equal(await tableItemCount(db()), items);
      assert.equal((await paymentsOfAttempt(db(), attempt.id)).length, 1);
    });
  }

  for (const gateway of ['vnpay', 'zalopay'] as const) {
    test(`${gateway}: ten identical notifications at once make exactly one payment`, async () => {
      const bill = await putBill(db(), { amount: 52_000 });
      const { attempt } = await openAttempt(db(), env.fake, [bill], gateway);
      const txnId = newTxnId();

      const answers = await Promise.all(
        Array.from({ length: 10 }, () => notify(env, attempt, { txnId })),
      );
      const codes = answers.map((response) => answerCode(gateway, response));
      assert.equal(codes.filter((code) => code === CONFIRMED[gateway]).length, 1, String(codes));
      assert.equal(codes.filter((code) => code === ALREADY[gateway]).length, 9, String(codes));
      assert.equal((await paymentsOfAttempt(db(), attempt.id)).length, 1);
      assert.equal((await getBill(db(), bill.id, true))?.status, 'paid');
    });
  }

  test('a failure notice after the payment never moves the bill or the attempt back', async () => {
    const bill = await putBill(db());
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'vnpay');
    await notify(env, attempt, { txnId: newTxnId() });

    const late = await notify(env, attempt, { txnId: newTxnId(), status: 'failed' });
    assert.equal(late.body.RspCode, '02');
    assert.equal((await getBill(db(), bill.id, true))?.status, 'paid');
    assert.equal((await storedAttempt(db(), attempt)).status, 'succeeded');
    assert.equal((await paymentsOfAttempt(db(), attempt.id)).length, 1);
  });

  test('a failure notice fails a pending attempt and leaves its bill unpaid', async () => {
    const bill = await putBill(db());
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'momo');

    const failed = await notify(env, attempt, { txnId: newTxnId(), status: 'failed' });
    assert.equal(failed.status, 204);
    assert.equal((await storedAttempt(db(), attempt)).status, 'failed');
    assert.equal((await getBill(db(), bill.id, true))?.status, 'unpaid');
    assert.equal((await paymentsOfAttempt(db(), attempt.id)).length, 0);
  });

  test('money arriving late for a failed attempt is still recorded and pays the bill', async () => {
    const bill = await putBill(db());
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'vnpay');
    await notify(env, attempt, { txnId: newTxnId(), status: 'failed' });

    const paid = await notify(env, attempt, { txnId: newTxnId() });
    assert.equal(paid.body.RspCode, '00');
    assert.equal((await getBill(db(), bill.id, true))?.status, 'paid');
    assert.equal((await storedAttempt(db(), attempt)).status, 'succeeded');
  });

  test('an amount other than the attempt asked leaves the bill unpaid and flags the payment', async () => {
    const bill = await putBill(db(), { amount: 44_000 });
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'vnpay');
    const txnId = newTxnId();

    const answer = await notify(env, attempt, { txnId, amount: 40_000 });
    assert.equal(answer.body.RspCode, '04');
    assert.equal((await getBill(db(), bill.id, true))?.status, 'unpaid');
    const payment = await paymentOf(db(), 'vnpay', txnId);
    assert.equal(payment?.status, 'flagged');
    assert.equal(payment?.amount, 40_000);
    assert.equal(payment?.expectedAmount, 44_000);
  });

  test('a second payment of a paid bill by another gateway is kept as an overpayment', async () => {
    const bill = await putBill(db(), { amount: 61_000 });
    const byVnpay = (await openAttempt(db(), env.fake, [bill], 'vnpay')).attempt;
    const byMomo = (await openAttempt(db(), env.fake, [bill], 'momo')).attempt;
    const first = newTxnId();
    const second = newTxnId();

    await notify(env, byVnpay, { txnId: first });
    const answer = await notify(env, byMomo, { txnId: second });
    assert.equal(answer.status, 204);
    const stored = await getBill(db(), bill.id, true);
    const original = await paymentOf(db(), 'vnpay', first);
    const extra = await paymentOf(db(), 'momo', second);
    assert.equal(stored?.status, 'paid');
    assert.equal(stored?.paymentId, original?.id);
    assert.equal(extra?.status, 'overpayment');
    assert.equal(extra?.amount, 61_000);
    assert.deepEqual(extra?.billIds, [bill.id]);
  });

  test('all unpaid bills of a household are paid by one attempt and one notification', async () => {
    const may = await putBill(db(), { month: '2024-05', amount: 44_000 });
    const june = await putBill(db(), {
      month: '2024-06',
      amount: 44_000,
      householdId: may.householdId,
    });
    const { attempt } = await openAttempt(db(), env.fake, [may, june], 'payos');
    assert.equal(attempt.amount, 88_000);
    assert.deepEqual(attempt.target.months, ['2024-05', '2024-06']);

    const answer = await notify(env, attempt, { txnId: `FT${newTxnId()}` });
    assert.equal(answer.status, 200);
    for (const bill of [may, june]) {
      assert.equal((await getBill(db(), bill.id, true))?.status, 'paid');
    }
  });

  test('money for an order we do not know is stored as unmatched, once', async () => {
    const txnId = newTxnId();
    const unknown = {
      gateway: 'vnpay' as const,
      orderId: 'NG999999999999999999999',
      amount: 30_000,
    };

    const answer = await notify(env, unknown, { txnId });
    assert.equal(answer.body.RspCode, '01');
    const payment = await paymentOf(db(), 'vnpay', txnId);
    assert.equal(payment?.status, 'unmatched');
    assert.equal(payment?.accountId, 'ubnd-22330-2409');
    assert.equal(payment?.orderId, unknown.orderId);
    const items = await tableItemCount(db());
    assert.equal((await notify(env, unknown, { txnId })).body.RspCode, '01');
    assert.equal(await tableItemCount(db()), items);
  });

  test("payOS' confirm-webhook test call is answered 2xx and stores nothing", async () => {
    // The sample payOS sends when a webhook URL is registered, signed with the channel's key.
    const sample = {
      orderCode: 123,
      amount: 3000,
      description: 'VQRIO123',
      accountNumber: '12345678',
      reference: 'TF230204212323',
      transactionDateTime: '2023-02-04 18:25:00',
      currency: 'VND',
      paymentLinkId: '124c33293c43417ab7879e14c8d9eb18',
      code: '00',
      desc: 'Thành công',
      counterAccountBankId: '',
      counterAccountBankName: '',
      counterAccountName: '',
      counterAccountNumber: '',
      virtualAccountName: '',
      virtualAccountNumber: '',
    };
    const merchant = merchantOf(env.fake, 'payos');
    if (merchant.gateway !== 'payos') throw new Error('not a payOS merchant');
    const items = await tableItemCount(db());

    const answer = await deliver(env.stack, 'payos', {
      body: signedWebhook(sample, merchant.credentials.checksumKey),
    });
    assert.equal(answer.status, 200);
    assert.equal(await tableItemCount(db()), items);
  });
});
