import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { orderIdFor } from './index';
import type { ZalopayCredentials } from './types';
import * as zalopay from './zalopay';

/** GATEWAYS.md V4: the documented callback, app 2553. */
const V4_BODY = String.raw`{"data":"{\"app_id\":2553,\"app_trans_id\":\"200904_2553_1598435687208\",\"app_time\":1599189392817,\"app_user\":\"demo\",\"amount\":10000,\"embed_data\":\"{\\\"merchantinfo\\\":\\\"embeddata123\\\",\\\"promotioninfo\\\":\\\"\\\"}\",\"item\":\"[{\\\"itemid\\\":\\\"knb\\\",\\\"itemname\\\":\\\"kim nguyen bao\\\",\\\"itemprice\\\":198400,\\\"itemquantity\\\":1}]\",\"zp_trans_id\":200904000000389,\"server_time\":1599189413498,\"channel\":38,\"merchant_user_id\":\"7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc\",\"user_fee_amount\":0,\"discount_amount\":0}","mac":"d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67","type":1}`;

const credentials: ZalopayCredentials = {
  appId: '2553',
  key1: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
  key2: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
  endpoint: 'https://zalopay.example.test',
};
const hmac = (key: string, text: string) =>
  createHmac('sha256', key).update(text, 'utf8').digest('hex');
const v4 = JSON.parse(V4_BODY) as { data: string; mac: string; type: number };

