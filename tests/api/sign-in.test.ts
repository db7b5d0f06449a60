import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import type { LocalStack } from '../../infra/local/stack';
import { signIn as signInStore } from '../../shared/auth/sign-in';
import { signToken } from '../../shared/auth/tokens';
import { request } from '../support/api';
import { bearer, passwordOf, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let operator: string;

const login = (username: string, password: string) =>
  request(stack.url, 'POST', '/api/auth/login', { username, password });
const me = (token: string) => request(stack.url, 'GET', '/api/auth/me', undefined, bearer(token));

before(async () => {
  stack = await startTestStack(10);
  operator = await signIn(stack);
});

after(async () => {
  await stack?.stop();
});

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('session tokens', () => {
  test('a valid token reaches /api/auth/me with the user, role and area', async () => {
    const token = await signIn(stack, 'vinhhai.admin');
    const response = await me(token);
    assert.equal(response.status, 200);
    assert.equal(response.body.username, 'vinhhai.admin');
    assert.equal(response.body.role, 'unit-admin');
    assert.equal(response.body.scopeUnitId, '22330-2409');
    assert.ok(
      Number(claimsOf(token).exp) - Number(claimsOf(token).iat) <= 12 * 3600,
      'expires within 12 hours',
    );
  });

  test('a tampered token is refused with 401', async () => {
    const token = await signIn(stack, 'vinhhai.admin');
    const [header, payload, signature] = token.split('.');
    const claims = { ...claimsOf(token), acc: 'operator' };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    assert.notEqual(forged, `${header}.${payload}.${signature}`);
    assert.equal((await me(forged)).status, 401);
  });

  test('an expired token is refused with 401', async () => {
    const token = await signIn(stack, 'vinhhai.admin');
    const claims = claimsOf(token);
    const old = await signToken(
      { sub: String(claims.sub), sid: String(claims.sid), acc: String(claims.acc) },
      new Date(Date.now() - 13 * 3600_000),
    );
    assert.equal((await me(old)).status, 401);
  });

  test('a token signed with another key is refused with 401', async () => {
    const claims = claimsOf(await signIn(stack, 'vinhhai.admin'));
    const other = await new SignJWT({ sid: claims.sid, acc: claims.acc })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub))
      .setIssuer('nguon')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-another-key-another-key-0123'));
    assert.equal((await me(other)).status, 401);
  });

  test('a token with alg "none" is refused with 401', async () => {
    const claims = claimsOf(await signIn(stack, 'vinhhai.admin'));
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
    assert.equal((await me(unsigned)).status, 401);
  });

  test('a token kept after sign-out is refused', async () => {
    const token = await signIn(stack, 'vinhhai.xem');
    assert.equal((await me(token)).status, 200);
    assert.equal(
      (await request(stack.url, 'POST', '/api/auth/logout', undefined, bearer(token))).status,
      200,
    );
    assert.equal((await me(token)).status, 401);
  });

  test('a token of a user who is then deactivated is refused, and that user cannot sign in', async () => {
    const created = await request(
      stack.url,
      'POST',
      '/api/users',
      {
        username: 'tam.nghi',
        fullName: 'Tạm Nghỉ',
        accountId: 'ubnd-22330-2409',
        role: 'viewer',
        password: 'MatKhau12345',
      },
      bearer(operator),
    );
    assert.equal(created.status, 201, created.text);
    const token = (await login('tam.nghi', 'MatKhau12345')).body.token;
    assert.equal((await me(token)).status, 200);

    const update = await request(
      stack.url,
      'PUT',
      `/api/users/${created.body.id}`,
      { ...created.body, active: false },
      bearer(operator),
    );
    assert.equal(update.status, 200, update.text);
    assert.equal((await me(token)).status, 401);
    assert.equal((await login('tam.nghi', 'MatKhau12345')).status, 401);
  });

  test('a token of a user whose password is reset is refused; the new password works', async () => {
    const created = await request(
      stack.url,
      'POST',
      '/api/users',
      {
        username: 'dat.lai',
        fullName: 'Đặt Lại',
        accountId: 'ubnd-22330-2409',
        role: 'viewer',
        password: 'MatKhau12345',
      },
      bearer(operator),
    );
    const token = (await login('dat.lai', 'MatKhau12345')).body.token;
    const admin = await signIn(stack, 'vinhhai.admin');
    const reset = await request(
      stack.url,
      'POST',
      `/api/users/${created.body.id}/password`,
      { password: 'MatKhauMoi2026' },
      bearer(admin),
    );
    assert.equal(reset.status, 200, reset.text);
    assert.equal((await me(token)).status, 401);
    assert.equal((await login('dat.lai', 'MatKhau12345')).status, 401);
    assert.equal((await login('dat.lai', 'MatKhauMoi2026')).status, 200);
  });

  test('a user changes their own password with the current one, and gets a fresh session', async () => {
    const created = await request(
      stack.url,
      'POST',
      '/api/users',
      {
        username: 'tu.doi',
        fullName: 'Tự Đổi',
        accountId: 'ubnd-22330-2409',
        role: 'viewer',
        password: 'MatKhau12345',
      },
      bearer(operator),
    );
    assert.equal(created.status, 201);
    const token = (await login('tu.doi', 'MatKhau12345')).body.token;
    const wrong = await request(
      stack.url,
      'POST',
      '/api/auth/password',
      { currentPassword: 'sai', newPassword: 'MatKhauMoi2026' },
      bearer(token),
    );
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors.currentPassword, 'Không đúng');
    const weak = await request(
      stack.url,
      'POST',
      '/api/auth/password',
      { currentPassword: 'MatKhau12345', newPassword: 'ngan' },
      bearer(token),
    );
    assert.equal(weak.status, 400);
    const changed = await request(
      stack.url,
      'POST',
      '/api/auth/password',
      { currentPassword: 'MatKhau12345', newPassword: 'MatKhauMoi2026' },
      bearer(token),
    );
    assert.equal(changed.status, 200, changed.text);
    assert.equal((await me(token)).status, 401, 'the old session ended');
    assert.equal((await me(changed.body.token)).status, 200, 'the fresh session works');
  });
});

