/**
 * The built-in password rules, each with its own code, said exactly (issue 13, item 8).
 * {@link passwordRuleChecks} is the one list of every rule the server applies that needs
 * nothing but the password and the username: the server refuses with these codes, and a
 * form can show each rule as met or not while the member types. The common-password rule
 * (`password_common`) is the server's alone: its list stays out of the browser.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
/** Usernames shorter than this are not looked for in the password (they would match too much). */
export const PASSWORD_USERNAME_MIN_MATCH = 4;

export const passwordRuleCodes = ['password_too_short', 'password_too_long', 'password_needs_letter', 'password_needs_digit', 'password_contains_username'] as const;
export type PasswordRuleCode = (typeof passwordRuleCodes)[number];
/** Rules only the server checks (it holds the list of common passwords). */
export const serverPasswordRuleCodes = ['password_common'] as const;
export type ServerPasswordRuleCode = (typeof serverPasswordRuleCodes)[number];

export type PasswordRuleCheck = {
  code: PasswordRuleCode;
  /** The figures the rule is made of (`min`, `max`), for a client that words it itself. */
  params: Record<string, number>;
  /** Whether the password meets the rule. */
  ok: boolean;
  /** English wording of the refusal (the API's `message`); clients translate `code`. */
  message: string;
};

export type PasswordRuleContext = { username?: string | null };

/**
 * Every pure rule, in a fixed order, each marked met or not: length (at least
 * {@link PASSWORD_MIN_LENGTH}, at most {@link PASSWORD_MAX_LENGTH} characters), at least one
 * letter, at least one digit, and — when the username is known — not containing it (case
 * ignored).
 */
export function passwordRuleChecks(password: string, context: PasswordRuleContext = {}): PasswordRuleCheck[] {
  const length = [...password].length;
  const checks: PasswordRuleCheck[] = [
    { code: 'password_too_short', params: { min: PASSWORD_MIN_LENGTH }, ok: length >= PASSWORD_MIN_LENGTH, message: `Password must have at least ${PASSWORD_MIN_LENGTH} characters` },
    { code: 'password_too_long', params: { max: PASSWORD_MAX_LENGTH }, ok: length <= PASSWORD_MAX_LENGTH, message: `Password must have at most ${PASSWORD_MAX_LENGTH} characters` },
    { code: 'password_needs_letter', params: {}, ok: /\p{L}/u.test(password), message: 'Password must contain at least one letter' },
    { code: 'password_needs_digit', params: {}, ok: /\d/.test(password), message: 'Password must contain at least one digit' },
  ];
  const username = context.username ?? '';
  if (username.length >= PASSWORD_USERNAME_MIN_MATCH) {
    checks.push({
      code: 'password_contains_username',
      params: {},
      ok: !password.toLowerCase().includes(username.toLowerCase()),
      message: 'The password must not contain the username',
    });
  }
  return checks;
}

/** The rules a password fails (empty when it meets them all). */
export const passwordRuleFailures = (password: string, context: PasswordRuleContext = {}): PasswordRuleCheck[] =>
  passwordRuleChecks(password, context).filter((c) => !c.ok);
