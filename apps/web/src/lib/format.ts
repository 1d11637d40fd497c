import { instantFormatter } from '@sesame/contracts';
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
    // Instants go through the one formatter emails use too (packages/contracts datetime.ts), in
    // the viewer's own zone, which every time shows ("UTC+1").
    const date = instantFormatter({ lang: language, locale, style: 'date' });
    const dateTime = instantFormatter({ lang: language, locale, style: 'dateTime' });
    const longDateTime = instantFormatter({ lang: language, locale, style: 'long' });
    const number = new Intl.NumberFormat(locale);
    return {
      language,
      date,
      dateTime,
      longDateTime,
      number: (value: number) => number.format(value),
      /** Reference data carries an English `name` and a French `nameFr`. */
      name: (item: Named) => (language === 'fr' ? item.nameFr || item.name : item.name),
    };
  }, [language]);
}
