import { errorCodes, fieldErrorCodes } from '@sesame/contracts';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { reasonMessage } from '../src/lib/problem-message.ts';
import { en } from '../src/locales/en.ts';
import { fr } from '../src/locales/fr.ts';

async function translator(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** The params the API sends with these codes (a role's names in both languages, areas…). */
const params = { role: 'Publisher', roleFr: 'Publication', userType: 'Viewer', userTypeFr: 'Lecteur', areas: 'content', reason: 'at_creation', names: 'Poste SIG', char: 'U+0000' };

/** Refusals of a request itself (issue 11): a control character in a text, and the HTTP layer's own refusals. */
const requestCodes = ['malformed_json', 'payload_too_large', 'unsupported_media_type', 'uri_too_long', 'method_not_allowed'] as const;

describe('request refusals', () => {
  it('are stable codes of the shared contract, with their own words in French and in English', async () => {
    expect(fieldErrorCodes).toContain('control_character');
    for (const code of requestCodes) expect(errorCodes).toContain(code);
    const [tFr, tEn] = [await translator('fr'), await translator('en')];
    const frCodes = (code: string) => reasonMessage(code, 'English message', tFr, params);
    const enCodes = (code: string) => reasonMessage(code, 'English message', tEn, params);
    for (const code of ['control_character', ...requestCodes]) {
      expect(frCodes(code), `fr ${code}`).toMatch(/\S/);
      expect(frCodes(code), `fr ${code}`).not.toBe('English message');
      expect(enCodes(code), `en ${code}`).toMatch(/\S/);
      expect(enCodes(code), `en ${code}`).not.toBe('English message');
      expect(frCodes(code), code).not.toBe(enCodes(code));
    }
  });
});
