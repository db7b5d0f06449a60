import { fetchUtils, HttpError } from 'react-admin';

export const API_URL = '/api';

type LocaleSource = () => string;
type TokenSource = () => string | undefined;

export type HttpClient = typeof fetchUtils.fetchJson;

/**
 * fetchJson with the session's bearer token, and the admin's current locale as Accept-Language
 * so the API can answer in the user's language once it translates its messages.
 */
export const createHttpClient =
  (currentLocale: LocaleSource, currentToken: TokenSource): HttpClient =>
  (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    headers.set('Accept-Language', currentLocale());
    const token = currentToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);

    return fetchUtils.fetchJson(url, { ...options, headers }).catch((error: unknown) => {
      throw withFormErrors(error);
    });
  };

/**
 * react-admin puts `body.errors` next to the matching inputs after a failed save, then shows
 * "form invalid" unless `root.serverError` is set. The API's message says what is wrong (a stale
 * version, a duplicate code), so it is passed on as that root error instead.
 */
export const withFormErrors = (error: unknown): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as { message?: string; errors?: Record<string, string> } | undefined;
  const fieldErrors = body?.errors;
  if (!fieldErrors || Object.keys(fieldErrors).length === 0) return error;

  const { _: general, ...fields } = fieldErrors;
  const serverError = general ?? body?.message ?? error.message;
  const errors = { ...fields, root: { serverError } };

  return new HttpError(error.message, error.status, { ...body, errors });
};
