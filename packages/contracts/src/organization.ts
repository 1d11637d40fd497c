import { z } from 'zod';
import { IdentityType, ProfileVisibility, Units } from './enums.ts';

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
