import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import type { VnpayCredentials } from './types';
import * as vnpay from './vnpay';

/** GATEWAYS.md V1: the `vnpay` package's IPN fixture, secret `test_secret`. */
const V1: Record<string, string> = {
  vnp_Amount: '1000000',
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14422574',
  vnp_CardType: 'ATM',
  vnp_OrderInfo: 'Thanh toan don hang 2024-05-21T02:17:31.249Z',
  vnp_PayDate: '20240521091806',
  vnp_ResponseCode: '00',
  vnp_TmnCode: 'TEST_TMN_CODE',
  vnp_TransactionNo: '14422574',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: '1716257871703',
};
const V1_HASH =
  '649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895';
const V1_SIGNED =
  'vnp_Amount=1000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14422574&vnp_CardType=ATM&vnp_OrderInfo=Thanh+toan+don+hang+2024-05-21T02%3A17%3A31.249Z&vnp_PayDate=20240521091806&vnp_ResponseCode=00&vnp_TmnCode=TEST_TMN_CODE&vnp_TransactionNo=14422574&vnp_TransactionStatus=00&vnp_TxnRef=1716257871703';

const credentials: VnpayCredentials = {
  tmnCode: 'TEST_TMN_CODE',
  hashSecret: 'test_secret',
  payUrl: 'https://pay.example.test/vpcpay.html',
  apiUrl: 'https://api.example.test/transaction',
};

/** The query string as a browser or VNPay would send it (form encoding). */
const asQuery = (params: Record<string, string>): string => new URLSearchParams(params).toString();

describe('VNPay IPN verification', () => {
  it('builds exactly the published signed string for V1', () => {
    assert.equal(vnpay.signedString(V1), V1_SIGNED);
  });

  it('verifies the published V1 notification and reads 10,000 VND paid at 09:18:06 ICT', () => {
    const result = vnpay.verifyNotification(
      asQuery({ ...V1, vnp_SecureHash: V1_HASH }),
      credentials,
    );

    assert.ok(result.ok);
    assert.equal(result.notification.amount, 10_000);
    assert.equal(result.notification.outcome, 'paid');
    assert.equal(result.notification.orderId, '1716257871703');
    assert.equal(result.notification.gatewayTxnId, '14422574');
    assert.equal(result.notification.paidAt, '2024-05-21T02:18:06.000Z');
  });

  it('accepts the signature in upper case and ignores vnp_SecureHashType', () => {
    const query = asQuery({
      ...V1,
      vnp_SecureHashType: 'HmacSHA512',
      vnp_SecureHash: V1_HASH.toUpperCase(),
    });

    assert.equal(vnpay.verifyNotification(query, credentials).ok, true);
  });

  for (const field of Object.keys(V1)) {
    it(`rejects V1 when ${field} is changed`, () => {
      const tampered = { ...V1, [field]: `${V1[field]}1` };
      const result = vnpay.verifyNotification(
        asQuery({ ...tampered, vnp_SecureHash: V1_HASH }),
        credentials,
      );

      assert.deepEqual(result, { ok: false, reason: 'bad-signature' });
    });
  }

  it('rejects V1 checked with another secret, and a notification without a signature', () => {
    const query = asQuery({ ...V1, vnp_SecureHash: V1_HASH });

    assert.deepEqual(
      vnpay.verifyNotification(query, { ...credentials, hashSecret: 'other_secret' }),
      {
        ok: false,
        reason: 'bad-signature',
      },
    );
    assert.deepEqual(vnpay.verifyNotification(asQuery(V1), credentials), {
      ok: false,
      reason: 'missing-signature',
    });
  });

  it('rejects a valid signature from another terminal, and a repeated parameter', () => {
    const other = { ...V1, vnp_TmnCode: 'OTHERTMN' };
    const signed = vnpay.signedQuery(other, 'test_secret');

    assert.deepEqual(vnpay.verifyNotification(signed, credentials), {
      ok: false,
      reason: 'merchant-mismatch',
    });
    assert.deepEqual(
      vnpay.verifyNotification(`${vnpay.signedQuery(V1, 'test_secret')}&vnp_Amount=1`, credentials),
      { ok: false, reason: 'malformed' },
    );
  });

  it('verifies spaces and ":" in vnp_OrderInfo whether sent as "+" or "%20"', () => {
    const params = { ...V1, vnp_OrderInfo: 'Thanh toan phi rac thang 05: ho NGP1A2B3C4D' };
    const query = vnpay.signedQuery(params, 'test_secret');
    assert.match(query, /vnp_OrderInfo=Thanh\+toan\+phi\+rac\+thang\+05%3A\+ho\+NGP1A2B3C4D/);

    assert.equal(vnpay.verifyNotification(query, credentials).ok, true);
    assert.equal(vnpay.verifyNotification(query.replace(/\+/g, '%20'), credentials).ok, true);
  });

  it('verifies a notification signed over its tokens as sent when the encoder left "(" raw', () => {
    // VNPay's Node demo encodes with encodeURIComponent and "%20" → "+", leaving ( ) raw.
    const orderInfo = 'Phi rac (thang 5)';
    const token = encodeURIComponent(orderInfo).replace(/%20/g, '+');
    const pairs = Object.entries({ ...V1, vnp_OrderInfo: orderInfo })
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([key, value]) => `${key}=${key === 'vnp_OrderInfo' ? token : encodeURIComponent(value)}`,
      )
      .join('&');
    const hash = createHmac('sha512', 'test_secret').update(pairs).digest('hex');

    assert.equal(vnpay.verifyNotification(`${pairs}&vnp_SecureHash=${hash}`, credentials).ok, true);
  });

  it('reads a signed failure (customer cancelled) as failed, not paid', () => {
    const query = vnpay.signedQuery(
      { ...V1, vnp_ResponseCode: '24', vnp_TransactionStatus: '02' },
      'test_secret',
    );
    const result = vnpay.verifyNotification(query, credentials);

    assert.ok(result.ok);
    assert.equal(result.notification.outcome, 'failed');
    assert.equal(result.notification.paidAt, null);
  });

  it('reads ResponseCode 00 with TransactionStatus other than 00 as failed', () => {
    const result = vnpay.verifyNotification(
      vnpay.signedQuery({ ...V1, vnp_TransactionStatus: '01' }, 'test_secret'),
      credentials,
    );

    assert.ok(result.ok);
    assert.equal(result.notification.outcome, 'failed');
  });

  it('names the terminal before verifying, to pick the credentials', () => {
    assert.equal(vnpay.merchantIdOf(asQuery(V1)), 'TEST_TMN_CODE');
    assert.equal(vnpay.merchantIdOf('a=1'), null);
  });
});

describe('VNPay answers', () => {
  const table: [Parameters<typeof vnpay.answer>[0], string][] = [
    ['confirmed', '00'],
    ['already-confirmed', '02'],
    ['order-not-found', '01'],
    ['amount-mismatch', '04'],
    ['bad-signature', '97'],
    ['error', '99'],
  ];
  for (const [situation, code] of table) {
    it(`answers ${situation} with HTTP 200 and RspCode ${code}`, () => {
      const answer = vnpay.answer(situation);

      assert.equal(answer.statusCode, 200);
      assert.equal(JSON.parse(answer.body).RspCode, code);
    });
  }
});
