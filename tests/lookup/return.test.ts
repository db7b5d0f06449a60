import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attemptIdOf } from '../../admin/src/lookup/return';

describe('the attempt a result page address names', () => {
  test('the page’s own link names it directly', () => {
    assert.equal(attemptIdOf(new URLSearchParams('attempt=vietqr.NG123')), 'vietqr.NG123');
  });

  test('each gateway’s return parameters name it by gateway and order id', () => {
    const cases: Array<[string, string]> = [
      ['vnp_Amount=9900000&vnp_TxnRef=NG2612050001&vnp_ResponseCode=00', 'vnpay.NG2612050001'],
      ['amount=99000&appid=2553&apptransid=261205_NG0001&status=1', 'zalopay.261205_NG0001'],
      ['partnerCode=MOMO&orderId=NG2612050002&resultCode=0', 'momo.NG2612050002'],
      ['code=00&id=abc&cancel=false&status=PAID&orderCode=261205000123', 'payos.261205000123'],
    ];
    for (const [query, id] of cases) assert.equal(attemptIdOf(new URLSearchParams(query)), id);
  });

  test('an address naming no attempt gives none', () => {
    assert.equal(attemptIdOf(new URLSearchParams('orderId=1')), undefined);
  });
});
