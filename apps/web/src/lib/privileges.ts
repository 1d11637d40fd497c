import { levelRank, privilegeAreas, type PrivilegeArea, type PrivilegeLevel, type Privileges } from '@sesame/contracts';

export interface RequiredPrivilege {
  area: PrivilegeArea;
  level: Exclude<PrivilegeLevel, 'none'>;
}

/** One required level, or a list of which any one is enough (e.g. adding members: Update on members or on manage access). */
export type PrivilegeRequirement = RequiredPrivilege | readonly RequiredPrivilege[];

const isList = (required: PrivilegeRequirement): required is readonly RequiredPrivilege[] => Array.isArray(required);

export function hasPrivilege(privileges: Privileges, required: PrivilegeRequirement | undefined): boolean {
  if (!required) return true;
  if (isList(required)) return required.some((one) => hasPrivilege(privileges, one));
  return levelRank[privileges[required.area]] >= levelRank[required.level];
}

/** Who gives a role: their own levels, and whether they are an administrator (who gives any role). */
export interface RoleGiver {
  isAdministrator: boolean;
  privileges: Privileges;
}

/** Nobody gives a privilege above their own: the role's levels must all be within the giver's (the API checks it too). */
export function canGiveRole(giver: RoleGiver, role: { isAdministrator: boolean; privileges: Partial<Record<PrivilegeArea, PrivilegeLevel>> }): boolean {
  if (giver.isAdministrator || role.isAdministrator) return true;
  return privilegeAreas.every((area) => levelRank[role.privileges[area] ?? 'none'] <= levelRank[giver.privileges[area]]);
}
