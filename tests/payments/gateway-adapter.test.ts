import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gatewayHttp } from '../../shared/payments/adapter';
import {
  GatewayUnavailable,
  orderIdFor,
  queryOrder,
  startPayment,
  type GatewayName,
} from '../../shared/payments/gateways/index';
import { type FakeGateway, startFakeGateway } from '../support/fake-gateway';

const GATEWAYS: GatewayName[] = ['vnpay', 'momo', 'zalopay', 'payos'];
const options = {
  returnUrl: 'http://127.0.0.1/lookup/result',
  notifyUrl: 'http://127.0.0.1/api/webhooks',
  clientIp: '127.0.0.1',
};

let fake: FakeGateway;
before(async () => {
  process.env.NGUON_GATEWAY_LOCAL_ONLY = '1';
  fake = await startFakeGateway(['ward-a']);
});
after(() => fake.close());

const merchantOf = (gateway: GatewayName) => fake.directory.gatewayFor('ward-a', gateway)!;

describe('creating payments through the adapter (fake gateway)', () => {
  for (const gateway of GATEWAYS)
    it(`${gateway}: sends a correctly signed request and returns the payer's page`, async () => {
      const now = new Date();
      const orderId = orderIdFor(gateway, now);
      const order = { orderId, amount: 44000, description: 'Phi rac thang 5 NGP1A2B3C4D' };
      const { redirectUrl } = await startPayment(merchantOf(gateway), order, { ...options, now });

      if (gateway === 'vnpay') {
        // VNPay needs no call: the payer's browser opens the signed URL; the fake checks it.
        assert.ok(redirectUrl.startsWith(`${fake.url}/vnpay/`));
        await gatewayHttp.get(redirectUrl);
      } else assert.match(redirectUrl, new RegExp(`${gateway}/${orderId}$`));
      const received = fake.requests.filter((r) => r.gateway === gateway && r.orderId === orderId);
      assert.equal(received.length, 1);
      assert.equal(received[0].signatureValid, true);
    });

  it('a request signed with the wrong key is refused by the gateway and reported as such', async () => {
    const merchant = merchantOf('momo');
    const wrong = { ...merchant, credentials: { ...merchant.credentials, secretKey: 'wrong' } };
    const order = { orderId: orderIdFor('momo', new Date()), amount: 44000, description: 'x' };

    await assert.rejects(startPayment(wrong, order, { ...options, now: new Date() }), {
      code: 'gateway.rejected',
    });
    assert.equal(fake.requests.at(-1)?.signatureValid, false);
  });
});

describe('querying orders through the adapter (fake gateway)', () => {
  const cases = [
    { status: 'paid', outcome: 'paid' },
    { status: 'pending', outcome: 'pending' },
    { status: 'failed', outcome: 'failed' },
  ] as const;
  for (const gateway of GATEWAYS)
    for (const { status, outcome } of cases)
      it(`${gateway}: an order the gateway reports ${status} is read, verified, as ${outcome}`, async () => {
        const createdAt = new Date(Date.now() - 20 * 60_000);
        const orderId = orderIdFor(gateway, createdAt);
        fake.setOrder(gateway, orderId, { status, amount: 44000, txnId: '4088878653' });
        const result = await queryOrder(merchantOf(gateway), { orderId, createdAt }, new Date());

        assert.equal(result?.outcome, outcome);
        assert.equal(result?.orderId, orderId);
        assert.equal(result?.merchantId, merchantOf(gateway).merchantId);
        if (outcome === 'paid') {
          assert.equal(result?.amount, 44000);
          assert.equal(result?.gatewayTxnId, '4088878653');
        }
        assert.equal(fake.requests.at(-1)?.signatureValid, true);
      });

  it('an order VNPay and MoMo do not know is null', async () => {
    for (const gateway of ['vnpay', 'momo'] as const) {
      const orderId = orderIdFor(gateway, new Date());
      assert.equal(
        await queryOrder(merchantOf(gateway), { orderId, createdAt: new Date() }, new Date()),
        null,
      );
    }
  });

  it('a VNPay query the gateway cannot verify (answer 97) is unusable, not read as a state', async () => {
    const merchant = merchantOf('vnpay');
    const other = { ...merchant, credentials: { ...merchant.credentials, hashSecret: 'other' } };
    const orderId = orderIdFor('vnpay', new Date());
    fake.setOrder('vnpay', orderId, { status: 'paid', amount: 44000, txnId: '1' });

    // Our request is signed with a key the gateway does not know: it answers 97, unusable.
    await assert.rejects(
      queryOrder(other, { orderId, createdAt: new Date() }, new Date()),
      GatewayUnavailable,
    );
  });

  it('a gateway slower than the timeout is GatewayUnavailable (timeout)', async () => {
    const orderId = orderIdFor('zalopay', new Date());
    fake.setOrder('zalopay', orderId, { status: 'paid', amount: 44000, txnId: '1', delayMs: 1000 });

    await assert.rejects(
      queryOrder(
        merchantOf('zalopay'),
        { orderId, createdAt: new Date() },
        new Date(),
        gatewayHttp,
        100,
      ),
      (error: unknown) => error instanceof GatewayUnavailable && error.reason === 'timeout',
    );
  });

  it('a gateway answering 5xx is GatewayUnavailable (bad-status)', async () => {
    fake.setOutage('payos', 503);
    try {
      await assert.rejects(
        queryOrder(merchantOf('payos'), { orderId: '1', createdAt: new Date() }, new Date()),
        (error: unknown) =>
          error instanceof GatewayUnavailable &&
          error.reason === 'bad-status' &&
          error.status === 503,
      );
    } finally {
      fake.setOutage('payos', null);
    }
  });

  it('refuses any host but localhost while NGUON_GATEWAY_LOCAL_ONLY is set', async () => {
    await assert.rejects(
      gatewayHttp.post('http://127.0.0.2:9/query', '{}', { gateway: 'momo' }),
      (error: unknown) => error instanceof GatewayUnavailable && error.reason === 'not-allowed',
    );
  });
});