describe('sign-in answers and lockout', () => {
  test('a wrong username and a wrong password get the same answer', async () => {
    const unknown = await login('khong.ton.tai', 'MatKhau12345');
    const wrong = await login('loctho.admin', 'MatKhau12345');
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    assert.deepEqual(unknown.body, wrong.body);
    assert.match(unknown.body.message, /Tên đăng nhập hoặc mật khẩu không đúng/);
  });

  test('five failures in 15 minutes lock a username, even with the right password next', async () => {
    const password = passwordOf(stack, 'thugom.dothi');
    for (let i = 0; i < 4; i += 1)
      assert.equal((await login('thugom.dothi', 'sai-mat-khau')).status, 401);
    const fifth = await login('thugom.dothi', 'sai-mat-khau');
    assert.equal(fifth.status, 429);
    assert.match(fifth.body.message, /tạm khóa/);
    assert.ok(Number(fifth.headers.get('retry-after')) > 800, 'Retry-After close to 15 minutes');
    assert.equal((await login('thugom.dothi', password)).status, 429);
  });

  test('an unknown username locks the same way, so the lock reveals nothing', async () => {
    let last;
    for (let i = 0; i < 5; i += 1) last = await login('ai.do.khong.co', 'sai-mat-khau');
    const known = await login('thugom.dothi', 'sai-mat-khau');
    assert.equal(last?.status, 429);
    assert.equal(known.status, 429);
    assert.equal(last?.body.code, known.body.code);
  });

  test('the lock opens after 15 minutes and the right password signs in again', async () => {
    const password = passwordOf(stack, 'loctho.admin');
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    for (let i = 0; i < 5; i += 1) {
      await assert.rejects(
        signInStore(stack.db, { username: 'loctho.admin', password: 'sai' }, '127.0.0.1', at(0)),
      );
    }
    await assert.rejects(
      signInStore(stack.db, { username: 'loctho.admin', password }, '127.0.0.1', at(14)),
      (error: Error) => error.name === 'TooManyRequestsError',
    );
    const signedIn = await signInStore(
      stack.db,
      { username: 'loctho.admin', password },
      '127.0.0.1',
      at(16),
    );
    assert.ok(signedIn.token);
  });

  test('users never come back with a password or its hash', async () => {
    const list = await request(
      stack.url,
      'GET',
      '/api/users?range=[0,99]',
      undefined,
      bearer(operator),
    );
    assert.equal(list.status, 200);
    assert.ok(list.body.length >= 7);
    assert.doesNotMatch(list.text, /password|scrypt\$/i);
  });
});

describe('no mass assignment', () => {
  test('a unit admin cannot give a role above their own, nor change their own role', async () => {
    const admin = await signIn(stack, 'vinhhai.admin');
    const raise = await request(
      stack.url,
      'POST',
      '/api/users',
      {
        username: 'len.chuc',
        fullName: 'Lên Chức',
        accountId: 'ubnd-22330-2409',
        role: 'operator',
        password: 'MatKhau12345',
      },
      bearer(admin),
    );
    assert.equal(raise.status, 400);
    assert.ok(raise.body.errors.role);

    const self = (await me(admin)).body;
    const own = await request(stack.url, 'GET', `/api/users/${self.id}`, undefined, bearer(admin));
    const change = await request(
      stack.url,
      'PUT',
      `/api/users/${self.id}`,
      { ...own.body, role: 'viewer' },
      bearer(admin),
    );
    assert.equal(change.status, 400);
    const after = await request(
      stack.url,
      'GET',
      `/api/users/${self.id}`,
      undefined,
      bearer(admin),
    );
    assert.equal(after.body.role, 'unit-admin');
  });

  test('server-owned fields sent by a client are not stored', async () => {
    const admin = await signIn(stack, 'vinhhai.admin');
    const created = await request(
      stack.url,
      'POST',
      '/api/households',
      {
        code: 'MASS-1',
        ownerName: 'Lê Văn Gán',
        unitId: '22330-2409',
      },
      bearer(admin),
    );
    assert.equal(created.status, 201, created.text);
    const update = await request(
      stack.url,
      'PUT',
      `/api/households/${created.body.id}`,
      {
        ...created.body,
        unitPath: '/',
        completeness: 10,
        createdAt: '2000-01-01T00:00:00.000Z',
      },
      bearer(admin),
    );
    assert.equal(update.status, 200, update.text);
    assert.equal(update.body.unitPath, created.body.unitPath);
    assert.equal(update.body.completeness, created.body.completeness);
    assert.equal(update.body.createdAt, created.body.createdAt);
    assert.equal(update.body.version, created.body.version + 1);
  });

  test("a record cannot be placed in a unit outside the caller's area", async () => {
    const admin = await signIn(stack, 'vinhhai.admin');
    const placed = await request(
      stack.url,
      'POST',
      '/api/households',
      {
        code: 'MASS-2',
        ownerName: 'Lê Văn Gán',
        unitId: '22363-2409',
      },
      bearer(admin),
    );
    assert.equal(placed.status, 400);
    assert.equal(placed.body.errors.unitId, 'Phường/xã không tồn tại');
  });
});
