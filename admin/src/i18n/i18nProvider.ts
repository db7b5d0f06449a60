import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { resources } from '../../../shared/resources';
import { billingEnglish, billingResourceNames, billingVietnamese } from '../billing/messages';
import { feesEnglish, feesVietnamese } from '../bills/messages';
import { paymentsEnglish, paymentsVietnamese } from '../payments/messages';
import { appEnglish } from './appEnglish';
import { appVietnamese } from './appVietnamese';
import { raVietnamese } from './raVietnamese';
import { allResourceMessages } from './resourceMessages';

const messages: Record<string, TranslationMessages> = {
  vi: {
    ...raVietnamese,
    ...appVietnamese,
    ...billingVietnamese,
    ...paymentsVietnamese,
    ...feesVietnamese,
    resources: { ...allResourceMessages(resources, 'vi'), ...billingResourceNames.vi },
  },
  en: {
    ...englishMessages,
    ...appEnglish,
    ...billingEnglish,
    ...paymentsEnglish,
    ...feesEnglish,
    resources: { ...allResourceMessages(resources, 'en'), ...billingResourceNames.en },
  },
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
