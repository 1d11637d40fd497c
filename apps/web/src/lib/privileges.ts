import { levelRank, type PrivilegeArea, type PrivilegeLevel, type Privileges } from '@sesame/contracts';

export interface RequiredPrivilege {
  area: PrivilegeArea;
  level: Exclude<PrivilegeLevel, 'none'>;
}

export function hasPrivilege(privileges: Privileges, required: RequiredPrivilege | undefined): boolean {
  if (!required) return true;
  return levelRank[privileges[required.area]] >= levelRank[required.level];
}
