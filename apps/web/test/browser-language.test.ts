import { describe, expect, it } from 'vitest';
import { browserLanguage } from '../src/lib/i18n.ts';

describe('the language of a first visit', () => {
  it('is French unless the browser ranks English above French', () => {
    expect(browserLanguage(['en-US', 'en', 'fr'])).toBe('en');
    expect(browserLanguage(['en-GB'])).toBe('en');
    expect(browserLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(browserLanguage(['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(browserLanguage(['de-DE', 'fr-FR', 'en'])).toBe('fr');
  });

  it('is French when the browser names neither language, or nothing', () => {
    expect(browserLanguage(['de-DE', 'es'])).toBe('fr');
    expect(browserLanguage([])).toBe('fr');
    expect(browserLanguage([''])).toBe('fr');
  });
});
