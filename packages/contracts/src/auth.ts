import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordRuleFailures } from './password-rules.ts';
import { SingleLineText } from './text.ts';
import { Privileges } from './enums.ts';
import { Member } from './members.ts';

export const SignInBody = z.object({
  username: SingleLineText.min(1).max(256),
  password: z.string().min(1).max(1024),
  /** Organization slug; only needed when the same username exists in several organizations. */
  organization: SingleLineText.max(100).optional(),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const SignInResponse = z.object({
  member: Member,
  mustChangePassword: z.boolean(),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

export const OrganizationSummary = z.object({ id: z.string(), slug: z.string(), name: z.string() });
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const MeResponse = z.object({
  member: Member,
  organization: OrganizationSummary,
  privileges: Privileges,
  mustChangePassword: z.boolean(),
  /** The signed-in member's role is an administrator role (reset passwords, act on administrators). */
  isAdministrator: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const CsrfResponse = z.object({ token: z.string() });

/** Built-in password rule: at least 8 characters, a letter and a digit. */
export const passwordRuleMessage = 'Password must have at least 8 characters, including a letter and a digit';
/**
 * A new built-in password: one issue per rule it fails (password-rules.ts), each with its
 * code and figures (`params: { code, min }`), which the API returns in `errors[]`.
 */
export const Password = z
  .string()
  .superRefine((password, ctx) => {
    for (const rule of passwordRuleFailures(password)) ctx.addIssue({ code: 'custom', message: rule.message, params: { code: rule.code, ...rule.params } });
  })
  .meta({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const OkResponse = z.object({ ok: z.literal(true) });
export const HealthResponse = z.object({ status: z.literal('ok') });
