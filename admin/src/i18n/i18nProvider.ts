import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { resources } from '../../../shared/resources';
import { appEnglish } from './appEnglish';
import { appVietnamese } from './appVietnamese';
import { raVietnamese } from './raVietnamese';
import { allResourceMessages } from './resourceMessages';

const messages: Record<string, TranslationMessages> = {
  vi: { ...raVietnamese, ...appVietnamese, resources: allResourceMessages(resources, 'vi') },
  en: { ...englishMessages, ...appEnglish, resources: allResourceMessages(resources, 'en') },
};

/**
 * Vietnamese first (DESIGN.md §7), English on request. react-admin keeps the chosen locale in
 * its store (localStorage), so the choice survives a reload.
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages.vi,
  'vi',
  [
    { locale: 'vi', name: 'Tiếng Việt' },
    { locale: 'en', name: 'English' },
  ],
);
