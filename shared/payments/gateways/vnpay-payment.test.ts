import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayUnavailable, type VnpayCredentials } from './types';
import * as vnpay from './vnpay';

const credentials: VnpayCredentials = {
  tmnCode: 'TEST_TMN_CODE',
  hashSecret: 'test_secret',
  payUrl: 'https://pay.example.test/vpcpay.html',
  apiUrl: 'https://api.example.test/transaction',
};

const build = () =>
  vnpay.buildPayment(
    {
      orderId: 'NG2505211200001234',
      amount: 44_000,
      description: 'Phí rác tháng 5: hộ NGP1A2B3C4D',
    },
    credentials,
    {
      now: '2025-05-21T16:30:00.000Z',
      returnUrl: 'http://localhost:3000/lookup/result?attempt=a1',
      clientIp: '203.0.113.7',
    },
  );

describe('VNPay payment URL', () => {
  it('carries a signature that verifies with the same rule as notifications', () => {
    const request = build();
    assert.equal(request.kind, 'redirect');
    const url = new URL(request.kind === 'redirect' ? request.redirectUrl : '');

    assert.equal(`${url.origin}${url.pathname}`, credentials.payUrl);
    assert.equal(vnpay.verifySignedQuery(url.search, 'test_secret'), true);
    assert.equal(vnpay.verifySignedQuery(url.search, 'other_secret'), false);
  });

  it('fails verification when any signed parameter of the URL is changed', () => {
    const request = build();
    const url = new URL(request.kind === 'redirect' ? request.redirectUrl : '');
    for (const key of [...url.searchParams.keys()].filter((k) => k !== 'vnp_SecureHash')) {
      const changed = new URLSearchParams(url.search);
      changed.set(key, `${changed.get(key)}9`);

      assert.equal(vnpay.verifySignedQuery(changed.toString(), 'test_secret'), false, key);
    }
  });

  it('asks for the amount × 100 in VND, times in Vietnam time, order info without diacritics', () => {
    const request = build();
    const params = new URL(request.kind === 'redirect' ? request.redirectUrl : '').searchParams;

    assert.equal(params.get('vnp_Version'), '2.1.0');
    assert.equal(params.get('vnp_Command'), 'pay');
    assert.equal(params.get('vnp_Amount'), '4400000');
    assert.equal(params.get('vnp_CurrCode'), 'VND');
    assert.equal(params.get('vnp_TxnRef'), 'NG2505211200001234');
    // 16:30 UTC on 21 May is 23:30 in Vietnam; the payment expires 15 minutes later, on the 22nd.
    assert.equal(params.get('vnp_CreateDate'), '20250521233000');
    assert.equal(params.get('vnp_ExpireDate'), '20250521234500');
    assert.equal(params.get('vnp_OrderInfo'), 'Phi rac thang 5: ho NGP1A2B3C4D');
    assert.equal(params.get('vnp_IpAddr'), '203.0.113.7');
  });

  it('refuses an amount that is not a positive whole number of VND', () => {
    for (const amount of [0, -1, 10.5])
      assert.throws(
        () =>
          vnpay.buildPayment({ orderId: 'NG1', amount, description: 'x' }, credentials, {
            now: new Date(),
            returnUrl: 'http://localhost/r',
          }),
        { code: 'validation.failed' },
      );
  });
});

describe('VNPay QueryDR', () => {
  it('signs the request over its fixed fields joined by "|"', () => {
    const request = vnpay.buildQuery(
      'NG1',
      credentials,
      '2025-05-21T17:30:00Z',
      '2025-05-21T16:00:00Z',
    );
    const body = JSON.parse(request.body ?? '{}');

    assert.equal(request.url, credentials.apiUrl);
    assert.equal(body.vnp_Command, 'querydr');
    assert.equal(body.vnp_TransactionDate, '20250521230000');
    assert.equal(body.vnp_CreateDate, '20250522003000');
    assert.equal(body.vnp_SecureHash, vnpay.queryRequestHash(body, 'test_secret'));
    assert.notEqual(
      body.vnp_SecureHash,
      vnpay.queryRequestHash({ ...body, vnp_TxnRef: 'NG2' }, 'test_secret'),
    );
  });

  const answer = (fields: Record<string, string>) => {
    const body: Record<string, string> = {
      vnp_ResponseId: 'r1',
      vnp_Command: 'querydr',
      vnp_ResponseCode: '00',
      vnp_Message: 'QueryDR Success',
      vnp_TmnCode: 'TEST_TMN_CODE',
      vnp_TxnRef: 'NG1',
      vnp_Amount: '4400000',
      vnp_BankCode: 'NCB',
      vnp_PayDate: '20250521233500',
      vnp_TransactionNo: '14422574',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: '00',
      vnp_OrderInfo: 'x',
      ...fields,
    };

    return { ...body, vnp_SecureHash: vnpay.queryAnswerHash(body, 'test_secret') };
  };

  it('reads a signed answer: paid, pending or failed, amount ÷ 100', () => {
    const paid = vnpay.parseQueryAnswer(answer({}), credentials, 'NG1');
    assert.equal(paid?.outcome, 'paid');
    assert.equal(paid?.amount, 44_000);
    assert.equal(paid?.paidAt, '2025-05-21T16:35:00.000Z');
    assert.equal(
      vnpay.parseQueryAnswer(answer({ vnp_TransactionStatus: '01' }), credentials, 'NG1')?.outcome,
      'pending',
    );
    assert.equal(
      vnpay.parseQueryAnswer(answer({ vnp_TransactionStatus: '02' }), credentials, 'NG1')?.outcome,
      'failed',
    );
  });

  it('reads "order not found" (91) as null', () => {
    assert.equal(vnpay.parseQueryAnswer({ vnp_ResponseCode: '91' }, credentials, 'NG1'), null);
  });

  it('refuses an answer with a wrong signature, for another order, or another terminal', () => {
    const forged = { ...answer({}), vnp_Amount: '100' };
    assert.throws(() => vnpay.parseQueryAnswer(forged, credentials, 'NG1'), GatewayUnavailable);
    assert.throws(() => vnpay.parseQueryAnswer(answer({}), credentials, 'NG2'), GatewayUnavailable);
    assert.throws(
      () => vnpay.parseQueryAnswer(answer({ vnp_TmnCode: 'OTHER' }), credentials, 'NG1'),
      GatewayUnavailable,
    );
  });
});
