/**
 * The public look-up's rate limit: counted per client address in the table, in fixed windows,
 * so it holds across Lambda instances. Past ten look-ups or payment starts in ten minutes a
 * client gets a 429 in Vietnamese with Retry-After; other clients are not affected.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/db/keys';
import { TooManyRequestsError } from '../../shared/errors';
import { clientKey, HOUSEHOLD_LOOKUPS, takeRequest } from '../../shared/lookup/rate-limit';
import { assertApiError, request } from '../support/api';
import { freshClient, lookupPath, WARD } from '../support/lookup';
import { startTestStack } from '../support/stack';

let stack: LocalStack;

before(async () => {
  stack = await startTestStack(0);
});

after(async () => {
  await stack?.stop();
});

const wrongProof = lookupPath({ unitId: WARD, code: 'KHONG-CO', phone: '0905000000' });
const lookUp = (client: Record<string, string>) =>
  request(stack.url, 'GET', wrongProof, undefined, client);

describe('the look-up rate limit', () => {
  test('the eleventh look-up in the window gets 429 in Vietnamese with Retry-After', async () => {
    const client = freshClient();
    for (let i = 1; i <= HOUSEHOLD_LOOKUPS.max; i += 1) {
      assert.equal((await lookUp(client)).status, 404, `look-up ${i}`);
    }
    const refused = await lookUp(client);
    assertApiError(refused, 429, { code: 'rate.limited', messageIncludes: 'phút' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 600, `Retry-After ${retryAfter}`);
    assert.equal(refused.headers.get('cache-control'), 'no-store');

    assert.equal((await lookUp(freshClient())).status, 404, 'another client is not limited');
  });

  test('payment starts count in the same limit as look-ups', async () => {
    const client = freshClient();
    for (let i = 1; i <= HOUSEHOLD_LOOKUPS.max; i += 1) await lookUp(client);
    const pay = await request(
      stack.url,
      'POST',
      '/api/public/households/pay',
      { unitId: WARD, code: 'KHONG-CO', phone: '0905000000', billIds: 'all', method: 'vietqr' },
      client,
    );
    assertApiError(pay, 429, { code: 'rate.limited' });
  });

  test('a second instance in its own process shares the count kept in the table', async () => {
    const client = freshClient();
    for (let i = 0; i < 6; i += 1) assert.equal((await lookUp(client)).status, 404);

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../support/lookup-instance.ts'),
        client['x-viewer-address'],
        '5',
      ],
      {
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
          TABLE_NAME: stack.db.tableName,
        },
      },
    );
    // Look-ups 7 to 10 pass there; the eleventh, its fifth, is refused.
    assert.deepEqual(JSON.parse(stdout.trim()), [404, 404, 404, 404, 429]);
    assert.equal((await lookUp(client)).status, 429, 'and this instance sees its counts too');
  });
});

describe('the client address', () => {
  test('naming another address in x-viewer-address does not dodge the limit', async () => {
    // As in AWS, where CloudFront overwrites the header with the viewer's address.
    process.env.NGUON_LOCAL_TRUST_VIEWER_ADDRESS = '0';
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= HOUSEHOLD_LOOKUPS.max; i += 1) {
        statuses.push((await lookUp(freshClient())).status);
      }
      assert.deepEqual(statuses, [...Array(HOUSEHOLD_LOOKUPS.max).fill(404), 429]);
    } finally {
      process.env.NGUON_LOCAL_TRUST_VIEWER_ADDRESS = '1';
    }
  });
});

describe('fixed windows', () => {
  const limit = { ...HOUSEHOLD_LOOKUPS, name: 'test-window', max: 3, windowMs: 60_000 };
  const start = Date.UTC(2026, 0, 1, 3, 0, 0);

  test('a window refuses past its maximum, telling the seconds to its end', async () => {
    for (let i = 1; i <= 3; i += 1) {
      assert.equal((await takeRequest(stack.db, limit, '192.0.2.1', start + i)).count, i);
    }
    await assert.rejects(takeRequest(stack.db, limit, '192.0.2.1', start + 20_000), (error) => {
      assert.ok(error instanceof TooManyRequestsError);
      assert.equal(error.retryAfterSeconds, 40);
      assert.match(error.message, /1 phút/);

      return true;
    });
  });

  test('the next window starts from nothing, and each is kept a window past its end', async () => {
    const next = await takeRequest(stack.db, limit, '192.0.2.1', start + 60_000);
    assert.deepEqual(next, { count: 1, remaining: 2 });
    const stored = await stack.db.doc.send(
      new GetCommand({
        TableName: stack.db.tableName,
        Key: keys.rateWindow(limit.name, clientKey('192.0.2.1'), start),
      }),
    );
    assert.equal(stored.Item?.count, 4);
    assert.equal(stored.Item?.ttl, (start + 120_000) / 1000);
    assert.ok(!JSON.stringify(stored.Item).includes('192.0.2.1'), 'the address is not stored');
  });
});
