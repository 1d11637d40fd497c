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

/**
 * The areas where a role gives more than the actor has ("nobody gives a privilege above their
 * own"); administrators may give any role (the Administrator role has rules of its own).
 */
export function roleAboveOwn(actor: { isAdministrator: boolean; privileges: Privileges }, roleLevels: Grant[]): PrivilegeArea[] {
  if (actor.isAdministrator) return [];
  const granted = effectivePrivileges(roleLevels, []);
  return privilegeAreas.filter((a) => levelRank[granted[a]] > levelRank[actor.privileges[a]]);
}

export const aboveOwnMessage = (areas: PrivilegeArea[]) => `You cannot give more than your own privileges (${areas.join(', ').replace(/_/g, ' ')})`;
