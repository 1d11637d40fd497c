import { UpdateMemberBody, type MemberDetail } from '@sesame/contracts';
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { z } from 'zod';

const rules = UpdateMemberBody.shape;

/** The member form: the API's UpdateMemberBody rules field by field (empty texts mean "none"). */
export const memberFormSchema = z.object({
  firstName: rules.firstName.unwrap(),
  lastName: rules.lastName.unwrap(),
  email: rules.email.unwrap(),
  description: z.string().max(4000),
  country: z.string().trim().max(100),
  profileVisibility: rules.profileVisibility.unwrap(),
  language: rules.language.unwrap(),
  units: rules.units.unwrap(),
  locale: rules.locale.unwrap(),
  startPage: rules.startPage.unwrap(),
  role: z.string().trim().min(1),
  userType: z.string().trim().min(1),
  licenses: rules.licenses.unwrap(),
  groups: rules.groups.unwrap(),
  categories: rules.categories.unwrap(),
});
export type MemberFormInput = z.input<typeof memberFormSchema>;
export type MemberFormOutput = z.output<typeof memberFormSchema>;
export type MemberFormField = keyof MemberFormInput;

export function memberFormDefaults(member: MemberDetail): MemberFormInput {
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    description: member.description ?? '',
    country: member.country ?? '',
    profileVisibility: member.profileVisibility,
    language: member.language === 'en' ? 'en' : 'fr',
    units: member.units,
    locale: member.locale,
    startPage: member.startPage,
    role: member.role.id,
    userType: member.userType.id,
    licenses: member.licenses.map((l) => l.id),
    groups: member.groups.map((g) => g.id),
    categories: member.categories.map((c) => c.id),
  };
}

const sameValue = (a: unknown, b: unknown) => {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return a === b;
};

/** Only what changed, as the PATCH body (an empty description or country is removed). */
export function changedFields(values: MemberFormOutput, defaults: MemberFormInput): UpdateMemberBody {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(values) as MemberFormField[]) {
    const value = values[key];
    const before = key === 'description' || key === 'country' ? (defaults[key] as string).trim() : defaults[key];
    const now = key === 'description' || key === 'country' ? (value as string).trim() : value;
    if (sameValue(now, before)) continue;
    body[key] = (key === 'description' || key === 'country') && now === '' ? null : now;
  }
  return body as UpdateMemberBody;
}

/** The field's error in the interface language (server-placed errors are shown as written). */
export function memberFormError(t: TFunction, field: MemberFormField, error: FieldError | undefined, value: unknown): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server') return error.message;
  const prefix = 'memberDetail.errors';
  switch (field) {
    case 'firstName':
      return t(error.type === 'too_big' ? `${prefix}.nameTooLong` : `${prefix}.firstNameRequired`);
    case 'lastName':
      return t(error.type === 'too_big' ? `${prefix}.nameTooLong` : `${prefix}.lastNameRequired`);
    case 'email': {
      const text = typeof value === 'string' ? value : '';
      if (text.trim() === '') return t(`${prefix}.emailRequired`);
      if (/['’‘`]/.test(text)) return t(`${prefix}.emailApostrophe`);
      return t(`${prefix}.emailInvalid`);
    }
    case 'description':
      return t(`${prefix}.descriptionTooLong`);
    case 'country':
      return t(`${prefix}.countryTooLong`);
    case 'categories':
      return t(`${prefix}.tooManyCategories`);
    case 'role':
      return t(`${prefix}.roleRequired`);
    case 'userType':
      return t(`${prefix}.userTypeRequired`);
    default:
      return t(`${prefix}.invalid`);
  }
}

export const memberFormFields = Object.keys(memberFormSchema.shape) as MemberFormField[];
