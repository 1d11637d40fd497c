import { levelRank, privilegeAreas, type PrivilegeArea } from '../enums.ts';
import { effectivePrivileges, type Levels } from './privileges.ts';
import type { Privileges } from '../enums.ts';

/** Who gives a role: their effective levels, and whether they are an administrator. */
export interface RoleGiver {
  isAdministrator: boolean;
  privileges: Privileges;
}

/** A role as the rules need it; `privileges` as the API (grants) or the web (area → level) has them. */
export interface GivenRole {
  isAdministrator: boolean;
  privileges: Levels;
}

/** Names in both languages, for the params of a refusal. */
export type Named = { nameEn: string; nameFr: string };

/**
 * The areas where a role gives more than the giver has, capped like effective privileges (a
 * View-only area counts as View). Administrators give any role below their own.
 */
export function roleAreasAboveOwn(giver: RoleGiver, role: GivenRole): PrivilegeArea[] {
  if (giver.isAdministrator) return [];
  const granted = effectivePrivileges(role.privileges);
  return privilegeAreas.filter((a) => levelRank[granted[a]] > levelRank[giver.privileges[a]]);
}

/** Why a role may not be given by someone (null: it may). */
export type RoleRefusal = { code: 'administrator_not_allowed'; reason: 'administrators_only' } | { code: 'privilege_above_own'; areas: PrivilegeArea[] } | null;

/**
 * Why `giver` may not give `role`, or null when they may: the Administrator role only from an
 * administrator (`administrator_not_allowed`, reason `administrators_only`); any other role only
 * within the giver's own levels (`privilege_above_own`, with the areas). The one predicate of
 * decision 006, for creation as for a change, in the API and in the web app.
 */
export function roleRefusal(giver: RoleGiver, role: GivenRole): RoleRefusal {
  if (role.isAdministrator) return giver.isAdministrator ? null : { code: 'administrator_not_allowed', reason: 'administrators_only' };
  const areas = roleAreasAboveOwn(giver, role);
  return areas.length ? { code: 'privilege_above_own', areas } : null;
}

/** Whether `giver` may give `role` (see {@link roleRefusal}). */
export const canGiveRole = (giver: RoleGiver, role: GivenRole): boolean => roleRefusal(giver, role) === null;

/** A role is assignable only to a user type that lists it. */
export const roleCompatible = (userType: { compatibleRoleIds: readonly string[] }, roleId: string): boolean => userType.compatibleRoleIds.includes(roleId);

/** The params of an `incompatible_role` refusal, the same from every entry point. */
export function incompatibleRoleParams(role: Named, userType: Named, compatibleRoles: readonly Named[]) {
  // In one order whatever order the caller read them in.
  const compatible = [...compatibleRoles].sort((a, b) => a.nameEn.localeCompare(b.nameEn));
  return {
    role: role.nameEn,
    roleFr: role.nameFr,
    userType: userType.nameEn,
    userTypeFr: userType.nameFr,
    compatible: compatible.map((r) => r.nameEn).join(', '),
    compatibleFr: compatible.map((r) => r.nameFr).join(', '),
  };
}

/** The params of a `privilege_above_own` refusal: the role and the areas (keys) it gives more in. */
export const aboveOwnParams = (role: Named, areas: readonly PrivilegeArea[]) => ({ role: role.nameEn, roleFr: role.nameFr, areas: areas.join(', ') });

/** The roles (by id) this giver may not give, and why: what the CSV validator marks on the Role cell. */
export function roleRefusalsFor(giver: RoleGiver, roles: readonly (GivenRole & { id: string })[]): Map<string, NonNullable<RoleRefusal>> {
  const out = new Map<string, NonNullable<RoleRefusal>>();
  for (const role of roles) {
    const refusal = roleRefusal(giver, role);
    if (refusal) out.set(role.id, refusal);
  }
  return out;
}
