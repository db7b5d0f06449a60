import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import * as momo from './momo';
import type { MomoCredentials } from './types';

/** MoMo's public sandbox keys (momo-wallet/payment sample). */
const credentials: MomoCredentials = {
  partnerCode: 'MOMO',
  accessKey: 'F8BBA842ECF85',
  secretKey: 'K951B6PE1waDMi640xX08PD3vg6EkVlz',
  endpoint: 'https://momo.example.test',
};

const IPN = {
  partnerCode: 'MOMO',
  orderId: 'NG250521233000123456789',
  requestId: 'req-1',
  amount: 44000,
  orderInfo: 'Thanh toan phi rac',
  orderType: 'momo_wallet',
  transId: 4088878653,
  resultCode: 0,
  message: 'Thành công.',
  payType: 'qr',
  responseTime: 1716257871703,
  extraData: '',
};

/** The signed string written out from GATEWAYS.md §2.3, independently of the module. */
const RAW =
  'accessKey=F8BBA842ECF85&amount=44000&extraData=&message=Thành công.&orderId=NG250521233000123456789' +
  '&orderInfo=Thanh toan phi rac&orderType=momo_wallet&partnerCode=MOMO&payType=qr&requestId=req-1' +
  '&responseTime=1716257871703&resultCode=0&transId=4088878653';
const hmac = (key: string, text: string) =>
  createHmac('sha256', key).update(text, 'utf8').digest('hex');
const SIGNATURE = hmac(credentials.secretKey, RAW);

const body = (fields: Record<string, unknown>, signature = SIGNATURE) =>
  JSON.stringify({ ...fields, signature });

