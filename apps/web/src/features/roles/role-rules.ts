import { privilegeAreas, roleAreasAboveOwn, viewOnlyAreas, type PrivilegeArea, type PrivilegeLevel, type Privileges, type RoleGiver } from '@sesame/contracts';

// The Roles page's use of the shared rules module (packages/contracts/src/rules): the same
// predicate the API applies, so what the page offers is what the API accepts.

/** The levels an area offers: View-only areas only None and View. */
export const choicesFor = (area: PrivilegeArea): PrivilegeLevel[] => (viewOnlyAreas.includes(area) ? ['none', 'view'] : ['none', 'view', 'update']);

/** The areas where `levels` give more than the signed-in member has (none for administrators). */
export const areasAboveOwn = (me: RoleGiver, levels: Privileges): PrivilegeArea[] => roleAreasAboveOwn(me, { isAdministrator: false, privileges: levels });

/** Whether the signed-in member may choose `level` in `area` for a role. */
export const levelAllowed = (me: RoleGiver, area: PrivilegeArea, level: PrivilegeLevel): boolean =>
  areasAboveOwn(me, { ...noLevels(), [area]: level }).length === 0;

export const noLevels = (): Privileges => Object.fromEntries(privilegeAreas.map((a) => [a, 'none'])) as Privileges;

/** What a write sends: only the areas given a level. */
export const levelsBody = (levels: Privileges) => Object.fromEntries(privilegeAreas.filter((a) => levels[a] !== 'none').map((a) => [a, levels[a]]));
