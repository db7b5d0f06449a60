import { getAccount } from '../../shared/accounts/store';
import { type Principal, scopeUnitId } from '../../shared/auth/principal';
import { menus, permissions } from '../../shared/auth/roles';
import { createSession, endSession, newSessionId } from '../../shared/auth/sessions';
import { signIn } from '../../shared/auth/sign-in';
import { signToken } from '../../shared/auth/tokens';
import { verifyPassword } from '../../shared/auth/password';
import { defaultDb } from '../../shared/db/client';
import { ValidationError } from '../../shared/errors';
import { findStoredUser, setPassword } from '../../shared/users/store';
import { asObject } from '../../shared/validation';
import { clientIp } from '../http/auth';
import { routedHandler } from '../http/handler';
import { jsonBody } from '../http/request';
import { json } from '../http/types';

const db = () => defaultDb();

/** What the admin needs to know about the signed-in user: who, where, and what they may do. */
const identity = async (principal: Principal) => {
  const account = await getAccount(db(), principal.accountId);

  return {
    id: principal.userId,
    username: principal.username,
    fullName: principal.fullName,
    role: principal.role,
    accountId: account.id,
    accountName: account.name,
    scopePath: principal.scopePath,
    scopeUnitId: scopeUnitId(principal) ?? null,
    permissions: Object.fromEntries(
      Object.entries(permissions).map(([resource, byRole]) => [resource, byRole[principal.role]]),
    ),
    menu: menus[principal.role],
  };
};

export const handler = routedHandler(
  {
    'POST /api/auth/logout': async (_event, principal) => {
      await endSession(db(), principal.userId, principal.sessionId);

      return json(200, { message: 'Đã đăng xuất' });
    },
    'GET /api/auth/me': async (_event, principal) => json(200, await identity(principal)),
    'POST /api/auth/password': async (event, principal) => {
      const body = asObject(jsonBody(event));
      const user = await findStoredUser(db(), principal.userId);
      const current = typeof body.currentPassword === 'string' ? body.currentPassword : '';
      if (!user || !(await verifyPassword(current, user.passwordHash))) {
        throw new ValidationError(
          'Mật khẩu hiện tại không đúng',
          {
            currentPassword: 'Không đúng',
          },
          'auth.wrong_password',
        );
      }
      if (body.newPassword === current) {
        throw new ValidationError('Mật khẩu mới phải khác mật khẩu hiện tại', {
          newPassword: 'Trùng mật khẩu cũ',
        });
      }
      const now = new Date();
      await setPassword(db(), principal, user, body.newPassword, now.toISOString());

      // Every session ended with the change, this one too; the caller gets a fresh one.
      const sessionId = newSessionId();
      await createSession(db(), user.id, sessionId, now);
      const token = await signToken({ sub: user.id, sid: sessionId, acc: user.accountId }, now);

      return json(200, { message: 'Đã đổi mật khẩu', token });
    },
  },
  {
    'POST /api/auth/login': async (event) => {
      const body = asObject(jsonBody(event));
      const signedIn = await signIn(db(), body, clientIp(event));

      return json(200, { token: signedIn.token, expiresAt: signedIn.expiresAt });
    },
  },
);