describe('ZaloPay callback verification', () => {
  it('verifies the published V4 callback and reads 10,000 VND paid', () => {
    const result = zalopay.verifyNotification(V4_BODY, credentials);

    assert.ok(result.ok);
    assert.equal(result.notification.orderId, '200904_2553_1598435687208');
    assert.equal(result.notification.gatewayTxnId, '200904000000389');
    assert.equal(result.notification.amount, 10_000);
    assert.equal(result.notification.outcome, 'paid');
    assert.equal(result.notification.paidAt, new Date(1599189413498).toISOString());
  });

  it('rejects V4 checked with key1 or with app 2554 key2', () => {
    for (const key2 of [credentials.key1, 'trMrHtvjo6myautxDUiAcYsVtaeQ8nhf'])
      assert.deepEqual(zalopay.verifyNotification(V4_BODY, { ...credentials, key2 }), {
        ok: false,
        reason: 'bad-signature',
      });
  });

  for (const field of Object.keys(JSON.parse(v4.data))) {
    it(`rejects V4 when data.${field} is changed`, () => {
      const data = JSON.parse(v4.data);
      data[field] = typeof data[field] === 'number' ? data[field] + 1 : `${data[field]}x`;
      const tampered = JSON.stringify({ ...v4, data: JSON.stringify(data) });

      assert.deepEqual(zalopay.verifyNotification(tampered, credentials), {
        ok: false,
        reason: 'bad-signature',
      });
    });
  }

  it('hashes data exactly as received: a re-serialised copy of spaced data does not verify', () => {
    const spaced = v4.data.replace(/,"/g, ', "');
    const signed = JSON.stringify({ data: spaced, mac: hmac(credentials.key2, spaced), type: 1 });
    const reserialised = JSON.stringify({
      data: JSON.stringify(JSON.parse(spaced)),
      mac: hmac(credentials.key2, spaced),
      type: 1,
    });

    assert.equal(zalopay.verifyNotification(signed, credentials).ok, true);
    assert.equal(zalopay.verifyNotification(reserialised, credentials).ok, false);
  });

  it('rejects a missing mac, a valid mac from another app, and an agreement (type 2) callback', () => {
    assert.deepEqual(zalopay.verifyNotification(JSON.stringify({ data: v4.data }), credentials), {
      ok: false,
      reason: 'missing-signature',
    });
    assert.deepEqual(zalopay.verifyNotification(V4_BODY, { ...credentials, appId: '2554' }), {
      ok: false,
      reason: 'merchant-mismatch',
    });
    assert.deepEqual(zalopay.verifyNotification(JSON.stringify({ ...v4, type: 2 }), credentials), {
      ok: false,
      reason: 'unsupported',
    });
  });

  it('names the app before verifying, to pick the credentials', () => {
    assert.equal(zalopay.merchantIdOf(V4_BODY), '2553');
  });
});

describe('ZaloPay answers', () => {
  const table = [
    ['confirmed', 1],
    ['already-confirmed', 2],
    ['order-not-found', 1],
    ['amount-mismatch', 1],
    ['bad-signature', -1],
    ['error', 0],
  ] as const;
  for (const [situation, code] of table)
    it(`answers ${situation} with HTTP 200 and return_code ${code}`, () => {
      const answer = zalopay.answer(situation);

      assert.equal(answer.statusCode, 200);
      assert.equal(JSON.parse(answer.body).return_code, code);
    });

  it('words every return_message in Vietnamese: a bad mac is an invalid signature', () => {
    assert.equal(
      JSON.parse(zalopay.answer('bad-signature').body).return_message,
      'Chữ ký (mac) không hợp lệ',
    );
    assert.equal(JSON.parse(zalopay.answer('confirmed').body).return_message, 'Thành công');
    for (const [situation] of table)
      assert.match(
        JSON.parse(zalopay.answer(situation).body).return_message,
        /[^\x20-\x7e]/,
        situation,
      );
  });
});

describe('ZaloPay order and query requests', () => {
  const now = '2025-03-31T16:30:00.000Z';

  it('signs the order with key1 over app_id|app_trans_id|app_user|amount|app_time|embed_data|item', () => {
    const request = zalopay.buildPayment(
      { orderId: '250331_233000000123456', amount: 44_000, description: 'Phí rác tháng 3' },
      credentials,
      { now, returnUrl: 'http://localhost/r', notifyUrl: 'http://localhost/api/webhooks/zalopay' },
    );
    assert.equal(request.kind, 'call');
    const sent = Object.fromEntries(
      new URLSearchParams(request.kind === 'call' ? request.body : ''),
    );
    const expected = hmac(
      credentials.key1,
      `2553|250331_233000000123456|nguon|44000|${Date.parse(now)}|{"redirecturl":"http://localhost/r"}|[]`,
    );

    assert.equal(sent.mac, expected);
    assert.equal(sent.callback_url, 'http://localhost/api/webhooks/zalopay');
    assert.equal(sent.description, 'Phi rac thang 3');
  });

  it('refuses an order id without the yymmdd_ prefix', () => {
    assert.throws(
      () =>
        zalopay.buildPayment({ orderId: 'NG1', amount: 1000, description: 'x' }, credentials, {
          now,
          returnUrl: 'http://localhost/r',
        }),
      { code: 'validation.failed' },
    );
  });

  it('gives order ids the Vietnam date: 23:30 and 00:30 ICT fall on different days', () => {
    assert.match(orderIdFor('zalopay', '2025-03-31T16:30:00.000Z'), /^250331_\d+$/);
    assert.match(orderIdFor('zalopay', '2025-03-31T17:30:00.000Z'), /^250401_\d+$/);
    assert.ok(orderIdFor('zalopay', now).length <= 40);
  });

  it('signs the query with key1 over app_id|app_trans_id|key1', () => {
    const sent = Object.fromEntries(
      new URLSearchParams(zalopay.buildQuery('250331_1', credentials).body),
    );

    assert.equal(sent.mac, hmac(credentials.key1, `2553|250331_1|${credentials.key1}`));
  });

  it('reads query answers 1, 2 and 3 as paid, failed and pending', () => {
    const paid = zalopay.parseQueryAnswer(
      { return_code: 1, amount: 44000, zp_trans_id: 250331000000001, server_time: 1743438600000 },
      credentials,
      '250331_1',
    );
    assert.deepEqual(
      [paid?.outcome, paid?.amount, paid?.gatewayTxnId, paid?.orderId],
      ['paid', 44000, '250331000000001', '250331_1'],
    );
    assert.equal(
      zalopay.parseQueryAnswer({ return_code: 2 }, credentials, '250331_1')?.outcome,
      'failed',
    );
    assert.equal(
      zalopay.parseQueryAnswer({ return_code: 3, is_processing: true }, credentials, '250331_1')
        ?.outcome,
      'pending',
    );
  });
});
