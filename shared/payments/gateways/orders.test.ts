import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFor, orderIdFor } from './index';

const MOMO_ORDER_ID = /^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$/;

describe('order ids per attempt', () => {
  it('gives MoMo a fresh id for every attempt, even in the same millisecond, in its allowed pattern', () => {
    const now = new Date('2025-05-21T16:30:00.000Z');
    const ids = Array.from({ length: 20 }, () => orderIdFor('momo', now));

    for (const id of ids) assert.match(id, MOMO_ORDER_ID);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('gives VNPay and VietQR letters and digits only, stamped in Vietnam time', () => {
    const id = orderIdFor('vnpay', '2025-05-21T17:30:00.000Z');

    assert.match(id, /^NG250522003000000\d{6}$/);
    assert.match(orderIdFor('vietqr', new Date()), /^[A-Z0-9]+$/);
  });

  it('dates ZaloPay ids by the Vietnam day across midnight and across a year end', () => {
    assert.match(orderIdFor('zalopay', '2024-12-31T16:59:59.999Z'), /^241231_/);
    assert.match(orderIdFor('zalopay', '2024-12-31T17:00:00.000Z'), /^250101_/);
  });

  it('gives payOS a number that stays a safe integer', () => {
    const code = Number(orderIdFor('payos', '2099-12-31T23:59:59.999Z'));

    assert.ok(Number.isSafeInteger(code) && code > 0);
  });
});

describe('answers by gateway', () => {
  it('answers a confirmed notification in each gateway’s own form', () => {
    assert.equal(JSON.parse(answerFor('vnpay', 'confirmed').body).RspCode, '00');
    assert.equal(answerFor('momo', 'confirmed').statusCode, 204);
    assert.equal(JSON.parse(answerFor('zalopay', 'confirmed').body).return_code, 1);
    assert.equal(answerFor('payos', 'confirmed').statusCode, 200);
  });
});
