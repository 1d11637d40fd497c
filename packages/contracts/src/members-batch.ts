import { z } from 'zod';
import { MultiLineText, nonBlank, SingleLineText } from './text.ts';
import { Language, ProfileVisibility, Units } from './enums.ts';
import { Password } from './auth.ts';
import { Member } from './members.ts';

export const MAX_CATEGORIES = 20;

/** 6 to 128 printable ASCII characters, no spaces; case-sensitive. */
export const Username = z
  .string()
  .min(6, 'Username must have at least 6 characters')
  .max(128, 'Username must have at most 128 characters')
  .regex(/^[\x21-\x7E]+$/, 'Username may contain only ASCII letters, digits and symbols, without spaces or accents');

/** Required, a plausible address, and no apostrophe (the CSV help says so too). */
export const Email = z
  .string()
  .trim()
  .min(1, 'Email is required')
  .max(254, 'Email must have at most 254 characters')
  .refine((e) => !/['’‘`]/.test(e), { message: 'Email cannot contain an apostrophe', params: { code: 'email_apostrophe' } })
  // A check of the string (not a pipe), so that the OpenAPI document says `format: email`.
  .email('Enter a valid email address');

/**
 * A first or last name as the CSV library checks it (its own row issues say why; a control
 * character in a cell is that library's rule).
 */
export const PersonName = (what: string) => z.string().trim().min(1, `${what} is required`).max(100, `${what} must have at most 100 characters`);

/** A first or last name in a request: a {@link PersonName} on one line, without control characters. */
export const MemberName = (what: string) =>
  SingleLineText.trim().min(1, `${what} is required`).max(100, `${what} must have at most 100 characters`).meta(nonBlank);

export const NewMember = z.object({
  firstName: MemberName('First name'),
  lastName: MemberName('Last name'),
  email: Email,
  username: Username,
  /** Role id or key. */
  role: SingleLineText.trim().min(1, 'Role is required').max(100).meta(nonBlank),
  /** User type id or key. */
  userType: SingleLineText.trim().min(1, 'User type is required').max(100).meta(nonBlank),
  /** Credentials mode only; generated when absent. Never for an organization login. */
  password: Password.optional(),
  /**
   * An organization login (SAML 2.0 or OpenID Connect): `username` is the provider's NameID /
   * `sub`, exactly; no password. Absent: a Sésame (built-in) account.
   */
  identityType: z.enum(['saml', 'oidc'], 'The identity type must be saml or oidc').optional(),
});
export type NewMember = z.infer<typeof NewMember>;

export const MemberSettings = z.object({
  profileVisibility: ProfileVisibility.optional(),
  language: Language.optional(),
  /** Number and date format, as a BCP 47 locale (e.g. fr-FR, en-GB). */
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Locale must look like fr-FR').optional(),
  units: Units.optional(),
  startPage: SingleLineText.trim().min(1).max(100).meta(nonBlank).optional(),
});
export type MemberSettings = z.infer<typeof MemberSettings>;

const Ids = (max: number, message: string) => z.array(SingleLineText.min(1).max(100)).max(max, message);

export const BatchProperties = z.object({
  licenses: Ids(50, 'At most 50 licences').optional(),
  groups: Ids(200, 'At most 200 groups').optional(),
  categories: Ids(MAX_CATEGORIES, `At most ${MAX_CATEGORIES} member categories`).optional(),
  settings: MemberSettings.optional(),
});
export type BatchProperties = z.infer<typeof BatchProperties>;

export const BatchMode = z.enum(['credentials', 'invite']);
export type BatchMode = z.infer<typeof BatchMode>;

export const MembersBatchBody = z.object({
  mode: BatchMode,
  message: MultiLineText.trim().max(2000, 'The message must have at most 2000 characters').optional(),
  members: z.array(NewMember).min(1, 'Add at least one member').max(1000, 'At most 1000 members at once; use a CSV import for more'),
  properties: BatchProperties.optional(),
});
export type MembersBatchBody = z.infer<typeof MembersBatchBody>;

export const TemporaryPassword = z.object({ username: z.string(), password: z.string() });

export const MembersBatchResponse = z.object({
  created: z.array(Member),
  temporaryPasswords: z.array(TemporaryPassword).optional(),
});
export type MembersBatchResponse = z.infer<typeof MembersBatchResponse>;

export const UsernameSuggestionQuery = z.object({
  firstName: SingleLineText.max(100).default(''),
  lastName: SingleLineText.max(100).default(''),
  email: SingleLineText.max(254).default(''),
  /** Usernames already taken in the wizard's pending list. */
  exclude: z.union([SingleLineText, z.array(SingleLineText)]).optional(),
});
export const UsernameSuggestion = z.object({ username: z.string(), available: z.boolean() });

export const usernameFormats = ['first.last', 'firstlast', 'flast', 'first_last', 'email'] as const;
export type UsernameFormat = (typeof usernameFormats)[number];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** The organization's username format applied to a name (before making it unique). */
export function formatUsername(format: string, p: { firstName: string; lastName: string; email: string }): string {
  const f = ascii(p.firstName);
  const l = ascii(p.lastName);
  let base: string;
  switch (format) {
    case 'firstlast':
      base = `${f}${l}`;
      break;
    case 'flast':
      base = `${f.slice(0, 1)}${l}`;
      break;
    case 'first_last':
      base = [f, l].filter(Boolean).join('_');
      break;
    case 'email':
      base = p.email.trim().replace(/[^\x21-\x7E]/g, '');
      break;
    default:
      base = [f, l].filter(Boolean).join('.');
  }
  base = base.slice(0, 120);
  // Pad short names so the proposal satisfies the 6-character minimum.
  return base.length >= 6 ? base : `${base}${'000000'.slice(base.length)}`.slice(0, Math.max(6, base.length));
}
