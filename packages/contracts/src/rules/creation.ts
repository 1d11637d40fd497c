import type { PrivilegeArea } from '../enums.ts';
import { administratorAtCreationAllowed, administratorChangeAllowed } from './administrator.ts';
import { canAddMembers, canGrantAccess } from './privileges.ts';
import { roleCompatible, roleRefusal, type GivenRole, type RoleGiver } from './roles.ts';

/** Why a role can't be given to a member being created, in the order every entry point checks it. */
export type CreationRoleRefusal =
  | { code: 'incompatible_role' }
  | { code: 'administrator_not_allowed'; reason: 'at_creation' | 'administrators_only' }
  | { code: 'privilege_above_own'; areas: PrivilegeArea[] }
  | null;

/**
 * The one rule for a role given to a new member — the wizard's batch, a CSV row, a granted
 * access request — and for the roles the web app offers there: compatible with the user type,
 * the Administrator role only where the organization allows it at creation, and only roles
 * the giver may give (decision 006). Null when the role may be given. A giver of null (the
 * approved-domain rule) gives the organization's defaults, within no one's levels, but never
 * the Administrator role.
 */
export function creationRoleRefusal(
  giver: RoleGiver | null,
  role: GivenRole & { id: string },
  userType: { compatibleRoleIds: readonly string[] },
  organization: { allowAdminAtCreation: boolean },
): CreationRoleRefusal {
  if (!roleCompatible(userType, role.id)) return { code: 'incompatible_role' };
  if (role.isAdministrator && !administratorAtCreationAllowed(organization)) return { code: 'administrator_not_allowed', reason: 'at_creation' };
  // Nobody gives the Administrator role automatically: it takes an administrator.
  if (!giver) return role.isAdministrator ? { code: 'administrator_not_allowed', reason: 'administrators_only' } : null;
  return roleRefusal(giver, role);
}

/** The roles a giver may give to a new member of this user type (what the wizard and the grant dialog offer). */
export function rolesOfferedAtCreation<R extends GivenRole & { id: string }>(
  roles: readonly R[],
  giver: RoleGiver | null,
  userType: { compatibleRoleIds: readonly string[] } | undefined,
  organization: { allowAdminAtCreation: boolean },
): R[] {
  if (!userType) return [];
  return roles.filter((role) => creationRoleRefusal(giver, role, userType, organization) === null);
}

/**
 * The one rule for a role given to an existing member (the member edit): compatible with the
 * user type, the Administrator role only once the member is active (administrator.ts), and
 * only roles the giver may give. Null when the role may be given.
 */
export function roleChangeRefusal(
  giver: RoleGiver,
  role: GivenRole & { id: string },
  userType: { compatibleRoleIds: readonly string[] },
  member: { status: 'pending' | 'active' | 'disabled' },
):
  | { code: 'incompatible_role' }
  | { code: 'administrator_not_allowed'; reason: 'administrators_only' | 'not_activated' }
  | { code: 'privilege_above_own'; areas: PrivilegeArea[] }
  | null {
  if (!roleCompatible(userType, role.id)) return { code: 'incompatible_role' };
  const refusal = roleRefusal(giver, role);
  if (refusal) return refusal;
  if (role.isAdministrator && !administratorChangeAllowed(member)) return { code: 'administrator_not_allowed', reason: 'not_activated' };
  return null;
}

/** The roles the wizard offers (and the batch and CSV import accept): none without the right to add members (Update on members or on manage access). */
export function rolesOfferedToAdd<R extends GivenRole & { id: string }>(
  roles: readonly R[],
  giver: RoleGiver | null,
  userType: { compatibleRoleIds: readonly string[] } | undefined,
  organization: { allowAdminAtCreation: boolean },
): R[] {
  if (giver && !canAddMembers(giver.privileges)) return [];
  return rolesOfferedAtCreation(roles, giver, userType, organization);
}

/** The roles the grant dialog offers (and the grant accepts): none without Update on manage access. */
export function rolesOfferedToGrant<R extends GivenRole & { id: string }>(
  roles: readonly R[],
  decider: RoleGiver,
  userType: { compatibleRoleIds: readonly string[] } | undefined,
  organization: { allowAdminAtCreation: boolean },
): R[] {
  if (!canGrantAccess(decider.privileges)) return [];
  return rolesOfferedAtCreation(roles, decider, userType, organization);
}
