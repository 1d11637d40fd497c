import { hasLevel, type CreateGroupBody, type GroupDetail, type MemberPage, type MemberPageQuery, type UpdateGroupBody } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import { audit, auditUpdate } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/field-error.ts';
import { memberPage, memberSummarySelect } from '../../lib/member-page.ts';
import { auditedMember } from '../../lib/memberships.ts';
import { assertNameFree, lockNames } from '../../lib/reference-names.ts';

export type GroupDeps = { db: Db };
export type Client = { ip: string };
type Tx = Prisma.TransactionClient;

export const actorOf = (auth: AuthContext, client: Client) => ({ organizationId: auth.organizationId, actorId: auth.memberId, actorUsername: auth.username, ip: client.ip });

/** Renaming, changing the owner, marking default and deleting take Update on groups and categories. */
export const canEditGroups = (auth: AuthContext) => hasLevel(auth.privileges, 'groups', 'update');
/** A group's members are managed with Update on groups, or by the group's owner (PRODUCT.md). */
const canManageMembers = (auth: AuthContext, ownerId: string) => canEditGroups(auth) || auth.memberId === ownerId;
/** Groups are read by View on groups, View on members, those who add members, and each group's owner. */
const canRead = (auth: AuthContext, ownerId: string) =>
  hasLevel(auth.privileges, 'groups', 'view') || hasLevel(auth.privileges, 'members', 'view') || hasLevel(auth.privileges, 'manage_access', 'update') || auth.memberId === ownerId;

/** The group of the caller's organization, or 404 (another organization's id is not found either). */
export async function findGroup(db: Pick<Db, 'group'>, auth: AuthContext, id: string) {
  const group = await db.group.findFirst({ where: { id, organizationId: auth.organizationId }, select: { id: true, name: true, description: true, ownerId: true, createdAt: true } });
  if (!group) throw notFound('group');
  return group;
}

export async function getGroup({ db }: GroupDeps, auth: AuthContext, id: string): Promise<GroupDetail> {
  const group = await findGroup(db, auth, id);
  if (!canRead(auth, group.ownerId)) throw forbidden({ area: 'groups', level: 'view' });
  return detailOf(db, auth, group.id);
}

async function detailOf(db: Pick<Db, 'group' | 'organizationDefaultGroup'>, auth: AuthContext, id: string): Promise<GroupDetail> {
  const [g, isDefault] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id }, include: { owner: { select: memberSummarySelect }, _count: { select: { memberships: true } } } }),
    db.organizationDefaultGroup.count({ where: { organizationId: auth.organizationId, groupId: id } }),
  ]);
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    owner: g.owner,
    memberCount: g._count.memberships,
    isDefault: isDefault > 0,
    createdAt: g.createdAt.toISOString(),
    canEdit: canEditGroups(auth),
    canManageMembers: canManageMembers(auth, g.ownerId),
  };
}

/** Group names are unique whatever their case (lib/reference-names.ts, under the group name lock). */
const assertGroupNameFree = (tx: Tx, organizationId: string, name: string, exceptId?: string) =>
  assertNameFree((where) => tx.group.findFirst({ where, select: { id: true } }), organizationId, name, exceptId);

/** The owner must be an active member of the organization (400 on `ownerId` otherwise). */
async function assertOwner(tx: Tx, organizationId: string, ownerId: string) {
  const owner = await tx.member.findFirst({ where: { id: ownerId, organizationId }, select: { status: true, username: true } });
  const error: FieldError | null = !owner
    ? { path: 'ownerId', code: 'unknown_member', params: { value: ownerId } }
    : owner.status !== 'active'
      ? { path: 'ownerId', code: 'member_not_active', params: { username: owner.username } }
      : null;
  if (error) throw new AppError(400, 'validation_failed', { errors: [error] });
}

