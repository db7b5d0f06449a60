import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { Action, ProtectedResource, Role } from '../../../shared/auth/roles';
import { API_URL, type HttpClient } from '../data/httpClient';
import { clearSession, currentToken, saveSession } from './session';

/** What the role may do, resource by resource: the server's answer from the role table. */
export type Permissions = Partial<Record<ProtectedResource, Action[]>>;

/** What `GET /api/auth/me` answers: the user, their area and what their role may do. */
export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  accountId: string;
  accountName: string;
  scopePath: string;
  scopeUnitId: string | null;
  permissions: Permissions;
  menu: ProtectedResource[];
}

/**
 * The identity react-admin's UserMenu shows (`fullName`: the person and their account), with
 * what the menu and forms need besides.
 */
export interface Identity extends UserIdentity {
  name: string;
  username: string;
  role: Role;
  accountId: string;
  accountName: string;
  menu: ProtectedResource[];
}

/** react-admin's page actions, in the API's action words (shared/auth/roles.ts). */
const ACTIONS: Record<string, string> = {
  list: 'list',
  show: 'read',
  edit: 'update',
  create: 'create',
  delete: 'delete',
  export: 'list',
  clone: 'create',
};

/**
 * Sign-in against the API's sessions. The role table decides what the panel offers, so the
 * panel hides what the API would refuse; the API still checks every call. A list page is offered
 * only for the resources of the role's menu: a ward officer reads accounts (as references) but
 * does not browse them.
 */
export const createAuthProvider = (httpClient: HttpClient): AuthProvider => {
  let me: Promise<Me> | undefined;

  const fetchMe = (): Promise<Me> => {
    // Asked for on the login page too (the app bar's identity): no session, no call.
    if (!currentToken()) return Promise.reject(new Error('ra.auth.auth_check_error'));
    me ??= httpClient(`${API_URL}/auth/me`).then(
      ({ json }) => json as Me,
      (error: unknown) => {
        me = undefined;
        throw error;
      },
    );

    return me;
  };

  return {
    login: async ({ username, password }: { username: string; password: string }) => {
      me = undefined;
      const { json } = await httpClient(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      });
      saveSession(json as { token: string; expiresAt: string });
    },
    logout: async () => {
      if (currentToken()) {
        // Ends the session on the server too; a failure here must not keep the user signed in.
        await httpClient(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
      }
      clearSession();
      me = undefined;
    },
    checkAuth: async () => {
      if (!currentToken()) throw new Error('ra.auth.auth_check_error');
    },
    checkError: async (error: unknown) => {
      // 401: the session ended (expired, signed out elsewhere, password changed). A 403 is a
      // refusal of one action and leaves the session alone.
      if (error instanceof HttpError && error.status === 401) {
        clearSession();
        me = undefined;
        throw error;
      }
    },
    getIdentity: async (): Promise<Identity> => {
      const user = await fetchMe();

      return {
        id: user.id,
        fullName: `${user.fullName} · ${user.accountName}`,
        name: user.fullName,
        username: user.username,
        role: user.role,
        accountId: user.accountId,
        accountName: user.accountName,
        menu: user.menu,
      };
    },
    getPermissions: async () => (await fetchMe()).permissions,
    canAccess: async ({ resource, action }) => {
      if (!currentToken()) return false;
      const user = await fetchMe();
      const wanted = (ACTIONS[action] ?? action) as Action;
      if (action === 'list' && !user.menu.includes(resource as ProtectedResource)) return false;

      return user.permissions[resource as ProtectedResource]?.includes(wanted) ?? false;
    },
  };
};
