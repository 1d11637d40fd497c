import { levelRank, privilegeAreas, viewOnlyAreas, type PrivilegeArea, type PrivilegeLevel, type Privileges } from '@sesame/contracts';

type Grant = { area: PrivilegeArea; level: PrivilegeLevel };

/** Effective levels: the role's levels raised by the member's own; View-only areas capped at View. */
export function effectivePrivileges(roleLevels: Grant[], memberLevels: Grant[]): Privileges {
  const out = Object.fromEntries(privilegeAreas.map((a) => [a, 'none'])) as Privileges;
  for (const g of [...roleLevels, ...memberLevels]) {
    if (levelRank[g.level] > levelRank[out[g.area]]) out[g.area] = g.level;
  }
  for (const a of viewOnlyAreas) if (out[a] === 'update') out[a] = 'view';
  return out;
}

export const hasLevel = (p: Privileges, area: PrivilegeArea, level: PrivilegeLevel): boolean =>
  levelRank[p[area]] >= levelRank[level];
