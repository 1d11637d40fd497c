import { errorCodes, fieldErrorCodes } from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../src/locales/en.ts';
import { fr } from '../src/locales/fr.ts';

/** Refusals of a request itself (issue 11): a control character in a text, and the HTTP layer's own refusals. */
const requestCodes = ['malformed_json', 'payload_too_large', 'unsupported_media_type', 'uri_too_long', 'method_not_allowed'] as const;

describe('request refusals', () => {
  it('are stable codes of the shared contract, with their own words in French and in English', () => {
    expect(fieldErrorCodes).toContain('control_character');
    for (const code of requestCodes) expect(errorCodes).toContain(code);
    const frCodes: Record<string, string> = fr.errors.codes;
    const enCodes: Record<string, string> = en.errors.codes;
    for (const code of ['control_character', ...requestCodes]) {
      expect(frCodes[code], `fr ${code}`).toMatch(/\S/);
      expect(enCodes[code], `en ${code}`).toMatch(/\S/);
      expect(frCodes[code], code).not.toBe(enCodes[code]);
    }
  });
});
