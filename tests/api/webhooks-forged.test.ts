/**
 * Forged and tampered notifications store nothing at all (the table's item count is unchanged)
 * and are answered as each gateway expects; a valid signature of another configured terminal
 * does not pay this terminal's bill; and a VNPay notification whose order text holds spaces and
 * `:` verifies when it comes through the local HTTP server as a query string.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getBill } from '../../shared/bills/store';
import * as vnpay from '../../shared/payments/gateways/vnpay';
import { ictStamp } from '../../shared/payments/gateways/signing';
import type { GatewayName } from '../../shared/payments/gateways/types';
import type { Merchant } from '../../shared/payments/merchants';
import { request } from '../support/api';
import { signedNotification } from '../support/fake-gateway';
import { committeeOf, OTHER_WARD, putBill } from '../support/payments';
import {
  answerCode,
  deliver,
  GATEWAYS,
  merchantOf,
  newTxnId,
  openAttempt,
  paymentOf,
  startWebhookStack,
  storedAttempt,
  tableItemCount,
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

const BAD_SIGNATURE = { vnpay: '97', momo: 400, zalopay: -1, payos: 400 } as const;

type Signed = { rawQuery: string } | { body: string };

/** Changes the amount inside a signed notification, keeping its signature. */
const tamperAmount = (gateway: GatewayName, signed: Signed, amount: number, to: number): Signed => {
  if ('rawQuery' in signed) {
    return { rawQuery: signed.rawQuery.replace(`vnp_Amount=${amount * 100}`, `vnp_Amount=${to}`) };
  }
  const body = JSON.parse(signed.body);
  if (gateway === 'zalopay') body.data = body.data.replace(`"amount":${amount}`, `"amount":${to}`);
  else if (gateway === 'payos') body.data.amount = to;
  else body.amount = to;

  return { body: JSON.stringify(body) };
};

/** Drops the signature field. */
const unsigned = (signed: Signed): Signed => {
  if ('rawQuery' in signed) {
    return { rawQuery: signed.rawQuery.replace(/&?vnp_SecureHash=[0-9a-f]+/, '') };
  }
  const { signature: _signature, mac: _mac, ...rest } = JSON.parse(signed.body);

  return { body: JSON.stringify(rest) };
};

/** The same merchant with a key that is not the configured one. */
const withWrongKey = (merchant: Merchant): Merchant => {
  const wrong = 'kLtgPl8HHhfvMuDHPwKfgfsY4YdmWRONG';
  switch (merchant.gateway) {
    case 'vnpay':
      return { ...merchant, credentials: { ...merchant.credentials, hashSecret: wrong } };
    case 'momo':
      return { ...merchant, credentials: { ...merchant.credentials, secretKey: wrong } };
    case 'zalopay':
      return { ...merchant, credentials: { ...merchant.credentials, key2: wrong } };
    default:
      return { ...merchant, credentials: { ...merchant.credentials, checksumKey: wrong } };
  }
};

