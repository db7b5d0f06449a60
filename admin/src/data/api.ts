import { createAuthProvider } from '../auth/authProvider';
import { currentToken } from '../auth/session';
import { i18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from './dataProvider';
import { createHttpClient } from './httpClient';

/** The one HTTP client of the admin: every call carries the session and the current locale. */
export const httpClient = createHttpClient(() => i18nProvider.getLocale(), currentToken);

export const dataProvider = createDataProvider(httpClient);

export const authProvider = createAuthProvider(httpClient);
