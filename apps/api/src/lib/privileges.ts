// The privilege rules live in the shared rules module (packages/contracts/src/rules, decision 011);
// the API's own addition is the AuthContext form of canAddMembers (the wording is in the table of refusals).
import { canAddMembers as canAddMembersWith, roleAreasAboveOwn, type Grant, type PrivilegeArea, type Privileges, type RoleGiver } from '@sesame/contracts';

export { effectivePrivileges, hasLevel, roleRefusal, canGiveRole } from '@sesame/contracts';

/** The areas where a role gives more than the actor has (see roleAreasAboveOwn in the rules module). */
export const roleAboveOwn = (actor: RoleGiver, roleLevels: Grant[]): PrivilegeArea[] => roleAreasAboveOwn(actor, { isAdministrator: false, privileges: roleLevels });

/** Adding members and managing invitations: Update on members or on manage access. */
export const canAddMembers = (auth: { privileges: Privileges }): boolean => canAddMembersWith(auth.privileges);
