import { z } from 'zod';

export const identityTypes = ['builtin', 'ldap', 'saml', 'oidc'] as const;
export const IdentityType = z.enum(identityTypes);
export type IdentityType = z.infer<typeof IdentityType>;

export const memberStatuses = ['pending', 'active', 'disabled'] as const;
export const MemberStatus = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const ProfileVisibility = z.enum(['private', 'organization', 'everyone']);
export type ProfileVisibility = z.infer<typeof ProfileVisibility>;

export const Units = z.enum(['metric', 'imperial']);
export type Units = z.infer<typeof Units>;

export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

/** The product's privilege areas: a role gives a level (none, View, Update) in each. */
export const privilegeAreas = [
  'manage_access',
  'members',
  'licenses',
  'groups',
  'content',
  'reporting',
  'contact_updates',
  'organization_settings',
  'contact_update_preview',
  'account_documents',
] as const;
export const PrivilegeArea = z.enum(privilegeAreas);
export type PrivilegeArea = z.infer<typeof PrivilegeArea>;

/** Areas whose highest level is View. */
export const viewOnlyAreas: readonly PrivilegeArea[] = ['contact_update_preview', 'account_documents'];

export const privilegeLevels = ['none', 'view', 'update'] as const;
export const PrivilegeLevel = z.enum(privilegeLevels);
export type PrivilegeLevel = z.infer<typeof PrivilegeLevel>;

export const levelRank: Record<PrivilegeLevel, number> = { none: 0, view: 1, update: 2 };

export type Privileges = Record<PrivilegeArea, PrivilegeLevel>;
export const Privileges = z.object(
  Object.fromEntries(privilegeAreas.map((a) => [a, PrivilegeLevel])) as Record<PrivilegeArea, typeof PrivilegeLevel>,
);
