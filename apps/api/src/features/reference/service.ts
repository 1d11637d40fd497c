import type { Group, License, MemberCategory, RoleDetail, UserType } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { effectivePrivileges } from '../../lib/privileges.ts';

const fullName = (m: { firstName: string; lastName: string; username: string }) => `${m.firstName} ${m.lastName}`.trim() || m.username;

/** The reads work inside a transaction too (a change answers what it wrote). */
export type ReferenceDeps = { db: Db | Prisma.TransactionClient };

/** GET /api/roles: every role with its levels, the user types it suits and how many members hold it. */
export async function listRoles({ db }: ReferenceDeps, auth: AuthContext): Promise<RoleDetail[]> {
  const organizationId = auth.organizationId;
  const [roles, counts] = await Promise.all([
    db.role.findMany({
      where: { organizationId },
      include: { privileges: true, userTypes: { select: { userTypeId: true } } },
      orderBy: [{ builtIn: 'desc' }, { createdAt: 'asc' }, { key: 'asc' }],
    }),
    db.member.groupBy({ by: ['roleId'], where: { organizationId }, _count: { _all: true } }),
  ]);
  const held = new Map(counts.map((c) => [c.roleId, c._count._all]));
  return roles.map((r) => {
    const levels = effectivePrivileges(r.privileges, []);
    return {
      id: r.id,
      key: r.key,
      name: r.nameEn,
      nameFr: r.nameFr,
      builtIn: r.builtIn,
      isAdministrator: r.isAdministrator,
      privileges: levels,
      levels,
      userTypeIds: r.userTypes.map((t) => t.userTypeId).sort(),
      memberCount: held.get(r.id) ?? 0,
    };
  });
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

/** GET /api/groups: every group (or those one member owns) with its owner, member count and whether it is a default group. */
export async function listGroups({ db }: ReferenceDeps, auth: AuthContext, only: { ownedBy?: string } = {}): Promise<Group[]> {
  const [groups, defaults] = await Promise.all([
    db.group.findMany({
      where: { organizationId: auth.organizationId, ...(only.ownedBy ? { ownerId: only.ownedBy } : {}) },
      include: { _count: { select: { memberships: true } }, owner: { select: { username: true, firstName: true, lastName: true } } },
      orderBy: { name: 'asc' },
    }),
    db.organizationDefaultGroup.findMany({ where: { organizationId: auth.organizationId }, select: { groupId: true } }),
  ]);
  const isDefault = new Set(defaults.map((d) => d.groupId));
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    ownerId: g.ownerId,
    ownerName: fullName(g.owner),
    memberCount: g._count.memberships,
    isDefault: isDefault.has(g.id),
  }));
}

/** GET /api/member-categories: every category with how many members have it. */
export async function listCategories({ db }: ReferenceDeps, auth: AuthContext): Promise<MemberCategory[]> {
  const rows = await db.memberCategory.findMany({
    where: { organizationId: auth.organizationId },
    select: { id: true, name: true, _count: { select: { assignments: true } } },
    orderBy: { name: 'asc' },
  });
  return rows.map((c) => ({ id: c.id, name: c.name, memberCount: c._count.assignments }));
}

