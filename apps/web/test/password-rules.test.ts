import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { clientRefusal, refusedRuleCodes, ruleLines } from '../src/components/password-rules/password-rules.ts';
import { memberFieldError, memberFormSchema } from '../src/features/add-members/member-form.ts';
import { en } from '../src/locales/en.ts';
import { fr } from '../src/locales/fr.ts';

// Issue 13, item 8: every rule the server applies, as the password forms list and word them.

async function translator(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const states = (lines: ReturnType<typeof ruleLines>) => Object.fromEntries(lines.map((line) => [line.code, line.state]));

describe('ruleLines', () => {
  it('lists every rule the server applies, the common-password one as the server’s', () => {
    expect(states(ruleLines('abc', 'jdupont', null))).toEqual({
      password_too_short: 'unmet',
      password_too_long: 'met',
      password_needs_letter: 'met',
      password_needs_digit: 'unmet',
      password_contains_username: 'met',
      password_common: 'server',
    });
    expect(states(ruleLines('JDupont-2026', 'jdupont', null)).password_contains_username).toBe('unmet');
    expect(ruleLines('Long-enough-1', 'jdupont', null).find((line) => line.code === 'password_too_short')?.params).toEqual({ min: 8 });
  });

  it('marks the rules the server refused while the password it was sent is unchanged', () => {
    const refused = { password: 'Password123', codes: refusedRuleCodes([{ code: 'password_common' }, { code: 'wrong_password' }, {}]) };
    expect(refused.codes).toEqual(['password_common']);
    expect(states(ruleLines('Password123', 'jdupont', refused)).password_common).toBe('refused');
    expect(states(ruleLines('Password1234', 'jdupont', refused)).password_common).toBe('server');
  });
});

describe('clientRefusal', () => {
  it('names each failed rule in the contracts’ words, in the interface language', async () => {
    expect(clientRefusal('jdupont', 'jdupont', await translator('fr'))).toBe(
      'Le mot de passe doit comporter au moins 8 caractères\u00A0; Le mot de passe doit contenir au moins un chiffre\u00A0; Le mot de passe ne doit pas contenir le nom d’utilisateur',
    );
    expect(clientRefusal('x-JDUPONT-1', 'jdupont', await translator('en'))).toBe('The password must not contain the username');
    expect(clientRefusal('Vent-du-large-2026', 'jdupont', await translator('en'))).toBeUndefined();
  });
});

describe('the wizard’s temporary password', () => {
  const values = { firstName: 'Jean', lastName: 'Dupont', email: 'j@example.org', username: 'jdupont', userType: 'creator', role: 'user', identityType: '' };

  it('is refused when it contains the username, naming that rule', async () => {
    const schema = memberFormSchema('credentials', []);
    const result = schema.safeParse({ ...values, password: 'Jdupont-2026' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['password']);
    expect(memberFieldError(await translator('fr'), 'password', { type: 'custom' }, 'Jdupont-2026', 'jdupont')).toBe('Le mot de passe ne doit pas contenir le nom d’utilisateur');
    expect(schema.safeParse({ ...values, password: 'Vent-du-large-2026' }).success).toBe(true);
    // Empty: one is generated; invited members choose their own.
    expect(schema.safeParse({ ...values, password: '' }).success).toBe(true);
    expect(memberFormSchema('invite', []).safeParse({ ...values, password: 'Jdupont-2026' }).success).toBe(true);
  });
});
