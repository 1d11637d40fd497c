import {
  aboveOwnParams,
  administratorRefusalParams,
  incompatibleLicenceParams,
  incompatibleRoleParams,
  type AdministratorRefusalReason,
  type PrivilegeArea,
} from '@sesame/contracts';
import type { FieldError } from '../errors.ts';

type Named = { id: string; nameEn: string; nameFr: string };

/**
 * The field errors of the assignment rules, the same code and params (hence the same words,
 * from the contracts' table of refusals) from every entry point (wizard batch, CSV file,
 * member edit, access-request grant); only the path is the entry point's.
 */
export function incompatibleRoleError(path: string, role: Named, userType: Named & { roles: { roleId: string }[] }, roles: readonly Named[]): FieldError {
  const compatible = userType.roles.flatMap((r) => roles.filter((x) => x.id === r.roleId));
  return {
    path,
    code: 'incompatible_role',
    params: incompatibleRoleParams(role, userType, compatible),
  };
}

export function administratorError(path: string, role: Named, reason: AdministratorRefusalReason): FieldError {
  return { path, code: 'administrator_not_allowed', params: administratorRefusalParams(role, reason) };
}

export function aboveOwnError(path: string, role: Named, areas: readonly PrivilegeArea[]): FieldError {
  return { path, code: 'privilege_above_own', params: aboveOwnParams(role, areas) };
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
    params: incompatibleLicenceParams(license, types),
  };
}
