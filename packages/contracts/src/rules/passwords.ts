import { passwordRuleFailures, type PasswordRuleCode, type ServerPasswordRuleCode } from '../password-rules.ts';

// The built-in password rule beyond the schema, shared by the API (sign-up paths, password
// changes, first-run setup) and the operators' command line.
/**
 * The commonest breached passwords that satisfy the letter-and-digit rule (from public
 * breach-frequency lists, English and French). Compared case-insensitively.
 */
const list = `password1 password12 password123 password1234 passw0rd p4ssw0rd p@ssw0rd abc12345 abcd1234 abc123456
qwerty123 qwerty12 qwerty1234 qwertyuiop1 azerty123 azerty12 azerty1234 azertyuiop1 a1234567 a12345678 a123456789
1234qwer 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 zaq12wsx q1w2e3r4 q1w2e3r4t5 iloveyou1 iloveyou2 princess1 sunshine1
football1 baseball1 welcome1 welcome123 letmein1 monkey123 dragon123 master123 trustno1 michael1 superman1 batman123
charlie1 jordan23 shadow123 hello123 admin123 admin1234 administrator1 root1234 test1234 test12345 user1234 changeme1
motdepasse1 motdepasse123 motdepasse2024 motdepasse2025 motdepasse2026 soleil123 marseille13 doudou123 chouchou1
loulou123 bonjour1 bonjour123 nicolas1 camille1 julien123 thomas123 chocolat1 password2024 password2025 password2026
summer2024 summer2025 winter2024 winter2025 spring2025 autumn2025 secret123 computer1 internet1 starwars1 pokemon1
naruto123 ninja123 freedom1 whatever1 killer123 jesus123 mustang1 access14 biteme12 hunter12 ranger123 matrix123
123456789a 12345678a 1234567a 123abc456 aa123456 aa12345678 qwe12345 qwer1234 asdf1234 zxcv1234 asd12345 zxc12345`;

export const commonPasswords: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));

export const isCommonPassword = (password: string): boolean => commonPasswords.has(password.toLowerCase());

export type PasswordProblem = { code: PasswordRuleCode | ServerPasswordRuleCode; message: string; params?: Record<string, number> };

/**
 * Every rule a new built-in password fails, one problem each: the pure rules
 * (password-rules.ts: length, letter, digit, not the username) and the list of common
 * passwords. Empty when the password is accepted. Used by the API's sign-up and password
 * paths, the first-run setup and the operators' command line.
 */
export function passwordProblems(password: string, context: { username: string }): PasswordProblem[] {
  const problems: PasswordProblem[] = passwordRuleFailures(password, context).map(({ code, message, params }) => ({ code, message, ...(Object.keys(params).length ? { params } : {}) }));
  if (isCommonPassword(password)) problems.push({ code: 'password_common', message: 'This password is too common; choose another one' });
  return problems;
}
