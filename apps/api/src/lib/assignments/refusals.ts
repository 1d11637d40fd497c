import {
  aboveOwnParams,
  administratorRefusalParams,
  incompatibleLicenceParams,
  incompatibleRoleParams,
  type AdministratorRefusalReason,
  type PrivilegeArea,
} from '@sesame/contracts';
import type { FieldError } from '../errors.ts';
import { aboveOwnMessage } from '../privileges.ts';

type Named = { id: string; nameEn: string; nameFr: string };

/**
 * The field errors of the assignment rules, the same code, params and English message from
 * every entry point (wizard batch, CSV file, member edit, access-request grant); only the path
 * is the entry point's.
 */
export function incompatibleRoleError(path: string, role: Named, userType: Named & { roles: { roleId: string }[] }, roles: readonly Named[]): FieldError {
  const compatible = userType.roles.flatMap((r) => roles.filter((x) => x.id === r.roleId));
  return {
    path,
    code: 'incompatible_role',
    message: `The role ${role.nameEn} is not compatible with the user type ${userType.nameEn}`,
    params: incompatibleRoleParams(role, userType, compatible),
  };
}

const administratorMessages: Record<AdministratorRefusalReason, string> = {
  at_creation: 'The Administrator role cannot be given when adding a member; give it once the member exists',
  administrators_only: 'Only administrators can give the Administrator role',
  not_activated: 'The Administrator role can be given once the member has activated their account',
};

export function administratorError(path: string, role: Named, reason: AdministratorRefusalReason): FieldError {
  return { path, code: 'administrator_not_allowed', message: administratorMessages[reason], params: administratorRefusalParams(role, reason) };
}

export function aboveOwnError(path: string, role: Named, areas: readonly PrivilegeArea[]): FieldError {
  return { path, code: 'privilege_above_own', message: aboveOwnMessage(areas), params: aboveOwnParams(role, areas) };
}

/** The refusal of the rules module's creationRoleRefusal / roleChangeRefusal as a field error at `path`. */
export function roleError(
  path: string,
  refusal: { code: 'incompatible_role' } | { code: 'administrator_not_allowed'; reason: AdministratorRefusalReason } | { code: 'privilege_above_own'; areas: PrivilegeArea[] },
  role: Named,
  userType: Named & { roles: { roleId: string }[] },
  roles: readonly Named[],
): FieldError {
  if (refusal.code === 'incompatible_role') return incompatibleRoleError(path, role, userType, roles);
  if (refusal.code === 'administrator_not_allowed') return administratorError(path, role, refusal.reason);
  return aboveOwnError(path, role, refusal.areas);
}

export function incompatibleLicenseError(path: string, license: { name: string }, types: readonly { nameEn: string; nameFr: string }[]): FieldError {
  return {
    path,
    code: 'incompatible_license',
    message: `The licence ${license.name} is not compatible with the user type ${types.map((t) => t.nameEn).join(', ')}`,
    params: incompatibleLicenceParams(license, types),
  };
}
