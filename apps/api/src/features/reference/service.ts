import type { Group, License, MemberCategory, Role, UserType } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { effectivePrivileges } from '../../lib/privileges.ts';

export type ReferenceDeps = { db: Db };

export async function listRoles({ db }: ReferenceDeps, auth: AuthContext): Promise<Role[]> {
  const roles = await db.role.findMany({
    where: { organizationId: auth.organizationId },
    include: { privileges: true },
    orderBy: [{ builtIn: 'desc' }, { createdAt: 'asc' }, { key: 'asc' }],
  });
  return roles.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.nameEn,
    nameFr: r.nameFr,
    builtIn: r.builtIn,
    isAdministrator: r.isAdministrator,
    privileges: effectivePrivileges(r.privileges, []),
  }));
}

export async function listUserTypes({ db }: ReferenceDeps, auth: AuthContext): Promise<UserType[]> {
  const organizationId = auth.organizationId;
  const [types, counts] = await Promise.all([
    db.userType.findMany({
      where: { organizationId },
      include: { roles: { include: { role: { select: { id: true, key: true } } } }, licenses: { include: { license: { select: { id: true, key: true } } } } },
      orderBy: [{ createdAt: 'asc' }, { key: 'asc' }],
    }),
    db.member.groupBy({ by: ['userTypeId'], where: { organizationId }, _count: { _all: true } }),
  ]);
  const used = new Map(counts.map((c) => [c.userTypeId, c._count._all]));
  return types.map((t) => ({
    id: t.id,
    key: t.key,
    name: t.nameEn,
    nameFr: t.nameFr,
    seatLimit: t.seatLimit,
    seatsUsed: used.get(t.id) ?? 0,
    compatibleRoles: t.roles.map((r) => r.role),
    compatibleLicenses: t.licenses.map((l) => l.license),
  }));
}

export async function listLicenses({ db }: ReferenceDeps, auth: AuthContext): Promise<License[]> {
  const licenses = await db.license.findMany({
    where: { organizationId: auth.organizationId },
    include: { _count: { select: { assignments: true } } },
    orderBy: { name: 'asc' },
  });
  return licenses.map((l) => ({ id: l.id, key: l.key, name: l.name, seatsTotal: l.seats, seatsUsed: l._count.assignments }));
}

export async function listGroups({ db }: ReferenceDeps, auth: AuthContext): Promise<Group[]> {
  const groups = await db.group.findMany({
    where: { organizationId: auth.organizationId },
    include: { _count: { select: { memberships: true } } },
    orderBy: { name: 'asc' },
  });
  return groups.map((g) => ({ id: g.id, name: g.name, ownerId: g.ownerId, memberCount: g._count.memberships }));
}

export async function listCategories({ db }: ReferenceDeps, auth: AuthContext): Promise<MemberCategory[]> {
  return db.memberCategory.findMany({ where: { organizationId: auth.organizationId }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
