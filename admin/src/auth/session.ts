/**
 * The signed-in session as the browser keeps it: the API's bearer token and when it ends.
 * localStorage, so a reload or a second tab stays signed in until the token expires.
 */
const KEY = 'nguon.session';

interface Session {
  token: string;
  expiresAt: string;
}

export const saveSession = (session: Session): void =>
  localStorage.setItem(KEY, JSON.stringify(session));

export const clearSession = (): void => localStorage.removeItem(KEY);

/** The token, while it is still valid; an expired one is dropped rather than sent. */
export const currentToken = (now = Date.now()): string | undefined => {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    if (session && Date.parse(session.expiresAt) > now) return session.token;
  } catch {
    // A damaged entry is treated as no session.
  }
  clearSession();

  return undefined;
};

/**
 * Keeps a token the API handed out without an expiry beside it (a password change answers only
 * `{ message, token }`): the expiry is read from the token's own `exp` claim. The claim is not
 * verified here, and need not be: it only decides when this browser stops sending the token.
 */
export const saveToken = (token: string): void => {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
    exp?: number;
  };
  if (typeof claims.exp !== 'number') throw new Error('The token carries no expiry');
  saveSession({ token, expiresAt: new Date(claims.exp * 1000).toISOString() });
};
