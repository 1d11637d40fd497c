import { levelRank, privilegeAreas, viewOnlyAreas, type PrivilegeArea, type PrivilegeLevel, type Privileges } from '../enums.ts';

/** One level in one area, as the database stores a role's or a member's levels. */
export type Grant = { area: PrivilegeArea; level: PrivilegeLevel };

/** Levels as the API stores them (a list of grants) or as the web receives them (area → level). */
export type Levels = readonly Grant[] | Partial<Record<PrivilegeArea, PrivilegeLevel>>;

const asGrants = (levels: Levels): readonly Grant[] =>
  Array.isArray(levels) ? levels : Object.entries(levels).flatMap(([area, level]) => (level ? [{ area: area as PrivilegeArea, level }] : []));

/** Effective levels: the role's levels raised by the member's own; View-only areas capped at View. */
export function effectivePrivileges(roleLevels: Levels, memberLevels: Levels = []): Privileges {
  const out = Object.fromEntries(privilegeAreas.map((a) => [a, 'none'])) as Privileges;
  for (const g of [...asGrants(roleLevels), ...asGrants(memberLevels)]) {
    if (levelRank[g.level] > levelRank[out[g.area]]) out[g.area] = g.level;
  }
  for (const a of viewOnlyAreas) if (out[a] === 'update') out[a] = 'view';
  return out;
}

export const hasLevel = (p: Privileges, area: PrivilegeArea, level: PrivilegeLevel): boolean => levelRank[p[area]] >= levelRank[level];

/** Adding members (wizard, CSV import) takes Update on members or on manage access. */
export const canAddMembers = (p: Privileges): boolean => hasLevel(p, 'members', 'update') || hasLevel(p, 'manage_access', 'update');

/** Granting an access request takes Update on manage access. */
export const canGrantAccess = (p: Privileges): boolean => hasLevel(p, 'manage_access', 'update');

/** The areas where `levels` (a member's own, given at a grant) exceed the giver's: nobody gives more than they have. */
export function levelsAboveOwn(giver: Privileges, levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>): PrivilegeArea[] {
  return privilegeAreas.filter((a) => levelRank[levels[a] ?? 'none'] > levelRank[giver[a]]);
}

/** View-only areas given Update (only View exists there). */
export function levelsNotAllowed(levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>): PrivilegeArea[] {
  return viewOnlyAreas.filter((a) => levels[a] === 'update');
}
