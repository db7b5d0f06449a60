import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { orderIdFor } from './index';
import * as payos from './payos';
import type { PayosCredentials } from './types';

/** GATEWAYS.md V6: the payOS docs sample (also what confirm-webhook sends). */
const V6_DATA = JSON.parse(
  '{"orderCode":123,"amount":3000,"description":"VQRIO123","accountNumber":"12345678","reference":"TF230204212323","transactionDateTime":"2023-02-04 18:25:00","currency":"VND","paymentLinkId":"124c33293c43417ab7879e14c8d9eb18","code":"00","desc":"Thành công","counterAccountBankId":"","counterAccountBankName":"","counterAccountName":"","counterAccountNumber":"","virtualAccountName":"","virtualAccountNumber":""}',
);
const V6_SIGNED =
  'accountNumber=12345678&amount=3000&code=00&counterAccountBankId=&counterAccountBankName=&counterAccountName=&counterAccountNumber=&currency=VND&desc=Thành công&description=VQRIO123&orderCode=123&paymentLinkId=124c33293c43417ab7879e14c8d9eb18&reference=TF230204212323&transactionDateTime=2023-02-04 18:25:00&virtualAccountName=&virtualAccountNumber=';
const V6_SIGNATURE = '412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03';
const V6_BODY = JSON.stringify({
  code: '00',
  desc: 'success',
  success: true,
  data: V6_DATA,
  signature: V6_SIGNATURE,
});

/** GATEWAYS.md V7: payOS SDK test data. */
const V7_DATA = JSON.parse(
  '{"accountNumber":"0123456789","amount":20000,"description":"thanh toan","reference":"FT-REFERENCE","transactionDateTime":"2025-12-12 09:00:00","virtualAccountNumber":"","counterAccountBankId":"01202001","counterAccountBankName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"9876543210","virtualAccountName":"","currency":"VND","orderCode":0,"paymentLinkId":"payment-link-id","code":"00","desc":"success"}',
);
const V7_SIGNATURE = '302b3becca1672dff99daafae2965f40e48ea3ca39453e4bf37fbcc26807a0e8';

const credentials: PayosCredentials = {
  clientId: 'client-1',
  apiKey: 'api-key',
  checksumKey: '1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675',
  endpoint: 'https://payos.example.test',
};

describe('payOS webhook verification', () => {
  it('builds exactly the published signed string for V6', () => {
    assert.equal(payos.signedString(V6_DATA), V6_SIGNED);
  });

  it('verifies the published V6 webhook and reads 3,000 VND paid at 18:25 ICT', () => {
    const result = payos.verifyNotification(V6_BODY, credentials);

    assert.ok(result.ok);
    assert.equal(result.notification.orderId, '123');
    assert.equal(result.notification.amount, 3000);
    assert.equal(result.notification.outcome, 'paid');
    assert.equal(result.notification.gatewayTxnId, 'TF230204212323');
    assert.equal(result.notification.merchantId, 'client-1');
    assert.equal(result.notification.paidAt, '2023-02-04T11:25:00.000Z');
    assert.equal(result.notification.details.counterAccountName, undefined);
  });

  it('verifies V7 with its key, also when an empty field is null', () => {
    const key = { ...credentials, checksumKey: 'test_checksum_key' };
    const body = (data: unknown) =>
      JSON.stringify({ code: '00', desc: 'success', success: true, data, signature: V7_SIGNATURE });

    assert.equal(payos.verifyNotification(body(V7_DATA), key).ok, true);
    assert.equal(
      payos.verifyNotification(body({ ...V7_DATA, counterAccountBankName: null }), key).ok,
      true,
    );
  });

  for (const field of Object.keys(V6_DATA)) {
    it(`rejects V6 when data.${field} is changed`, () => {
      const value = V6_DATA[field];
      const data = { ...V6_DATA, [field]: typeof value === 'number' ? value + 1 : `${value}x` };
      const body = JSON.stringify({ ...JSON.parse(V6_BODY), data });

      assert.deepEqual(payos.verifyNotification(body, credentials), {
        ok: false,
        reason: 'bad-signature',
      });
    });
  }

  it('rejects V6 with another checksum key, and without a signature', () => {
    assert.equal(
      payos.verifyNotification(V6_BODY, { ...credentials, checksumKey: 'test_checksum_key' }).ok,
      false,
    );
    assert.deepEqual(payos.verifyNotification(JSON.stringify({ data: V6_DATA }), credentials), {
      ok: false,
      reason: 'missing-signature',
    });
  });

  it('decides the outcome on the signed data.code, not the unsigned top-level code', () => {
    const data = { ...V6_DATA, code: '01', desc: 'failed' };
    const body = JSON.stringify({
      code: '00',
      success: true,
      data,
      signature: payos.dataSignature(data, credentials.checksumKey),
    });
    const result = payos.verifyNotification(body, credentials);

    assert.ok(result.ok);
    assert.equal(result.notification.outcome, 'failed');
  });

  it('signs arrays as JSON of elements with sorted keys', () => {
    const data = { b: 1, a: [{ z: 1, y: null }], c: null };

    assert.equal(payos.signedString(data), 'a=[{"y":null,"z":1}]&b=1&c=');
  });
});

