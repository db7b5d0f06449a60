/**
 * The test stack itself: `startTestStack(perUnit)` must start with any small register, since
 * API tests are asked to keep theirs small.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bearer, signIn, startTestStack } from '../support/stack';

test('the local stack starts with 10 demo households per ward', async () => {
  const stack = await startTestStack(10);
  try {
    assert.equal(stack.seeded?.households, 270);
    const response = await fetch(`${stack.url}/api/households?range=[0,0]`, {
      headers: bearer(await signIn(stack)),
    });
    assert.equal(response.headers.get('content-range')?.split('/').pop(), '270');
  } finally {
    await stack.stop();
  }
});
