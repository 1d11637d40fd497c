import {
  effectivePrivileges,
  privilegeAreas,
  roleAreasAboveOwn,
  type CreateRoleBody,
  type DeleteRoleResponse,
  type Privileges,
  type RoleDetail,
  type RoleLevels,
  type UpdateRoleBody,
} from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import { compatibilitiesInUse, lockCapacity } from '../../lib/assignments/index.ts';
import { audit, auditUpdate } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/field-error.ts';
import { lockNames, nameTaken } from '../../lib/reference-names.ts';
import { listRoles } from '../reference/service.ts';
import { sameText } from '../../lib/text-match.ts';

export type RoleDeps = { db: Db };
export type Client = { ip: string };
type Tx = Prisma.TransactionClient;
type UserTypeRow = { id: string; nameEn: string; nameFr: string };

const actorOf = (auth: AuthContext, client: Client) => ({ organizationId: auth.organizationId, actorId: auth.memberId, actorUsername: auth.username, ip: client.ip });

/** Every area's level (None where not given), View-only areas capped at View. */
const fullLevels = (levels: RoleLevels): Privileges => effectivePrivileges(levels);

/**
 * Nobody creates or changes a role with levels above their own (decision 006; administrators
 * may): the rules module's predicate, checked on the role's levels before and after the change,
 * so that a role above the caller is not changed either. 403 naming each area and the caller's level.
 */
function assertWithinOwn(auth: AuthContext, ...levels: Privileges[]) {
  const giver = { isAdministrator: auth.isAdministrator, privileges: auth.privileges };
  const above = privilegeAreas.filter((a) => levels.some((l) => roleAreasAboveOwn(giver, { isAdministrator: false, privileges: l }).includes(a)));
  if (!above.length) return;
  throw forbidden(
    { reason: 'levels_above_own', areas: above.join(','), levels: above.map((a) => auth.privileges[a]).join(',') },
    above.map((a): FieldError => ({ path: `levels.${a}`, code: 'level_above_own', params: { area: a, level: auth.privileges[a] } })),
  );
}

