import { OWNED_LIST_LIMIT, type DirectoryMember, type MemberDetail, type ProblemParams, type TransferOwnershipBody } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import { generatePassword, hashPassword } from '@sesame/db/passwords';
import { audit, roleLabel } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound, type FieldError } from '../../lib/errors.ts';
import type { EnqueueEmail } from '../../lib/mail-port.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { effectivePrivileges, hasLevel } from '../../lib/privileges.ts';
import { memberVisibility, seesInFull, toDirectoryMember, visibleMembersWhere } from './visibility.ts';

type DeleteMemberResponse = { outcome: 'deleted' | 'unregistered' };
export type ManageDeps = { db: Db; enqueueEmail: EnqueueEmail };
export type ActionInfo = { ip: string; baseUrl: string };
type Tx = Prisma.TransactionClient;

const targetSelect = {
  id: true,
  username: true,
  firstName: true,
  email: true,
  status: true,
  identityType: true,
  language: true,
  activatedAt: true,
  role: { select: { key: true, nameEn: true, nameFr: true, isAdministrator: true } },
} as const;

async function findTarget(db: Db | Tx, auth: AuthContext, id: string) {
  const member = await db.member.findFirst({ where: { id, organizationId: auth.organizationId }, select: targetSelect });
  if (!member) throw notFound('member');
  return member;
}

function requireMembersUpdate(auth: AuthContext) {
  if (!hasLevel(auth.privileges, 'members', 'update')) throw forbidden({ area: 'members', level: 'update' });
}

/** Refuses to leave the organization without an active administrator. */
async function assertNotLastAdministrator(tx: Tx, organizationId: string, memberId: string, action: LastAdministratorAction) {
  // Locking the organization row makes two simultaneous removals of the last two admins queue.
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const others = await tx.member.count({
    where: { organizationId, status: 'active', role: { isAdministrator: true }, id: { not: memberId } },
  });
  if (others === 0) throw lastAdministrator(action);
}

type LastAdministratorAction = NonNullable<ProblemParams['last_administrator']['action']>;
export const lastAdministrator = (action: LastAdministratorAction) => new AppError(409, 'last_administrator', { params: { action } });

const administratorRequired = (action: NonNullable<ProblemParams['administrator_required']['action']>) => new AppError(403, 'administrator_required', { params: { action } });

/** 409 owns_content, with the counts so a client can offer the transfer. */
function ownsContent(username: string, content: number, groups: number) {
  return new AppError(409, 'owns_content', { params: { username, content, groups }, extensions: { ownedContent: content, ownedGroups: groups } });
}

/**
 * A member's page as the caller may see it (who sees whom, visibility.ts): in full with View
 * on members or for one's own record; otherwise name and picture, and 404 for a private profile.
 */
export async function viewMember(deps: ManageDeps, auth: AuthContext, id: string): Promise<MemberDetail | DirectoryMember> {
  const visibility = memberVisibility(auth);
  if (seesInFull(visibility, id)) return getMember(deps, auth, id);
  const m = await deps.db.member.findFirst({
    where: { AND: [{ id, organizationId: auth.organizationId }, visibleMembersWhere(visibility)] },
    select: { id: true, username: true, firstName: true, lastName: true, thumbnailType: true },
  });
  if (!m) throw notFound('member');
  return toDirectoryMember(m);
}

/** A member's full record (the caller's right to it is checked by the caller). */
export async function getMember({ db }: ManageDeps, auth: AuthContext, id: string): Promise<MemberDetail> {
  const m = await db.member.findFirst({
    where: { id, organizationId: auth.organizationId },
    select: {
      ...memberSelect,
      description: true,
      country: true,
      externalId: true,
      activatedAt: true,
      disabledAt: true,
      role: { select: { ...memberSelect.role.select, isAdministrator: true, privileges: { select: { area: true, level: true } } } },
      privileges: { select: { area: true, level: true } },
      contentItems: { select: { id: true, title: true, kind: true }, orderBy: [{ title: 'asc' }, { id: 'asc' }], take: OWNED_LIST_LIMIT },
      ownedGroups: { select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: OWNED_LIST_LIMIT },
      _count: { select: { contentItems: true, ownedGroups: true } },
    },
  });
  if (!m) throw notFound('member');
  const dto = toMemberDto(m);
  return {
    ...dto,
    description: m.description,
    country: m.country,
    externalId: m.externalId,
    activatedAt: m.activatedAt?.toISOString() ?? null,
    disabledAt: m.disabledAt?.toISOString() ?? null,
    privileges: effectivePrivileges(m.role.privileges, m.privileges),
    isAdministrator: m.role.isAdministrator,
    ownedContent: m.contentItems,
    ownedContentTotal: m._count.contentItems,
    ownedGroups: m.ownedGroups,
    ownedGroupsTotal: m._count.ownedGroups,
    pendingInvitation: dto.invitation,
  };
}