describe('a forged or tampered notification', () => {
  for (const gateway of GATEWAYS) {
    test(`${gateway}: tampered, wrongly keyed or unsigned, it is refused and stores nothing`, async () => {
      const bill = await putBill(db(), { amount: 44_000 });
      const { attempt } = await openAttempt(db(), env.fake, [bill], gateway);
      const merchant = merchantOf(env.fake, gateway);
      const payment = { orderId: attempt.orderId, amount: 44_000, txnId: newTxnId() };
      const genuine = signedNotification(merchant, payment);
      const forgeries: Record<string, Signed> = {
        tampered: tamperAmount(gateway, genuine, 44_000, 100),
        'wrong key': signedNotification(withWrongKey(merchant), payment),
        unsigned: unsigned(genuine),
      };
      const items = await tableItemCount(db());

      for (const [kind, forged] of Object.entries(forgeries)) {
        const answer = await deliver(env.stack, gateway, forged);
        assert.equal(
          answerCode(gateway, answer),
          BAD_SIGNATURE[gateway],
          `${kind}: ${answer.text}`,
        );
      }
      assert.equal(await tableItemCount(db()), items);
      assert.equal((await getBill(db(), bill.id, true))?.status, 'unpaid');
      assert.equal((await storedAttempt(db(), attempt)).status, 'pending');

      // The genuine notification still pays: nothing the forgeries did turned it away.
      const real = await deliver(env.stack, gateway, genuine);
      assert.notEqual(answerCode(gateway, real), BAD_SIGNATURE[gateway]);
      assert.equal((await getBill(db(), bill.id, true))?.status, 'paid');
    });
  }

  test('a terminal that is not configured is refused, even with a signature of its own', async () => {
    const bill = await putBill(db());
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'vnpay');
    const stranger = merchantOf(env.fake, 'vnpay');
    if (stranger.gateway !== 'vnpay') throw new Error('not VNPay');
    const foreign: Merchant = {
      ...stranger,
      merchantId: 'STRANGER',
      credentials: { ...stranger.credentials, tmnCode: 'STRANGER', hashSecret: 'its-own-secret' },
    };
    const items = await tableItemCount(db());

    const answer = await deliver(
      env.stack,
      'vnpay',
      signedNotification(foreign, { orderId: attempt.orderId, amount: 44_000, txnId: newTxnId() }),
    );
    assert.equal(answer.body.RspCode, '97');
    assert.equal(await tableItemCount(db()), items);
  });

  test("another ward's terminal cannot pay this ward's bill: its money is kept unmatched", async () => {
    const bill = await putBill(db());
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'vnpay');
    const otherWard = merchantOf(env.fake, 'vnpay', committeeOf(OTHER_WARD));
    const txnId = newTxnId();

    const answer = await deliver(
      env.stack,
      'vnpay',
      signedNotification(otherWard, { orderId: attempt.orderId, amount: 44_000, txnId }),
    );
    assert.equal(answer.body.RspCode, '01');
    assert.equal((await getBill(db(), bill.id, true))?.status, 'unpaid');
    assert.equal((await storedAttempt(db(), attempt)).status, 'pending');
    const kept = await paymentOf(db(), 'vnpay', txnId);
    assert.equal(kept?.status, 'unmatched');
    assert.equal(kept?.accountId, committeeOf(OTHER_WARD));
  });
});

describe('notifications through the local HTTP server', () => {
  test('a body API Gateway passes base64-encoded (a non-JSON content type) verifies as sent', async () => {
    const bill = await putBill(db(), { amount: 44_000 });
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'zalopay');
    const txnId = newTxnId();
    const signed = signedNotification(merchantOf(env.fake, 'zalopay'), {
      orderId: attempt.orderId,
      amount: 44_000,
      txnId,
    });
    if (!('body' in signed)) throw new Error('ZaloPay sends a body');

    const answer = await request(env.stack.url, 'POST', '/api/webhooks/zalopay', signed.body, {
      'content-type': 'application/octet-stream',
    });
    assert.equal(answer.body.return_code, 1, answer.text);
    assert.equal((await paymentOf(db(), 'zalopay', txnId))?.status, 'recorded');
  });

  test('VNPay with spaces and ":" in vnp_OrderInfo verifies over the raw query string and pays', async () => {
    const bill = await putBill(db(), { amount: 44_000 });
    const { attempt } = await openAttempt(db(), env.fake, [bill], 'vnpay');
    const merchant = merchantOf(env.fake, 'vnpay');
    if (merchant.gateway !== 'vnpay') throw new Error('not VNPay');
    const txnId = newTxnId();
    const rawQuery = vnpay.signedQuery(
      {
        vnp_Amount: '4400000',
        vnp_BankCode: 'NCB',
        vnp_BankTranNo: `VNP${txnId}`,
        vnp_CardType: 'ATM',
        vnp_OrderInfo: `Thanh toan phi rac: ho ${bill.householdCode}, luc 09:15:30`,
        vnp_PayDate: ictStamp(new Date()),
        vnp_ResponseCode: '00',
        vnp_TmnCode: merchant.credentials.tmnCode,
        vnp_TransactionNo: txnId,
        vnp_TransactionStatus: '00',
        vnp_TxnRef: attempt.orderId,
      },
      merchant.credentials.hashSecret,
    );
    // As VNPay sends it: form-encoded, spaces as `+`, `:` as `%3A`.
    assert.match(rawQuery, /vnp_OrderInfo=Thanh\+toan\+phi\+rac%3A\+ho\+/);

    const answer = await deliver(env.stack, 'vnpay', { rawQuery });
    assert.deepEqual(answer.body, { RspCode: '00', Message: 'Confirm Success' });
    assert.equal((await getBill(db(), bill.id, true))?.status, 'paid');
    assert.equal((await paymentOf(db(), 'vnpay', txnId))?.amount, 44_000);
  });
});