describe('payOS answers', () => {
  it('answers the confirm-webhook test call (sample order 123, unknown to us) with 2xx', () => {
    assert.ok(payos.verifyNotification(V6_BODY, credentials).ok);
    const answer = payos.answer('order-not-found');

    assert.ok(answer.statusCode >= 200 && answer.statusCode < 300);
  });

  for (const situation of [
    'confirmed',
    'already-confirmed',
    'order-not-found',
    'amount-mismatch',
  ] as const)
    it(`answers ${situation} with 200 {"success":true}`, () => {
      const answer = payos.answer(situation);

      assert.equal(answer.statusCode, 200);
      assert.deepEqual(JSON.parse(answer.body), { success: true });
    });

  it('answers a forged call 400 and a failure to record 500', () => {
    assert.equal(payos.answer('bad-signature').statusCode, 400);
    assert.equal(payos.answer('error').statusCode, 500);
  });
});

describe('payOS payment link', () => {
  it('signs amount, cancelUrl, description, orderCode, returnUrl with the checksum key', () => {
    const request = payos.buildPayment(
      { orderId: '1747836000000123', amount: 44000, description: 'Phí rác NGP1A2B3C4D' },
      credentials,
      {
        now: new Date(),
        returnUrl: 'http://localhost/r',
        cancelUrl: 'http://localhost/c',
      },
    );
    assert.equal(request.kind, 'call');
    const sent = JSON.parse(request.kind === 'call' ? request.body : '{}');
    const raw =
      'amount=44000&cancelUrl=http://localhost/c&description=Phi rac NGP1A2B3C4D&orderCode=1747836000000123&returnUrl=http://localhost/r';

    assert.equal(
      sent.signature,
      createHmac('sha256', credentials.checksumKey).update(raw).digest('hex'),
    );
    assert.equal(sent.orderCode, 1747836000000123);
    assert.equal(request.kind === 'call' && request.headers['x-client-id'], 'client-1');
  });

  it('gives numeric order codes that are safe integers and differ between attempts', () => {
    const codes = [1, 2, 3].map(() => orderIdFor('payos', '2025-05-21T16:30:00.000Z'));
    for (const code of codes) {
      assert.match(code, /^\d+$/);
      assert.ok(Number.isSafeInteger(Number(code)));
    }
    assert.ok(new Set(codes).size >= 2);
  });

  it('refuses an order id that is not a number', () => {
    assert.throws(
      () =>
        payos.buildPayment({ orderId: 'NG1', amount: 1000, description: 'x' }, credentials, {
          now: new Date(),
          returnUrl: 'http://localhost/r',
        }),
      { code: 'validation.failed' },
    );
  });
});
