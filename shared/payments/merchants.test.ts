import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as vnpay from './gateways/vnpay';
import { verifyIncoming } from './gateways/index';
import { signedNotification } from '../../tests/support/fake-gateway';
import {
  demoMerchants,
  loadMerchants,
  type Merchant,
  merchantDirectory,
  parseMerchantsConfig,
  readMerchantsConfig,
  useMerchants,
} from './merchants';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  useMerchants(null);
});

describe('merchant configuration', () => {
  it('reads NGUON_PAYMENT_MERCHANTS and routes each merchant id to its account', async () => {
    process.env.NGUON_PAYMENT_MERCHANTS = JSON.stringify(demoMerchants(['ward-a', 'ward-b']));
    const directory = await loadMerchants();

    assert.equal(directory.byMerchantId('vnpay', 'TEST_TMN_CODE')?.accountId, 'ward-a');
    assert.equal(directory.byMerchantId('zalopay', '2553')?.accountId, 'ward-a');
    assert.equal(directory.byMerchantId('momo', 'MOMONGDEMO2')?.accountId, 'ward-b');
    assert.equal(directory.byMerchantId('vnpay', 'UNKNOWN'), undefined);
    assert.equal(directory.gatewayFor('ward-b', 'payos')?.merchantId, 'nguon-demo-payos-2');
    const ofB = directory.forAccount('ward-b');
    assert.deepEqual(ofB.gateways.map((m) => m.gateway).sort(), [
      'momo',
      'payos',
      'vnpay',
      'zalopay',
    ]);
    assert.equal(ofB.bank?.bankBin, '970436');
    assert.deepEqual(directory.forAccount('ward-c'), { gateways: [], bank: undefined });
  });

  it('reads .data/merchants.json when no environment is set, and nothing when it is absent', async () => {
    delete process.env.NGUON_PAYMENT_MERCHANTS;
    delete process.env.NGUON_PAYMENT_MERCHANTS_SECRET;
    const dir = await mkdtemp(join(tmpdir(), 'nguon-merchants-'));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      assert.deepEqual(await readMerchantsConfig(), {});
      await mkdir(join(dir, '.data'));
      await writeFile(
        join(dir, '.data', 'merchants.json'),
        JSON.stringify(demoMerchants(['ward-a'])),
      );
      const directory = merchantDirectory(parseMerchantsConfig(await readMerchantsConfig()));
      assert.equal(directory.gatewayFor('ward-a', 'momo')?.merchantId, 'MOMO');
    } finally {
      process.chdir(cwd);
    }
  });

  it('reads the Secrets Manager secret named by NGUON_PAYMENT_MERCHANTS_SECRET', async () => {
    delete process.env.NGUON_PAYMENT_MERCHANTS;
    process.env.NGUON_PAYMENT_MERCHANTS_SECRET = 'nguon/payment-merchants';
    const asked: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        asked.push(`${request.headers['x-amz-target']} ${JSON.parse(body).SecretId}`);
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(
          JSON.stringify({
            Name: 'nguon/payment-merchants',
            SecretString: JSON.stringify(demoMerchants(['ward-s'])),
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new SecretsManagerClient({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        region: 'ap-southeast-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      const config = parseMerchantsConfig(await readMerchantsConfig(() => client));

      assert.deepEqual(asked, ['secretsmanager.GetSecretValue nguon/payment-merchants']);
      assert.equal(
        merchantDirectory(config).gatewayFor('ward-s', 'vnpay')?.merchantId,
        'TEST_TMN_CODE',
      );
    } finally {
      server.close();
    }
  });

  it('refuses a merchant id configured for two accounts, and a malformed entry', () => {
    const config = demoMerchants(['ward-a']);
    const twice = {
      ...config,
      merchants: [...config.merchants, { ...config.merchants[0], accountId: 'ward-b' }],
    };

    assert.throws(() => merchantDirectory(parseMerchantsConfig(twice)), /configured twice/);
    assert.throws(
      () =>
        parseMerchantsConfig({
          merchants: [{ accountId: 'a', gateway: 'vnpay', credentials: { tmnCode: 'X' } }],
        }),
      /invalid/,
    );
    assert.throws(
      () =>
        parseMerchantsConfig({
          merchants: [{ ...config.merchants[0], merchantId: 'NOT_THE_TMN' }],
        }),
      /two ids/,
    );
  });
});

describe('routing a notification to its merchant', () => {
  const directory = merchantDirectory(demoMerchants(['ward-a', 'ward-b']));

  it('verifies with the credentials of the merchant id the notification names', () => {
    for (const gateway of ['vnpay', 'momo', 'zalopay', 'payos'] as const) {
      const merchant = directory.gatewayFor('ward-b', gateway) as Merchant;
      const sent = signedNotification(merchant, {
        orderId: '2505210001',
        amount: 44000,
        txnId: '777',
      });
      const raw = 'rawQuery' in sent ? sent.rawQuery : sent.body;
      const result = verifyIncoming(gateway, raw, directory);

      assert.ok(result.ok, gateway);
      assert.equal(result.merchant.accountId, 'ward-b', gateway);
    }
  });

  it('tells an unknown merchant id apart from a bad signature', () => {
    const stranger = vnpay.signedQuery(
      { vnp_TmnCode: 'STRANGER', vnp_Amount: '100', vnp_TxnRef: 'x' },
      'test_secret',
    );
    const forged = stranger.replace('STRANGER', 'TEST_TMN_CODE');

    assert.deepEqual(verifyIncoming('vnpay', stranger, directory), {
      ok: false,
      reason: 'unknown-merchant',
    });
    assert.deepEqual(verifyIncoming('vnpay', forged, directory), {
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a payOS webhook signed with a key no channel has', () => {
    const merchant = directory.gatewayFor('ward-a', 'payos')!;
    const foreign = {
      ...merchant,
      credentials: { ...merchant.credentials, checksumKey: 'foreign' },
    };
    const sent = signedNotification(foreign, { orderId: '123', amount: 1000, txnId: 'FT1' });

    assert.deepEqual(verifyIncoming('payos', 'body' in sent ? sent.body : '', directory), {
      ok: false,
      reason: 'bad-signature',
    });
  });
});
