import { passwordRuleChecks, passwordRuleCodes, serverPasswordRuleCodes, type PasswordRuleCode, type ServerPasswordRuleCode } from '@sesame/contracts';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../lib/api-client.ts';
import { fieldErrorMessage, problemMessage, reasonMessage } from '../../lib/problem-message.ts';

// Every rule the server applies to a new password, as a form shows it (issue 13, item 8): the
// pure rules checked as the member types (packages/contracts password-rules.ts), then the ones
// only the server can check (its list of common passwords), marked refused once it says so.

export type RuleCode = PasswordRuleCode | ServerPasswordRuleCode;
export type RuleState = 'met' | 'unmet' | 'server' | 'refused';

export interface RuleLine {
  code: RuleCode;
  params: Record<string, number>;
  state: RuleState;
}

const ruleCodes: readonly string[] = [...passwordRuleCodes, ...serverPasswordRuleCodes];
const isRuleCode = (code: string): code is RuleCode => ruleCodes.includes(code);

/**
 * The rules, each met or not for `password`. `refused` holds the codes the server gave for the
 * password it was last sent (`refused.password`): they stay refused while the password is unchanged.
 */
export function ruleLines(password: string, username: string | null | undefined, refused: { password: string; codes: readonly string[] } | null): RuleLine[] {
  const stillRefused = refused && refused.password === password ? refused.codes : [];
  const lines: RuleLine[] = passwordRuleChecks(password, { username }).map(({ code, params, ok }) => ({
    code,
    params,
    state: ok && !stillRefused.includes(code) ? 'met' : 'unmet',
  }));
  for (const code of serverPasswordRuleCodes) lines.push({ code, params: {}, state: stillRefused.includes(code) ? 'refused' : 'server' });
  return lines;
}

/** The rules the server named in a refusal (`errors[].code`), for {@link ruleLines}. */
export const refusedRuleCodes = (errors: ReadonlyArray<{ code?: string | undefined }>): RuleCode[] =>
  errors.flatMap((error) => (error.code && isRuleCode(error.code) ? [error.code] : []));

/** Several refusals in one sentence, with the interface language's punctuation. */
const joined = (messages: string[], t: TFunction) => messages.join(t('errors.language') === 'en' ? '; ' : '\u00A0; ');

/** Why the form refuses the password before sending it: each failed rule, worded as the server words it. */
export function clientRefusal(password: string, username: string | null | undefined, t: TFunction): string | undefined {
  const failed = passwordRuleChecks(password, { username }).filter((check) => !check.ok);
  if (!failed.length) return undefined;
  return joined(
    failed.map((check) => reasonMessage(check.code, check.message, t, check.params)),
    t,
  );
}

/** A refusal of the password by the server: each rule it names, in words, and their codes for {@link ruleLines}. */
export function serverRefusal(error: ApiError, t: TFunction): { message: string; codes: RuleCode[] } {
  const message = error.fieldErrors.length ? joined(error.fieldErrors.map((e) => fieldErrorMessage(e, t)), t) : problemMessage(error, t);
  return { message, codes: refusedRuleCodes(error.fieldErrors) };
}
