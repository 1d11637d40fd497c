import { levelRank, type PrivilegeArea, type PrivilegeLevel, type Privileges } from '@sesame/contracts';

// Who may give which role is decided by the shared rules module (packages/contracts/src/rules,
// decision 011), the same predicate the API applies: import canGiveRole from '@sesame/contracts'.
export { canGiveRole, type RoleGiver } from '@sesame/contracts';

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