/** Names are unique among the organization's roles in either language, whatever their case. */
async function assertNameFree(tx: Tx, organizationId: string, name: string, exceptId?: string) {
  const clash = await tx.role.findFirst({
    where: {
      organizationId,
      OR: [{ nameEn: sameText(name) }, { nameFr: sameText(name) }],
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw nameTaken(name);
}

/** A stable key from the name (`Chargé de mission` → `charge_de_mission`), unique in the organization. */
async function keyFor(tx: Tx, organizationId: string, name: string): Promise<string> {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'role';
  const taken = new Set((await tx.role.findMany({ where: { organizationId, key: { startsWith: base } }, select: { key: true } })).map((r) => r.key));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** The user types named by `ids`, each of the organization: 400 `unknown_user_type` at `userTypeIds.<i>` otherwise. */
async function userTypesOf(tx: Tx, organizationId: string, ids: readonly string[]): Promise<UserTypeRow[]> {
  const rows = await tx.userType.findMany({ where: { organizationId }, select: { id: true, nameEn: true, nameFr: true } });
  const errors = ids.flatMap((id, i): FieldError[] => (rows.some((r) => r.id === id) ? [] : [{ path: `userTypeIds.${i}`, code: 'unknown_user_type', params: { value: id } }]));
  if (errors.length) throw new AppError(400, 'validation_failed', { errors });
  return rows;
}

/** How a role's levels and user types appear in its audit events: the levels given (not None), the user types by name. */
const auditLevels = (levels: Privileges) => Object.fromEntries(privilegeAreas.filter((a) => levels[a] !== 'none').map((a) => [a, levels[a]]));
const auditTypes = (ids: readonly string[], rows: readonly UserTypeRow[]) =>
  [...ids].sort().map((id) => {
    const row = rows.find((r) => r.id === id);
    return { id, name: row?.nameEn ?? id, nameFr: row?.nameFr ?? id };
  });

const grants = (roleId: string, levels: Privileges) => privilegeAreas.filter((a) => levels[a] !== 'none').map((area) => ({ roleId, area, level: levels[area] }));

async function detailOf(tx: Tx, auth: AuthContext, id: string): Promise<RoleDetail> {
  const role = (await listRoles({ db: tx }, auth)).find((r) => r.id === id);
  if (!role) throw notFound('role');
  return role;
}

/** The role of the caller's organization, or 404 (another organization's id is not found either). */
async function findRole(tx: Tx, auth: AuthContext, id: string) {
  const role = await tx.role.findFirst({
    where: { id, organizationId: auth.organizationId },
    include: { privileges: { select: { area: true, level: true } }, userTypes: { select: { userTypeId: true } } },
  });
  if (!role) throw notFound('role');
  return role;
}

const builtInRefusal = (role: { nameEn: string; nameFr: string }, action: 'update' | 'delete') =>
  new AppError(409, 'built_in_role', { params: { role: role.nameEn, roleFr: role.nameFr, action } });

/** POST /api/roles: a custom role (both names the one given), its levels and the user types it suits. */
export async function createRole({ db }: RoleDeps, auth: AuthContext, body: CreateRoleBody, client: Client): Promise<RoleDetail> {
  const { organizationId } = auth;
  const levels = fullLevels(body.levels);
  assertWithinOwn(auth, levels);
  return db.$transaction(async (tx) => {
    await lockNames(tx, organizationId, 'role');
    await assertNameFree(tx, organizationId, body.name);
    const typeIds = [...new Set(body.userTypeIds ?? [])];
    const types = await userTypesOf(tx, organizationId, body.userTypeIds ?? []);
    const key = await keyFor(tx, organizationId, body.name);
    const role = await tx.role.create({ data: { organizationId, key, nameEn: body.name, nameFr: body.name, builtIn: false }, select: { id: true } });
    await tx.rolePrivilege.createMany({ data: grants(role.id, levels) });
    if (typeIds.length) await tx.userTypeRole.createMany({ data: typeIds.map((userTypeId) => ({ userTypeId, roleId: role.id })) });
    await audit(tx, {
      ...actorOf(auth, client),
      action: 'role.created',
      targetType: 'role',
      targetId: role.id,
      targetLabel: body.name,
      after: { name: body.name, levels: auditLevels(levels), userTypes: auditTypes(typeIds, types) },
    });
    return detailOf(tx, auth, role.id);
  });
}

/**
 * PATCH /api/roles/:id: renames a custom role, changes its levels (its members' privileges
 * change with their next request: sessions read them fresh) or the user types it suits. A
 * user type stops suiting it only when none of its members holds the role (409
 * `compatibility_in_use`, the rule of PATCH /api/user-types/:id), under the user types' locks.
 */
export async function updateRole({ db }: RoleDeps, auth: AuthContext, id: string, body: UpdateRoleBody, client: Client): Promise<RoleDetail> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockNames(tx, organizationId, 'role');
    const role = await findRole(tx, auth, id);
    if (role.builtIn) throw builtInRefusal(role, 'update');
    const before = effectivePrivileges(role.privileges);
    const after = body.levels ? fullLevels(body.levels) : before;
    assertWithinOwn(auth, before, after);
    const name = body.name ?? role.nameEn;
    if (name.toLowerCase() !== role.nameEn.toLowerCase()) await assertNameFree(tx, organizationId, name, id);

    const typesBefore = role.userTypes.map((t) => t.userTypeId);
    const typesAfter = body.userTypeIds ? [...new Set(body.userTypeIds)] : typesBefore;
    const removed = typesBefore.filter((t) => !typesAfter.includes(t));
    // Members are given a role under their user type's lock (lib/assignments): the same lock here.
    if (body.userTypeIds) await lockCapacity(tx, organizationId, [...typesBefore, ...typesAfter], []);
    const types = await userTypesOf(tx, organizationId, body.userTypeIds ?? []);
    const conflicts = (await compatibilitiesInUse(tx, organizationId, removed.map((userTypeId) => ({ roleId: id, userTypeId })))).map((c): FieldError => {
      const type = types.find((t) => t.id === c.userTypeId);
      return { path: 'userTypeIds', code: 'compatibility_in_use', params: { count: c.count, item: type?.nameEn ?? c.userTypeId, itemFr: type?.nameFr ?? c.userTypeId } };
    });
    if (conflicts.length) throw new AppError(409, 'compatibility_in_use', { params: conflicts[0]?.params ?? {}, errors: conflicts });

    if (name !== role.nameEn) await tx.role.update({ where: { id }, data: { nameEn: name, nameFr: name } });
    if (body.levels) {
      await tx.rolePrivilege.deleteMany({ where: { roleId: id } });
      await tx.rolePrivilege.createMany({ data: grants(id, after) });
    }
    if (body.userTypeIds) {
      await tx.userTypeRole.deleteMany({ where: { roleId: id, userTypeId: { notIn: typesAfter } } });
      await tx.userTypeRole.createMany({ data: typesAfter.map((userTypeId) => ({ userTypeId, roleId: id })), skipDuplicates: true });
    }
    await auditUpdate(
      tx,
      { ...actorOf(auth, client), action: 'role.updated', targetType: 'role', targetId: id, targetLabel: name },
      { name: role.nameEn, levels: auditLevels(before), userTypes: auditTypes(typesBefore, types) },
      { name, levels: auditLevels(after), userTypes: auditTypes(typesAfter, types) },
      ['name', 'levels', 'userTypes'],
    );
    return detailOf(tx, auth, id);
  });
}

/**
 * DELETE /api/roles/:id: a custom role no member holds and that is not the default role for
 * new members (409 `role_in_use` with how many). Members are given roles under the
 * organization's lock (lib/assignments), taken here too, so none is given it meanwhile.
 */
export async function deleteRole({ db }: RoleDeps, auth: AuthContext, id: string, client: Client): Promise<DeleteRoleResponse> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockCapacity(tx, organizationId, [], []);
    const role = await findRole(tx, auth, id);
    if (role.builtIn) throw builtInRefusal(role, 'delete');
    const levels = effectivePrivileges(role.privileges);
    assertWithinOwn(auth, levels);
    const [count, org] = await Promise.all([
      tx.member.count({ where: { organizationId, roleId: id } }),
      tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultRoleId: true } }),
    ]);
    const named = { role: role.nameEn, roleFr: role.nameFr };
    if (count > 0) throw new AppError(409, 'role_in_use', { params: { ...named, count } });
    if (org.defaultRoleId === id) throw new AppError(409, 'role_in_use', { params: { ...named, count: 0, reason: 'default_role' } });
    const types = await userTypesOf(tx, organizationId, []);
    await tx.role.delete({ where: { id } });
    await audit(tx, {
      ...actorOf(auth, client),
      action: 'role.deleted',
      targetType: 'role',
      targetId: id,
      targetLabel: role.nameEn,
      before: { name: role.nameEn, levels: auditLevels(levels), userTypes: auditTypes(role.userTypes.map((t) => t.userTypeId), types) },
    });
    return { id, name: role.nameEn };
  });
}
