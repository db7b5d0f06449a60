import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { clientIp } from './auth';
import type { HttpEvent } from './types';

const eventFrom = (sourceIp: string, headers: Record<string, string>) =>
  ({ headers, requestContext: { http: { sourceIp } } }) as unknown as HttpEvent;

describe('the caller address', () => {
  afterEach(() => {
    delete process.env.NGUON_ORIGIN_VERIFY;
  });

  test('without an origin secret configured (locally) the viewer header is the address', () => {
    assert.equal(
      clientIp(eventFrom('10.0.0.1', { 'x-viewer-address': '203.0.113.7' })),
      '203.0.113.7',
    );
    assert.equal(clientIp(eventFrom('10.0.0.1', {})), '10.0.0.1');
  });

  test('behind CloudFront the viewer header counts only with the right origin secret', () => {
    process.env.NGUON_ORIGIN_VERIFY = 's3cret-from-the-stack';
    const viewer = { 'x-viewer-address': '203.0.113.7' };
    assert.equal(
      clientIp(eventFrom('10.0.0.1', { ...viewer, 'x-origin-verify': 's3cret-from-the-stack' })),
      '203.0.113.7',
    );
    assert.equal(
      clientIp(eventFrom('198.51.100.9', { ...viewer, 'x-origin-verify': 'guessed' })),
      '198.51.100.9',
      'a direct call with a wrong secret is known by its own address',
    );
    assert.equal(clientIp(eventFrom('198.51.100.9', viewer)), '198.51.100.9');
  });
});