/** Administrators only, built-in members only: a temporary password, shown once; every session ends. */
export async function resetPassword(deps: ManageDeps, auth: AuthContext, id: string, info: ActionInfo): Promise<{ temporaryPassword: string }> {
  const { db } = deps;
  if (!auth.isAdministrator) throw administratorRequired('reset_password');
  const member = await findTarget(db, auth, id);
  if (member.identityType !== 'builtin') {
    throw new AppError(409, 'enterprise_login');
  }
  if (member.status === 'pending') throw new AppError(409, 'not_activated');
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const org = await db.organization.findUniqueOrThrow({ where: { id: auth.organizationId }, select: { name: true } });
  await db.$transaction(async (tx) => {
    await tx.member.update({
      where: { id: member.id, organizationId: auth.organizationId },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() },
    });
    await tx.session.deleteMany({ where: { memberId: member.id, organizationId: auth.organizationId } });
    await deps.enqueueEmail(tx, {
      organizationId: auth.organizationId,
      to: member.email,
      kind: 'temporary_password',
      language: member.language,
      data: { firstName: member.firstName, organizationName: org.name, username: member.username, signInUrl: `${info.baseUrl}/sign-in` },
    });
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'member.password_reset',
      targetType: 'member',
      targetId: member.id,
      targetLabel: member.username,
      after: { mustChangePassword: true, sessionsEnded: true },
      ip: info.ip,
    });
  });
  return { temporaryPassword };
}

export async function setDisabled(deps: ManageDeps, auth: AuthContext, id: string, disabled: boolean, info: ActionInfo) {
  const { db } = deps;
  requireMembersUpdate(auth);
  if (id === auth.memberId) throw new AppError(409, 'own_account', { params: { action: disabled ? 'disable' : 'enable' } });
  return db.$transaction(async (tx) => {
    const member = await findTarget(tx, auth, id);
    if (member.role.isAdministrator && !auth.isAdministrator) throw administratorRequired('disable_administrator');
    if (disabled && member.status === 'disabled') throw new AppError(409, 'already_disabled');
    if (!disabled && member.status !== 'disabled') throw new AppError(409, 'not_disabled');
    if (disabled && member.role.isAdministrator) await assertNotLastAdministrator(tx, auth.organizationId, member.id, 'disable');
    const status = disabled ? 'disabled' : member.activatedAt ? 'active' : 'pending';
    const updated = await tx.member.update({
      where: { id, organizationId: auth.organizationId },
      data: { status, disabledAt: disabled ? new Date() : null },
      select: memberSelect,
    });
    if (disabled) await tx.session.deleteMany({ where: { memberId: id, organizationId: auth.organizationId } });
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: disabled ? 'member.disabled' : 'member.enabled',
      targetType: 'member',
      targetId: id,
      targetLabel: member.username,
      before: { status: member.status },
      after: { status },
      ip: info.ip,
    });
    return toMemberDto(updated);
  });
}

