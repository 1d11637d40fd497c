import { rolesOfferedToGrant, type GrantOptions, type Role, type RoleGiver, type UserType } from '@sesame/contracts';

/**
 * The roles the grant dialog offers for a user type: those the API accepts for this decider
 * (compatible, the Administrator role only where the organization allows it at creation, and
 * within the decider's own levels) — the rules module's predicate, not a copy (decision 011).
 */
export function grantableRoles(options: Pick<GrantOptions, 'roles' | 'allowAdminAtCreation'> | undefined, userType: UserType | undefined, decider: RoleGiver): Role[] {
  if (!options) return [];
  return rolesOfferedToGrant(options.roles, decider, userType && { compatibleRoleIds: userType.compatibleRoles.map((r) => r.id) }, options);
}
