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
