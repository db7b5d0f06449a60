import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { clientIp, publicOrigin } from './auth';
import type { HttpEvent } from './types';

const eventFrom = (sourceIp: string, headers: Record<string, string>) =>
  ({ headers, requestContext: { http: { sourceIp } } }) as unknown as HttpEvent;

describe('the caller address', () => {
  afterEach(() => {
    delete process.env.NGUON_ORIGIN_VERIFY;
    delete process.env.NGUON_PUBLIC_URL;
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

describe('the site address payers come back to', () => {
  afterEach(() => {
    delete process.env.NGUON_ORIGIN_VERIFY;
    delete process.env.NGUON_PUBLIC_URL;
  });

  test('the configured address wins over anything the request says', () => {
    process.env.NGUON_PUBLIC_URL = 'https://nguon.example.vn/';
    const event = eventFrom('10.0.0.1', { origin: 'https://attacker.example' });
    assert.equal(publicOrigin(event), 'https://nguon.example.vn');
  });

  test('behind CloudFront only its viewer origin counts, never a browser Origin', () => {
    process.env.NGUON_ORIGIN_VERIFY = 's3cret-from-the-stack';
    const forged = { origin: 'https://attacker.example', 'x-viewer-origin': 'https://x.example' };
    assert.equal(publicOrigin(eventFrom('10.0.0.1', forged)), undefined);
    const viaCloudFront = {
      origin: 'https://attacker.example',
      'x-viewer-origin': 'https://d1234.cloudfront.net',
      'x-origin-verify': 's3cret-from-the-stack',
    };
    assert.equal(
      publicOrigin(eventFrom('10.0.0.1', viaCloudFront)),
      'https://d1234.cloudfront.net',
    );
  });

  test('on a machine without CloudFront the browser Origin is used, if it is an address', () => {
    assert.equal(
      publicOrigin(eventFrom('127.0.0.1', { origin: 'http://localhost:3000' })),
      'http://localhost:3000',
    );
    assert.equal(
      publicOrigin(eventFrom('127.0.0.1', { origin: 'javascript:alert(1)' })),
      undefined,
    );
    assert.equal(publicOrigin(eventFrom('127.0.0.1', {})), undefined);
  });
});
