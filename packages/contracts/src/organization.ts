import { z } from 'zod';
import { IdentityType, identityTypes, ProfileVisibility, Units } from './enums.ts';
import { nonBlank, SingleLineText } from './text.ts';
import { Password, OrganizationSummary, SignInResponse } from './auth.ts';
import { Email, MemberName, MemberSettings, Username, usernameFormats } from './members-batch.ts';

export const OrganizationDefaults = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  usernameFormat: z.string(),
  defaultRoleId: z.string().nullable(),
  defaultUserTypeId: z.string().nullable(),
  defaultGroupIds: z.array(z.string()),
  defaultLicenseIds: z.array(z.string()),
  allowedIdentityTypes: z.array(IdentityType),
  allowAdminAtCreation: z.boolean(),
  /**
   * Organization logins (SAML, OIDC) create their member at first sign-in. The API always
   * sends it; optional only until the web app's fixtures carry it.
   */
  autoRegisterOrgLogins: z.boolean().optional(),
  namedUserLimit: z.number().int().nullable(),
  memberCount: z.number().int(),
  invitationTtlDays: z.number().int(),
  settings: z.object({
    profileVisibility: ProfileVisibility,
    language: z.string(),
    locale: z.string(),
    units: Units,
    startPage: z.string(),
  }),
});
export type OrganizationDefaults = z.infer<typeof OrganizationDefaults>;

/**
 * An organization's slug: what members type at sign-in and what addresses carry. Lower-case
 * ASCII letters and digits, in words joined by single hyphens; 2 to 63 characters. The one
 * rule of the setup page, the command line and every other place that names a new slug.
 */
export const organizationSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const organizationSlugMessage = 'The identifier may contain only lower-case letters, digits and hyphens (not at the start or end, never two in a row)';
export const OrganizationSlug = z
  .string()
  .min(2, 'The identifier must have at least 2 characters')
  .max(63, 'The identifier must have at most 63 characters')
  .regex(organizationSlugPattern, organizationSlugMessage);
export const isOrganizationSlug = (value: string) => OrganizationSlug.safeParse(value).success;

export const OrganizationName = SingleLineText.trim().min(1, 'The organization name is required').max(200, 'The organization name must have at most 200 characters').meta(nonBlank);

/** GET /api/setup: whether the instance still waits for its first organization. */
export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** The first administrator: a built-in, active member who chooses their password here. */
export const SetupAdministrator = z.object({
  username: Username,
  email: Email,
  firstName: MemberName('First name'),
  lastName: MemberName('Last name'),
  password: Password,
});

/** POST /api/setup: the one-time token the server printed, the organization and its first administrator. */
export const SetupBody = z.object({
  token: SingleLineText.trim().min(1, 'The setup token is required').max(200),
  organization: z.object({ name: OrganizationName, slug: OrganizationSlug }),
  administrator: SetupAdministrator,
});
export type SetupBody = z.infer<typeof SetupBody>;

/** The signed-in administrator (as sign-in answers) and the new organization. */
export const SetupResponse = SignInResponse.extend({ organization: OrganizationSummary });
export type SetupResponse = z.infer<typeof SetupResponse>;

export const MIN_INVITATION_TTL_DAYS = 1;
export const MAX_INVITATION_TTL_DAYS = 90;

/**
 * PATCH /api/organization: the settings an administrator changes (Update on organization
 * settings); every field optional, `settings` merged into the current member defaults.
 * The named-user limit is not here: operators set it (`pnpm sesame create-organization`).
 */
export const UpdateOrganizationBody = z.object({
  name: OrganizationName.optional(),
  usernameFormat: z.enum(usernameFormats).optional(),
  defaultRoleId: z.uuid('Role id must be a UUID').optional(),
  defaultUserTypeId: z.uuid('User type id must be a UUID').optional(),
  defaultGroupIds: z.array(z.uuid('Group id must be a UUID')).max(200, 'At most 200 groups').optional(),
  defaultLicenseIds: z.array(z.uuid('Licence id must be a UUID')).max(50, 'At most 50 licences').optional(),
  allowAdminAtCreation: z.boolean().optional(),
  invitationTtlDays: z
    .number()
    .int('Whole days only')
    .min(MIN_INVITATION_TTL_DAYS, `Invitations last at least ${MIN_INVITATION_TTL_DAYS} day`)
    .max(MAX_INVITATION_TTL_DAYS, `Invitations last at most ${MAX_INVITATION_TTL_DAYS} days`)
    .optional(),
  settings: MemberSettings.optional(),
  allowedIdentityTypes: z.array(IdentityType).min(1, 'Allow at least one identity type').max(identityTypes.length).optional(),
  autoRegisterOrgLogins: z.boolean().optional(),
});
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;
