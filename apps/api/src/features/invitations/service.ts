import type { AcceptInvitationBody, InvitationDetails, SignInResponse } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { activationLink, createInvitation } from '@sesame/db/invitations';
import { hashPassword } from '@sesame/db/passwords';
import type { Config } from '../../config.ts';
import { audit } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { EnqueueEmail } from '../../lib/mail-port.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { hashToken } from '../../lib/tokens.ts';
import { assertPasswordAccepted } from '../auth/service.ts';
import { startSession } from '../auth/session.ts';
import { canAddMembers } from '../../lib/privileges.ts';

export type InvitationDeps = { db: Db; config: Config; enqueueEmail: EnqueueEmail };

const invitationSelect = {
  id: true,
  organizationId: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  message: true,
  organization: { select: { name: true, slug: true } },
  invitedBy: { select: { firstName: true, lastName: true } },
  member: { select: { id: true, username: true, firstName: true, lastName: true, email: true, identityType: true, status: true, language: true } },
} as const;

async function findUsable(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationSelect });
  if (!invitation) throw notFound('invitation');
  if (invitation.usedAt) throw new AppError(410, 'invitation_used');
  if (invitation.revokedAt) throw new AppError(410, 'invitation_revoked');
  if (invitation.expiresAt.getTime() <= Date.now()) {
    throw new AppError(410, 'invitation_expired');
  }
  return invitation;
}

export async function getInvitation({ db }: InvitationDeps, token: string): Promise<InvitationDetails> {
  const inv = await findUsable(db, token);
  return {
    organization: inv.organization,
    username: inv.member.username,
    firstName: inv.member.firstName,
    lastName: inv.member.lastName,
    email: inv.member.email,
    identityType: inv.member.identityType,
    expiresAt: inv.expiresAt.toISOString(),
    invitedBy: inv.invitedBy ? `${inv.invitedBy.firstName} ${inv.invitedBy.lastName}`.trim() : null,
    message: inv.message,
  };
}

/** Activates the invited member (setting their password when built-in) and signs them in. */
export async function acceptInvitation(
  deps: InvitationDeps,
  token: string,
  body: AcceptInvitationBody,
  client: { ip: string; userAgent?: string; baseUrl: string },
): Promise<{ sessionToken: string; response: SignInResponse }> {
  const { db, config } = deps;
  const inv = await findUsable(db, token);
  const member = inv.member;
  let passwordHash: string | null = null;
  if (member.identityType === 'builtin') {
    if (!body.password) {
      throw new AppError(400, 'validation_failed', { errors: [{ path: 'password', code: 'password_required' }] });
    }
    assertPasswordAccepted(body.password, member, 'password');
    passwordHash = await hashPassword(body.password);
  }
  const now = new Date();
  const { sessionToken, updated } = await db.$transaction(async (tx) => {
    // Single use: only one request can flip usedAt, however many arrive together.
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, organizationId: inv.organizationId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError(410, 'invitation_used');
    const activated = await tx.member.update({
      where: { id: member.id, organizationId: inv.organizationId },
      data: { status: 'active', activatedAt: now, lastSignInAt: now, mustChangePassword: false, ...(passwordHash ? { passwordHash, passwordChangedAt: now } : {}) },
      select: memberSelect,
    });
    await tx.invitation.updateMany({ where: { memberId: member.id, organizationId: inv.organizationId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const sessionToken = await startSession(tx, config, { organizationId: inv.organizationId, memberId: member.id }, client, now);
    await audit(tx, {
      organizationId: inv.organizationId,
      actorId: member.id,
      actorUsername: member.username,
      action: 'member.activated',
      targetType: 'member',
      targetId: member.id,
      targetLabel: member.username,
      before: { status: member.status },
      after: { status: 'active' },
      ip: client.ip,
    });
    await deps.enqueueEmail(tx, {
      organizationId: inv.organizationId,
      to: member.email,
      kind: 'welcome',
      language: member.language,
      data: { firstName: member.firstName, organizationName: inv.organization.name, username: member.username, signInUrl: `${client.baseUrl}/sign-in` },
    });
    return { sessionToken, updated: activated };
  });
  return { sessionToken, response: { member: toMemberDto(updated), mustChangePassword: false } };
}

async function pendingMember(db: Db, auth: AuthContext, memberId: string) {
  if (!canAddMembers(auth)) throw forbidden({ action: 'manage_invitations', area: 'members', level: 'update', orArea: 'manage_access' });
  const member = await db.member.findFirst({
    where: { id: memberId, organizationId: auth.organizationId },
    select: { id: true, username: true, firstName: true, email: true, status: true, language: true },
  });
  if (!member) throw notFound('member');
  return member;
}

/** A new invitation for a pending member; every earlier link stops working. */
export async function resendInvitation(deps: InvitationDeps, auth: AuthContext, memberId: string, info: { ip: string; baseUrl: string }) {
  const { db } = deps;
  const member = await pendingMember(db, auth, memberId);
  if (member.status !== 'pending') throw new AppError(409, 'not_pending');
  const org = await db.organization.findUniqueOrThrow({ where: { id: auth.organizationId }, select: { name: true, invitationTtlDays: true } });
  const inviter = await db.member.findUniqueOrThrow({ where: { id: auth.memberId }, select: { firstName: true, lastName: true } });
  const now = new Date();
  const expiresAt = await db.$transaction(async (tx) => {
    const previous = await tx.invitation.findFirst({ where: { memberId, organizationId: auth.organizationId }, orderBy: { createdAt: 'desc' }, select: { message: true } });
    await tx.invitation.updateMany({ where: { memberId, organizationId: auth.organizationId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const { token, expiresAt } = await createInvitation(tx, {
      organizationId: auth.organizationId,
      memberId,
      ttlDays: org.invitationTtlDays,
      invitedById: auth.memberId,
      message: previous?.message ?? null,
      now,
    });
    await deps.enqueueEmail(tx, {
      organizationId: auth.organizationId,
      to: member.email,
      kind: 'invitation',
      language: member.language,
      data: {
        firstName: member.firstName,
        organizationName: org.name,
        inviterName: `${inviter.firstName} ${inviter.lastName}`.trim(),
        username: member.username,
        link: activationLink(info.baseUrl, token),
        expiresAt,
        message: previous?.message ?? undefined,
      },
    });
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'invitation.resent',
      targetType: 'member',
      targetId: memberId,
      targetLabel: member.username,
      after: { expiresAt: expiresAt.toISOString() },
      ip: info.ip,
    });
    return expiresAt;
  });
  return { expiresAt: expiresAt.toISOString() };
}

/** Revokes the member's outstanding invitations; the member stays pending. */
export async function revokeInvitation(deps: InvitationDeps, auth: AuthContext, memberId: string, info: { ip: string }) {
  const { db } = deps;
  const member = await pendingMember(db, auth, memberId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { memberId, organizationId: auth.organizationId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('outstanding_invitation');
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'invitation.revoked',
      targetType: 'member',
      targetId: memberId,
      targetLabel: member.username,
      ip: info.ip,
    });
  });
}
