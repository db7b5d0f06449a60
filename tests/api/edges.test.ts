import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { listQuery, request } from '../support/api';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let token: string;

before(async () => {
  stack = await startTestStack(10);
  token = await signIn(stack);
});

after(async () => {
  await stack?.stop();
});

test('a choice filter with a value the field never takes answers 400 naming the filter', async () => {
  for (const filter of [
    { kind: 'castle' },
    { status: 'gone' },
    { sorting: 'maybe' },
    { feeClass: 'vip' },
  ]) {
    const response = await request(
      stack.url,
      'GET',
      `/api/households${listQuery({ filter })}`,
      undefined,
      bearer(token),
    );
    assert.equal(response.status, 400, JSON.stringify(filter));
    assert.equal(response.body.code, 'list.bad_filter');
    assert.ok(response.body.errors[Object.keys(filter)[0]], JSON.stringify(response.body));
  }
});

test('a body over 10 MB is answered 413 in JSON and nothing is stored', async () => {
  const before = await request(
    stack.url,
    'GET',
    '/api/households?range=[0,0]',
    undefined,
    bearer(token),
  );
  const huge = JSON.stringify({
    code: 'BIG-1',
    ownerName: 'x'.repeat(11 * 1024 * 1024),
    unitId: '22330-2409',
  });
  const response = await request(stack.url, 'POST', '/api/households', huge, bearer(token));
  assert.equal(response.status, 413);
  assert.equal(response.body.code, 'request.too_large');
  const after = await request(
    stack.url,
    'GET',
    '/api/households?range=[0,0]',
    undefined,
    bearer(token),
  );
  assert.equal(after.headers.get('content-range'), before.headers.get('content-range'));
});