async function setDefault(tx: Tx, organizationId: string, groupId: string, isDefault: boolean) {
  if (isDefault) await tx.organizationDefaultGroup.createMany({ data: [{ organizationId, groupId }], skipDuplicates: true });
  else await tx.organizationDefaultGroup.deleteMany({ where: { organizationId, groupId } });
}

export async function createGroup({ db }: GroupDeps, auth: AuthContext, body: CreateGroupBody, client: Client): Promise<GroupDetail> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockNames(tx, organizationId, 'group');
    await assertGroupNameFree(tx, organizationId, body.name);
    const ownerId = body.ownerId ?? auth.memberId;
    await assertOwner(tx, organizationId, ownerId);
    const group = await tx.group.create({ data: { organizationId, name: body.name, description: body.description ?? null, ownerId }, select: { id: true } });
    if (body.isDefault) await setDefault(tx, organizationId, group.id, true);
    const detail = await detailOf(tx, auth, group.id);
    await audit(tx, {
      ...actorOf(auth, client),
      action: 'group.created',
      targetType: 'group',
      targetId: group.id,
      targetLabel: body.name,
      after: { name: body.name, description: body.description ?? null, owner: auditedMember(detail.owner), isDefault: detail.isDefault },
    });
    return detail;
  });
}

export async function updateGroup({ db }: GroupDeps, auth: AuthContext, id: string, body: UpdateGroupBody, client: Client): Promise<GroupDetail> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockNames(tx, organizationId, 'group');
    const group = await findGroup(tx, auth, id);
    const before = await detailOf(tx, auth, id);
    if (body.name !== undefined && body.name !== group.name) await assertGroupNameFree(tx, organizationId, body.name, id);
    if (body.ownerId !== undefined && body.ownerId !== group.ownerId) await assertOwner(tx, organizationId, body.ownerId);
    await tx.group.update({
      where: { id },
      data: { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.description !== undefined ? { description: body.description } : {}), ...(body.ownerId ? { ownerId: body.ownerId } : {}) },
    });
    if (body.isDefault !== undefined) await setDefault(tx, organizationId, id, body.isDefault);
    const after = await detailOf(tx, auth, id);
    const fields = (d: GroupDetail) => ({ name: d.name, description: d.description, owner: auditedMember(d.owner), isDefault: d.isDefault });
    await auditUpdate(tx, { ...actorOf(auth, client), action: 'group.updated', targetType: 'group', targetId: id, targetLabel: after.name }, fields(before), fields(after), ['name', 'description', 'owner', 'isDefault']);
    return after;
  });
}

/** Deletes a group: its memberships and its place among the default groups go; content is not touched. */
export async function deleteGroup({ db }: GroupDeps, auth: AuthContext, id: string, client: Client): Promise<{ id: string; name: string; membersRemoved: number }> {
  return db.$transaction(async (tx) => {
    const group = await findGroup(tx, auth, id);
    const { count } = await tx.groupMembership.deleteMany({ where: { organizationId: auth.organizationId, groupId: id } });
    await tx.organizationDefaultGroup.deleteMany({ where: { organizationId: auth.organizationId, groupId: id } });
    await tx.group.delete({ where: { id } });
    await audit(tx, { ...actorOf(auth, client), action: 'group.deleted', targetType: 'group', targetId: id, targetLabel: group.name, before: { name: group.name, memberCount: count } });
    return { id, name: group.name, membersRemoved: count };
  });
}

export async function listGroupMembers({ db }: GroupDeps, auth: AuthContext, id: string, query: MemberPageQuery): Promise<MemberPage> {
  const group = await findGroup(db, auth, id);
  if (!canRead(auth, group.ownerId)) throw forbidden({ area: 'groups', level: 'view' });
  return memberPage(db, { organizationId: auth.organizationId, groups: { some: { groupId: id } } }, query);
}

export { assertManageMembers };
function assertManageMembers(auth: AuthContext, group: { ownerId: string }) {
  if (!canManageMembers(auth, group.ownerId)) throw forbidden({ area: 'groups', level: 'update' });
}
