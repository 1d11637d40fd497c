import { z } from 'zod';
import { PrivilegeLevels } from './access-requests.ts';
import { PrivilegeArea, PrivilegeLevel } from './enums.ts';
import { Role } from './reference.ts';
import { SingleLineText, nonBlank } from './text.ts';

/**
 * Custom roles (issue 15, shared/API.md "Reference data administration"): a name, unique in
 * the organization whatever its case (409 `name_taken`), and a level per area; View-only areas
 * take at most View (400 `level_not_allowed` at `levels.<area>`). Built-in roles are read-only
 * (409 `built_in_role`); a role members hold is not deleted (409 `role_in_use`). Nobody gives
 * a role levels above their own (403 `forbidden`, reason `levels_above_own`).
 */
/** A role's level in each area (an area left out is None): the same shape as a member's own levels. */
export const RoleLevels = PrivilegeLevels;
export type RoleLevels = PrivilegeLevels;

const RoleName = SingleLineText.trim().min(1, 'A name is required').max(100, 'A name has at most 100 characters').meta(nonBlank);
const UserTypeIds = z.array(z.uuid('Each user type id must be a UUID')).max(200);

export const CreateRoleBody = z
  .object({
    name: RoleName,
    levels: RoleLevels,
    /** The user types whose members may be given the role. */
    userTypeIds: UserTypeIds.optional(),
  })
  .strict();
export type CreateRoleBody = z.infer<typeof CreateRoleBody>;

export const UpdateRoleBody = z
  .object({ name: RoleName, levels: RoleLevels, userTypeIds: UserTypeIds })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change', params: { code: 'required' } })
  .meta({ minProperties: 1 });
export type UpdateRoleBody = z.infer<typeof UpdateRoleBody>;

/** A role as the Roles page shows it: its levels, the user types it suits and how many members hold it. */
export const RoleDetail = Role.extend({
  /** The role's level in every area (the same as `privileges`, named as the write bodies name it). */
  levels: z.record(PrivilegeArea, PrivilegeLevel),
  userTypeIds: z.array(z.string()),
  memberCount: z.number().int(),
});
export type RoleDetail = z.infer<typeof RoleDetail>;

export const DeleteRoleResponse = z.object({ id: z.string(), name: z.string() });
export type DeleteRoleResponse = z.infer<typeof DeleteRoleResponse>;
