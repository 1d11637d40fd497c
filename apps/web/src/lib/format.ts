import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeFor, type AppLanguage } from './i18n.ts';

interface Named {
  name: string;
  nameFr: string;
}

/** Date, number and label formatting that follows the interface language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language: AppLanguage = i18n.resolvedLanguage === 'en' ? 'en' : 'fr';
  return useMemo(() => {
    const locale = localeFor(language);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    const longDateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    return {
      language,
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      longDateTime: (iso: string) => longDateTime.format(new Date(iso)),
      number: (value: number) => number.format(value),
      /** Reference data carries an English `name` and a French `nameFr`. */
      name: (item: Named) => (language === 'fr' ? item.nameFr || item.name : item.name),
    };
  }, [language]);
}