export async function transferOwnership(deps: ManageDeps, auth: AuthContext, id: string, body: TransferOwnershipBody, info: ActionInfo) {
  const { db } = deps;
  requireMembersUpdate(auth);
  if (body.toMemberId === id) throw new AppError(400, 'validation_failed', { params: { outcome: 'transferred' }, errors: [{ path: 'toMemberId', code: 'same_member' }] });
  return db.$transaction(async (tx) => {
    const from = await findTarget(tx, auth, id);
    const to = await tx.member.findFirst({ where: { id: body.toMemberId, organizationId: auth.organizationId }, select: { id: true, username: true, status: true } });
    if (!to) throw new AppError(400, 'validation_failed', { params: { outcome: 'transferred' }, errors: [{ path: 'toMemberId', code: 'unknown_member' }] });
    if (to.status !== 'active') throw new AppError(400, 'validation_failed', { params: { outcome: 'transferred' }, errors: [{ path: 'toMemberId', code: 'member_not_active' }] });
    // Selected items must all belong to this member: an id of someone else's (or another
    // organization's) item refuses the whole transfer rather than moving the rest silently.
    const contentIds = body.contentIds && [...new Set(body.contentIds)];
    const groupIds = body.groupIds && [...new Set(body.groupIds)];
    const errors: FieldError[] = [];
    if (contentIds?.length) {
      const owned = new Set((await tx.contentItem.findMany({ where: { organizationId: auth.organizationId, ownerId: from.id, id: { in: contentIds } }, select: { id: true } })).map((c) => c.id));
      for (const cid of contentIds.filter((c) => !owned.has(c))) {
        errors.push({ path: `contentIds.${contentIds.indexOf(cid)}`, code: 'not_owned', params: { kind: 'content', id: cid, owner: from.username } });
      }
    }
    if (groupIds?.length) {
      const owned = new Set((await tx.group.findMany({ where: { organizationId: auth.organizationId, ownerId: from.id, id: { in: groupIds } }, select: { id: true } })).map((g) => g.id));
      for (const gid of groupIds.filter((g) => !owned.has(g))) {
        errors.push({ path: `groupIds.${groupIds.indexOf(gid)}`, code: 'not_owned', params: { kind: 'group', id: gid, owner: from.username } });
      }
    }
    if (errors.length) throw new AppError(400, 'validation_failed', { params: { outcome: 'transferred' }, errors });
    const content = await tx.contentItem.updateMany({
      where: { organizationId: auth.organizationId, ownerId: from.id, ...(contentIds ? { id: { in: contentIds } } : {}) },
      data: { ownerId: to.id },
    });
    const groups = await tx.group.updateMany({
      where: { organizationId: auth.organizationId, ownerId: from.id, ...(groupIds ? { id: { in: groupIds } } : {}) },
      data: { ownerId: to.id },
    });
    // A concurrent transfer moved some of the selected items in the meantime: undo, say so.
    if ((contentIds && content.count !== contentIds.length) || (groupIds && groups.count !== groupIds.length)) {
      throw new AppError(409, 'conflict', { params: { reason: 'owner_changed' } });
    }
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'member.ownership_transferred',
      targetType: 'member',
      targetId: from.id,
      targetLabel: from.username,
      before: { owner: from.username },
      after: { owner: to.username, content: content.count, groupsTransferred: groups.count },
      ip: info.ip,
    });
    return { contentTransferred: content.count, groupsTransferred: groups.count };
  });
}

export async function deleteMember(deps: ManageDeps, auth: AuthContext, id: string, info: ActionInfo): Promise<DeleteMemberResponse> {
  const { db } = deps;
  requireMembersUpdate(auth);
  if (id === auth.memberId) throw new AppError(409, 'own_account', { params: { action: 'delete' } });
  return db.$transaction(async (tx) => {
    const member = await findTarget(tx, auth, id);
    if (member.role.isAdministrator && !auth.isAdministrator) throw administratorRequired('delete_administrator');
    const [content, groups] = await Promise.all([
      tx.contentItem.count({ where: { organizationId: auth.organizationId, ownerId: id } }),
      tx.group.count({ where: { organizationId: auth.organizationId, ownerId: id } }),
    ]);
    if (content || groups) throw ownsContent(member.username, content, groups);
    if (member.role.isAdministrator) await assertNotLastAdministrator(tx, auth.organizationId, id, 'delete');
    const outcome = member.identityType === 'builtin' ? ('deleted' as const) : ('unregistered' as const);
    await tx.member.delete({ where: { id, organizationId: auth.organizationId } });
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: outcome === 'deleted' ? 'member.deleted' : 'member.unregistered',
      targetType: 'member',
      targetId: id,
      targetLabel: member.username,
      before: { username: member.username, email: member.email, role: roleLabel(member.role), status: member.status, identityType: member.identityType },
      ip: info.ip,
    });
    return { outcome };
  });
}
