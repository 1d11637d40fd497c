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

/**
 * Why a single or bulk action on members can be refused: the problem codes of the manage
 * services, and the field codes a bulk result carries for a refused role change.
 */
const problemReasons = [
  'owns_content',
  'last_administrator',
  'own_account',
  'already_disabled',
  'not_disabled',
  'enterprise_login',
  'not_activated',
  'administrator_required',
  'not_pending',
  'seats_exhausted',
  'forbidden',
  'not_found',
] as const;
const fieldReasons = ['privilege_above_own', 'incompatible_role', 'administrator_not_allowed', 'unknown_role', 'license_would_be_lost'] as const;

describe('refusal reasons', () => {
  it('are stable codes of the shared contract', () => {
    for (const code of problemReasons) expect(errorCodes).toContain(code);
    for (const code of fieldReasons) expect(fieldErrorCodes).toContain(code);
  });

  it('have their own words in French and in English', async () => {
    const [tFr, tEn] = [await translator('fr'), await translator('en')];
    const frCodes = (code: string) => reasonMessage(code, 'English message', tFr, params);
    const enCodes = (code: string) => reasonMessage(code, 'English message', tEn, params);
    for (const code of [...problemReasons, ...fieldReasons]) {
      expect(frCodes(code), `fr ${code}`).toMatch(/\S/);
      expect(frCodes(code), `fr ${code}`).not.toBe('English message');
      expect(enCodes(code), `en ${code}`).toMatch(/\S/);
      expect(enCodes(code), `en ${code}`).not.toBe('English message');
      expect(frCodes(code), code).not.toBe(enCodes(code));
    }
  });
});