describe('MoMo IPN verification', () => {
  it('verifies an IPN signed over the documented field list with our accessKey', () => {
    const result = momo.verifyNotification(body(IPN), credentials);

    assert.ok(result.ok);
    assert.deepEqual(
      { ...result.notification, details: undefined },
      {
        gateway: 'momo',
        merchantId: 'MOMO',
        orderId: IPN.orderId,
        gatewayTxnId: '4088878653',
        amount: 44000,
        outcome: 'paid',
        resultCode: '0',
        paidAt: new Date(1716257871703).toISOString(),
        details: undefined,
      },
    );
  });

  it('signs test IPNs the same way (the fake gateway relies on it)', () => {
    assert.equal(JSON.parse(momo.signedIpn(IPN, credentials)).signature, SIGNATURE);
  });

  for (const field of Object.keys(IPN)) {
    it(`rejects the IPN when ${field} is changed`, () => {
      const value = IPN[field as keyof typeof IPN];
      const changed = { ...IPN, [field]: typeof value === 'number' ? value + 1 : `${value}x` };

      assert.equal(momo.verifyNotification(body(changed), credentials).ok, false);
    });
  }

  it('rejects another secret key, another access key, and a signature made without accessKey', () => {
    assert.equal(
      momo.verifyNotification(body(IPN), { ...credentials, secretKey: 'other' }).ok,
      false,
    );
    assert.equal(
      momo.verifyNotification(body(IPN), { ...credentials, accessKey: 'other' }).ok,
      false,
    );
    const withoutAccessKey = hmac(
      credentials.secretKey,
      RAW.replace('accessKey=F8BBA842ECF85&', ''),
    );
    assert.deepEqual(momo.verifyNotification(body(IPN, withoutAccessKey), credentials), {
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('hashes the message as received: its NFD form does not verify', () => {
    const nfd = { ...IPN, message: IPN.message.normalize('NFD') };

    assert.equal(momo.verifyNotification(body(nfd), credentials).ok, false);
  });

  it('rejects a missing signature and a valid signature from another partner', () => {
    assert.deepEqual(momo.verifyNotification(JSON.stringify(IPN), credentials), {
      ok: false,
      reason: 'missing-signature',
    });
    const other = { ...credentials, partnerCode: 'OTHER' };
    assert.deepEqual(
      momo.verifyNotification(momo.signedIpn({ ...IPN, partnerCode: 'OTHER' }, other), credentials),
      {
        ok: false,
        reason: 'merchant-mismatch',
      },
    );
  });

  it('reads 9000 as paid, 1000/7000/7002 as pending and 1006 as failed', () => {
    const outcome = (resultCode: number) => {
      const result = momo.verifyNotification(
        momo.signedIpn({ ...IPN, resultCode }, credentials),
        credentials,
      );
      return result.ok ? result.notification.outcome : result.reason;
    };

    assert.deepEqual([9000, 1000, 7000, 7002, 1006, 99].map(outcome), [
      'paid',
      'pending',
      'pending',
      'pending',
      'failed',
      'failed',
    ]);
  });

  it('names the partner before verifying, to pick the credentials', () => {
    assert.equal(momo.merchantIdOf(body(IPN)), 'MOMO');
    assert.equal(momo.merchantIdOf('not json'), null);
  });
});

describe('MoMo answers', () => {
  for (const situation of [
    'confirmed',
    'already-confirmed',
    'order-not-found',
    'amount-mismatch',
  ] as const)
    it(`answers ${situation} with 204 No Content`, () => {
      assert.deepEqual(momo.answer(situation), { statusCode: 204, headers: {}, body: '' });
    });

  it('answers a forged call 400 and a failure to record 500 (to be settled by query)', () => {
    assert.equal(momo.answer('bad-signature').statusCode, 400);
    assert.equal(momo.answer('error').statusCode, 500);
  });

  it('says why it refuses in Vietnamese: a forged call has an invalid signature', () => {
    assert.deepEqual(JSON.parse(momo.answer('bad-signature').body), {
      message: 'Chữ ký không hợp lệ',
    });
    assert.match(JSON.parse(momo.answer('error').body).message, /^Lỗi tạm thời/);
  });
});

describe('MoMo create and query requests', () => {
  const options = {
    now: new Date(),
    returnUrl: 'http://localhost/r',
    notifyUrl: 'http://localhost/api/webhooks/momo',
  };

  it('signs the create request over accessKey, amount, extraData, ipnUrl, orderId, orderInfo, partnerCode, redirectUrl, requestId, requestType', () => {
    const request = momo.buildPayment(
      { orderId: 'NG1', amount: 44000, description: 'Phí rác' },
      credentials,
      options,
    );
    assert.equal(request.kind, 'call');
    const sent = JSON.parse(request.kind === 'call' ? request.body : '{}');
    const raw =
      `accessKey=F8BBA842ECF85&amount=44000&extraData=&ipnUrl=http://localhost/api/webhooks/momo&orderId=NG1` +
      `&orderInfo=Phi rac&partnerCode=MOMO&redirectUrl=http://localhost/r&requestId=${sent.requestId}` +
      `&requestType=captureWallet`;

    assert.equal(
      request.kind === 'call' && request.url,
      'https://momo.example.test/v2/gateway/api/create',
    );
    assert.equal(sent.signature, hmac(credentials.secretKey, raw));
  });

  it('uses a fresh request id for every request', () => {
    const ids = new Set(
      [1, 2, 3].map((n) => {
        const request = momo.buildPayment(
          { orderId: `NG${n}`, amount: 44000, description: 'x' },
          credentials,
          options,
        );
        return JSON.parse(request.kind === 'call' ? request.body : '{}').requestId;
      }),
    );

    assert.equal(ids.size, 3);
  });

  it('refuses amounts outside MoMo wallet limits', () => {
    assert.throws(
      () =>
        momo.buildPayment({ orderId: 'NG1', amount: 999, description: 'x' }, credentials, options),
      {
        code: 'validation.failed',
      },
    );
  });

  it('signs the query over accessKey, orderId, partnerCode, requestId', () => {
    const sent = JSON.parse(momo.buildQuery('NG1', credentials).body ?? '{}');
    const raw = `accessKey=F8BBA842ECF85&orderId=NG1&partnerCode=MOMO&requestId=${sent.requestId}`;

    assert.equal(sent.signature, hmac(credentials.secretKey, raw));
  });

  it('reads "order not found" (42) as null and refuses an answer about another order', () => {
    assert.equal(
      momo.parseQueryAnswer(
        { partnerCode: 'MOMO', orderId: 'NG1', resultCode: 42 },
        credentials,
        'NG1',
      ),
      null,
    );
    assert.equal(momo.parseQueryAnswer(IPN, credentials, IPN.orderId)?.outcome, 'paid');
    assert.throws(() => momo.parseQueryAnswer(IPN, credentials, 'NG-another-order'), {
      code: 'gateway.unavailable',
    });
  });
});
