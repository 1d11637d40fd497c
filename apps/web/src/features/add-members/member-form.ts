import { NewMember, Password, passwordRuleFailures, type BatchMode } from '@sesame/contracts';
import { clientRefusal } from '../../components/password-rules/password-rules.ts';
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { z } from 'zod';
import type { LoginMethod, MemberField, MemberFormValues } from './wizard-state.ts';

/**
 * The new-member form's rules: the API's NewMember schema field by field, plus what only the
 * wizard knows (the other usernames of the list; whether passwords are used at all; an
 * organization login's identity type, and no password for it).
 */
export function memberFormSchema(mode: BatchMode | null, otherUsernames: readonly string[], login: LoginMethod = 'builtin') {
  const taken = new Set(otherUsernames);
  const passwords = login === 'builtin' && mode === 'credentials';
  return z.object({
    firstName: NewMember.shape.firstName,
    lastName: NewMember.shape.lastName,
    email: NewMember.shape.email,
    username: NewMember.shape.username.refine((username) => !taken.has(username), { message: 'in_list' }),
    userType: NewMember.shape.userType,
    role: NewMember.shape.role,
    // Empty means "generate one"; invited members choose their own, so it is not checked then.
    password: z.string().refine((password) => !passwords || password === '' || Password.safeParse(password).success),
    identityType: z.string().refine((type) => (login === 'organization' ? type === 'saml' || type === 'oidc' : type === '')),
  })
    // The rule that needs the username too, as the server applies it.
    .superRefine(({ password, username }, ctx) => {
      if (!passwords || password === '') return;
      if (passwordRuleFailures(password, { username }).some((rule) => rule.code === 'password_contains_username')) ctx.addIssue({ code: 'custom', path: ['password'], message: 'password_contains_username' });
    }) satisfies z.ZodType<MemberFormValues, MemberFormValues>;
}

/**
 * The message for a field's error in the interface language. The contract's messages are
 * English, so client-side errors are worded here from the zod issue code; errors placed by
 * the server (type "server") are shown as the server wrote them. A password's error names the
 * rules it fails (`username` for the one about it).
 */
export function memberFieldError(t: TFunction, field: MemberField, error: FieldError | undefined, value: string, username?: string): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server') return error.message;
  const prefix = 'addMembers.member.errors';
  switch (field) {
    case 'firstName':
    case 'lastName':
      if (error.type === 'too_big') return t(`${prefix}.nameTooLong`);
      return t(field === 'firstName' ? `${prefix}.firstNameRequired` : `${prefix}.lastNameRequired`);
    case 'email':
      if (value.trim() === '') return t(`${prefix}.emailRequired`);
      if (/['’‘`]/.test(value)) return t(`${prefix}.emailApostrophe`);
      if (error.type === 'too_big') return t(`${prefix}.emailTooLong`);
      return t(`${prefix}.emailInvalid`);
    case 'username':
      if (error.message === 'in_list') return t(`${prefix}.usernameInList`);
      if (error.type === 'too_small') return t(`${prefix}.usernameTooShort`);
      if (error.type === 'too_big') return t(`${prefix}.usernameTooLong`);
      return t(`${prefix}.usernameAscii`);
    case 'userType':
      return t(`${prefix}.userTypeRequired`);
    case 'role':
      return t(`${prefix}.roleRequired`);
    case 'identityType':
      return t(`${prefix}.identityTypeRequired`);
    case 'password':
      // Each rule the password fails, worded as the server words it.
      return clientRefusal(value, username, t) ?? t(`${prefix}.password`);
  }
}

export function hasMemberEntries(values: Pick<MemberFormValues, 'firstName' | 'lastName' | 'email' | 'password'>): boolean {
  return [values.firstName, values.lastName, values.email, values.password].some((value) => value.trim() !== '');
}
