import type { Language } from './enums.ts';

/**
 * The one way Sésame writes an instant, on every page and in every email (issue 13, item 14):
 * the same instant reads the same everywhere. Minutes are truncated (as Intl does, never
 * rounded), and a time always carries its zone as an offset ("UTC+1"), so a page read in one
 * zone and an email written for another never seem to disagree.
 *
 * Styles: `date` (a day, no time: "2 déc. 2026"), `dateTime` (short: "02/12/2026 23:28 UTC+1"),
 * `long` (a sentence's date: "2 décembre 2026 à 23:28 UTC+1").
 */
export type InstantStyle = 'date' | 'dateTime' | 'long';

export type InstantOptions = {
  lang: Language;
  /** BCP 47 locale for the figures (a member's `locale`); ignored when its language differs. */
  locale?: string | null | undefined;
  /** IANA zone; the runtime's own zone (the viewer's, in a browser) when absent. */
  timeZone?: string | undefined;
  style?: InstantStyle;
};

const defaultLocales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const styles: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'shortOffset' },
  long: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'shortOffset' },
};

/** The locale used for `lang`: the given one when it is of that language, else the language's default. */
export function instantLocale(lang: Language, locale?: string | null): string {
  return locale && locale.toLowerCase().startsWith(lang) ? locale : defaultLocales[lang];
}

/** "GMT+1" (some locales) and "UTC+1" are the same offset: always written "UTC+1", and "UTC" for no offset. */
const zoneWords = (text: string) =>
  text.replace(/\b(?:GMT|UTC)([+−-]\d{1,2}(?::\d{2})?)?/g, (_m, offset?: string) => (offset && !/^[+−-]0$/.test(offset) ? `UTC${offset.replace('−', '-')}` : 'UTC'));

/** A formatter for many instants with the same options (a table's column). */
export function instantFormatter(options: InstantOptions): (at: string | Date) => string {
  const format = new Intl.DateTimeFormat(instantLocale(options.lang, options.locale), {
    ...styles[options.style ?? 'dateTime'],
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  return (at) => {
    const date = typeof at === 'string' ? new Date(at) : at;
    if (Number.isNaN(date.getTime())) return '';
    return zoneWords(format.format(date).replace(/\u202f/g, '\u00a0'));
  };
}

/** One instant as Sésame writes it (see {@link InstantStyle}). */
export function formatInstant(at: string | Date, options: InstantOptions): string {
  return instantFormatter(options)(at);
}
