import type { UpdateUserTypeBody, UserType } from '@sesame/contracts';
import type { Prisma } from '@sesame/db';
import { auditUpdate } from '../../lib/audit.ts';
import { compatibilitiesInUse, lockCapacity } from '../../lib/assignments/index.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/field-error.ts';
import { actorOf, type Client, type LicenseDeps } from './service.ts';

type Tx = Prisma.TransactionClient;
type Named = { id: string; nameEn: string; nameFr: string };

/** Every id must be one of `known` (the organization's roles or licences): 400 at `<field>.<i>` otherwise. */
function unknownIds(field: 'roleIds' | 'licenseIds', ids: readonly string[], known: readonly { id: string }[]): FieldError[] {
  const code = field === 'roleIds' ? 'unknown_role' : 'unknown_license';
  return ids.flatMap((id, i) => (known.some((k) => k.id === id) ? [] : [{ path: `${field}.${i}`, code, params: { value: id } } as FieldError]));
}

const inUse = (path: string, count: number, item: { nameEn: string; nameFr: string }): FieldError => ({ path, code: 'compatibility_in_use', params: { count, item: item.nameEn, itemFr: item.nameFr } });

/**
 * PATCH /api/user-types/:id, under the capacity locks (the organization, then the type): seats
 * never below the members of the type (409 `seats_below_used`); a role or a licence stops
 * being compatible only when no member of the type relies on it (409 `compatibility_in_use`
 * naming it and how many members), nor when it is the organization's default pair (the
 * default role of the default type).
 */
export async function updateUserType({ db }: LicenseDeps, auth: AuthContext, id: string, body: UpdateUserTypeBody, client: Client, list: (tx: Tx) => Promise<UserType[]>): Promise<UserType> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockCapacity(tx, organizationId, [id], []);
    const type = await tx.userType.findFirst({
      where: { id, organizationId },
      include: { roles: { select: { roleId: true } }, licenses: { select: { licenseId: true } }, _count: { select: { members: true } } },
    });
    if (!type) throw notFound('user_type');
    const used = type._count.members;
    if (body.seats !== undefined && body.seats !== null && body.seats < used) {
      const params = { used, seats: body.seats };
      const error: FieldError = { path: 'seats', code: 'seats_below_used', params };
      throw new AppError(409, 'seats_below_used', { params, errors: [error] });
    }
    const [roles, licenses] = await Promise.all([
      tx.role.findMany({ where: { organizationId }, select: { id: true, nameEn: true, nameFr: true } }),
      tx.license.findMany({ where: { organizationId }, select: { id: true, name: true } }),
    ]);
    const roleIds = body.roleIds ? [...new Set(body.roleIds)] : type.roles.map((r) => r.roleId);
    const licenseIds = body.licenseIds ? [...new Set(body.licenseIds)] : type.licenses.map((l) => l.licenseId);
    const unknown = [...unknownIds('roleIds', body.roleIds ?? [], roles), ...unknownIds('licenseIds', body.licenseIds ?? [], licenses)];
    if (unknown.length) throw new AppError(400, 'validation_failed', { errors: unknown });

    const removedRoles = type.roles.map((r) => r.roleId).filter((r) => !roleIds.includes(r));
    const conflicts: FieldError[] = (await compatibilitiesInUse(tx, organizationId, removedRoles.map((roleId) => ({ roleId, userTypeId: id })))).map((c) =>
      inUse('roleIds', c.count, roles.find((r) => r.id === c.roleId) as Named),
    );
    for (const licenseId of type.licenses.map((l) => l.licenseId).filter((l) => !licenseIds.includes(l))) {
      const license = licenses.find((l) => l.id === licenseId);
      const count = await tx.licenseAssignment.count({ where: { organizationId, licenseId, member: { userTypeId: id } } });
      if (count > 0 && license) conflicts.push(inUse('licenseIds', count, { nameEn: license.name, nameFr: license.name }));
    }
    if (conflicts.length) throw new AppError(409, 'compatibility_in_use', { params: conflicts[0]?.params ?? {}, errors: conflicts });

    if (body.seats !== undefined) await tx.userType.update({ where: { id }, data: { seatLimit: body.seats } });
    if (body.roleIds) {
      await tx.userTypeRole.deleteMany({ where: { userTypeId: id, roleId: { notIn: roleIds } } });
      await tx.userTypeRole.createMany({ data: roleIds.map((roleId) => ({ userTypeId: id, roleId })), skipDuplicates: true });
    }
    if (body.licenseIds) {
      await tx.userTypeLicense.deleteMany({ where: { userTypeId: id, licenseId: { notIn: licenseIds } } });
      await tx.userTypeLicense.createMany({ data: licenseIds.map((licenseId) => ({ userTypeId: id, licenseId })), skipDuplicates: true });
    }
    // Named as they are now (roles in English and French), in a canonical order.
    const names = (ids: string[], rows: { id: string; name: string; nameFr?: string }[]) =>
      [...ids].sort().map((i) => {
        const row = rows.find((r) => r.id === i);
        return row ? { id: i, name: row.name, ...(row.nameFr ? { nameFr: row.nameFr } : {}) } : { id: i, name: i };
      });
    const roleRows = roles.map((r) => ({ id: r.id, name: r.nameEn, nameFr: r.nameFr }));
    await auditUpdate(
      tx,
      { ...actorOf(auth, client), action: 'user_type.updated', targetType: 'user_type', targetId: id, targetLabel: type.nameEn },
      { seats: type.seatLimit, roles: names(type.roles.map((r) => r.roleId), roleRows), licenses: names(type.licenses.map((l) => l.licenseId), licenses) },
      { seats: body.seats === undefined ? type.seatLimit : body.seats, roles: names(roleIds, roleRows), licenses: names(licenseIds, licenses) },
      ['seats', 'roles', 'licenses'],
    );
    const after = (await list(tx)).find((t) => t.id === id);
    if (!after) throw notFound('user_type');
    return after;
  });
}
