import { errorCodes, fieldErrorCodes } from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../src/locales/en.ts';
import { fr } from '../src/locales/fr.ts';

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

  it('have their own words in French and in English', () => {
    const frCodes: Record<string, string> = fr.errors.codes;
    const enCodes: Record<string, string> = en.errors.codes;
    for (const code of [...problemReasons, ...fieldReasons]) {
      expect(frCodes[code], `fr ${code}`).toMatch(/\S/);
      expect(enCodes[code], `en ${code}`).toMatch(/\S/);
      expect(frCodes[code], code).not.toBe(enCodes[code]);
    }
  });
});
