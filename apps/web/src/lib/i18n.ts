import { unbreakableEmailWord } from '@sesame/contracts';
import i18n, { type PostProcessorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en.ts';
import { fr } from '../locales/fr.ts';

export const supportedLanguages = ['fr', 'en'] as const;
export type AppLanguage = (typeof supportedLanguages)[number];

const storageKey = 'sesame.language';
/** French is the product's reference language and the default. */
const defaultLanguage: AppLanguage = 'fr';

function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/**
 * The language a first visit follows: French (the reference) unless the browser ranks English
 * above French. `languages` is the browser's ordered list (`navigator.languages`).
 */
export function browserLanguage(languages: readonly string[]): AppLanguage {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (isAppLanguage(primary)) return primary;
  }
  return defaultLanguage;
}

/** The choice made in the language menu, else the browser's language (first visit). */
function initialLanguage(): AppLanguage {
  // Outside a browser (unit tests), the reference language.
  if (typeof window === 'undefined') return defaultLanguage;
  try {
    const value = window.localStorage.getItem(storageKey);
    if (isAppLanguage(value)) return value;
  } catch {
    // Storage refused (private browsing): follow the browser.
  }
  return browserLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

function applyLanguage(language: string) {
  // Outside a browser (unit tests of code that imports this module) there is no page to label.
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
}

/** Remembers the language chosen in the menu; the browser's language is followed until then. */
function rememberLanguage(language: AppLanguage) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

export function currentLanguage(): AppLanguage {
  return isAppLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
}

/** BCP 47 locale used for dates and numbers in each interface language. */
export function localeFor(language: AppLanguage): string {
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}

export function changeLanguage(language: AppLanguage) {
  rememberLanguage(language);
  return i18n.changeLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

/** Every displayed message: no line break inside "e-mail" (a non-breaking hyphen). */
const noBreakInsideEmail: PostProcessorModule = { type: 'postProcessor', name: 'noBreakInsideEmail', process: (value: string) => unbreakableEmailWord(value) };

void i18n.use(initReactI18next).use(noBreakInsideEmail).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  interpolation: { escapeValue: false },
  returnNull: false,
  postProcess: ['noBreakInsideEmail'],
  initAsync: false,
});

export { i18n };

/** Any translation key, checked against the French reference resources. */
export type MessageKey = import('i18next').ParseKeys;
