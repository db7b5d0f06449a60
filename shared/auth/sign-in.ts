import { getItem } from '../db/items';
import { keys } from '../db/keys';
import type { Db } from '../db/client';
import { TooManyRequestsError, UnauthorizedError, ValidationError } from '../errors';
import { findUserByUsername, recordSignIn } from '../users/store';
import { clearFailures, lockedUntil, recordFailure } from './lockout';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession, newSessionId } from './sessions';
import { SESSION_HOURS, signToken } from './tokens';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';

const lockedError = (until: number) => {
  const time = new Date(until).toLocaleTimeString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  });

  return new TooManyRequestsError(
    `Đăng nhập sai 5 lần trong 15 phút nên tên đăng nhập này tạm khóa đến ${time}. Vui lòng thử lại sau.`,
    'auth.locked',
    Math.ceil((until - Date.now()) / 1000),
  );
};

export interface SignedIn {
  token: string;
  expiresAt: string;
  userId: string;
}

/**
 * Checks a username and password. A wrong username and a wrong password get the same answer
 * after the same work (a hash is checked either way); failures count per username in the
 * table, known or not, and the fifth within 15 minutes locks it for 15 minutes.
 */
export const signIn = async (
  db: Db,
  body: { username?: unknown; password?: unknown },
  clientIp: string,
  now = new Date(),
): Promise<SignedIn> => {
  if (
    typeof body.username !== 'string' ||
    typeof body.password !== 'string' ||
    !body.username.trim() ||
    !body.password
  ) {
    throw new ValidationError('Cần nhập tên đăng nhập và mật khẩu', {
      ...(typeof body.username === 'string' && body.username.trim()
        ? {}
        : { username: 'Cần nhập' }),
      ...(typeof body.password === 'string' && body.password ? {} : { password: 'Cần nhập' }),
    });
  }
  const username = body.username.trim().toLowerCase().slice(0, 80);
  const at = now.getTime();

  const locked = await lockedUntil(db, username, at);
  if (locked) throw lockedError(locked);

  const user = await findUserByUsername(db, username);
  const passwordOk = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
  const account = user && passwordOk ? await getItem(db, keys.account(user.accountId)) : undefined;
  if (!user || !passwordOk || !user.active || !account || account.status === 'closed') {
    const lockedNow = await recordFailure(db, username, at, clientIp);
    if (lockedNow) throw lockedError(lockedNow);
    throw new UnauthorizedError(WRONG, 'auth.bad_credentials');
  }

  await clearFailures(db, username);
  const sessionId = newSessionId();
  await createSession(db, user.id, sessionId, now);
  await recordSignIn(db, user.id, now.toISOString());

  return {
    token: await signToken({ sub: user.id, sid: sessionId, acc: user.accountId }, now),
    expiresAt: new Date(at + SESSION_HOURS * 3600_000).toISOString(),
    userId: user.id,
  };
};
