import { creationRoleRefusal, formatUsername, levelsAboveOwn, levelsNotAllowed, privilegeAreas, typesRefusingLicence, type DecidedBy, type GrantAccessRequestBody, type PrivilegeLevel, type Privileges } from '@sesame/contracts';
import { Prisma, type Db } from '@sesame/db';
import { audit, namedList, roleLabel } from '../../lib/audit.ts';
import { AppError, forbidden, notFound, type FieldError } from '../../lib/errors.ts';
import { memberSelect, type MemberRow } from '../../lib/member-dto.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import type { AccessRequestDeps, PublicInfo } from './deps.ts';
import { isUuid } from '../../lib/ids.ts';
import { incompatibleLicenseError, lockAndCheckCapacity, newMemberSettings, roleError } from '../../lib/assignments/index.ts';

/** Who decides: a contact, or nobody (auto-approval for an approved domain). */
export type Decider = { memberId: string; username: string; isAdministrator: boolean; privileges: Privileges } | null;
export type DecisionScope = { organizationId: string; decider: Decider };


/**
 * A request that can no longer be decided: 409 `already_decided` with who decided
 * (`decidedBy`: a member, `automatic` for an approved domain, or a former member) and when,
 * so a client can say it in its own language.
 */
export async function alreadyDecided(db: Pick<Db, 'accessRequest'>, organizationId: string, id: string): Promise<AppError> {
  const r = await db.accessRequest.findFirst({
    where: { id, organizationId },
    select: { status: true, decidedAt: true, autoApproved: true, decidedBy: { select: { id: true, username: true, firstName: true, lastName: true } } },
  });
  if (!r) return notFound('access_request');
  if (r.status === 'unconfirmed') return new AppError(409, 'conflict', { params: { reason: 'unconfirmed' } });
  if (r.status === 'pending') return new AppError(409, 'conflict', { params: { reason: 'not_decided' } });
  const decidedBy: DecidedBy = r.autoApproved
    ? { kind: 'automatic' }
    : r.decidedBy
      ? { kind: 'member', id: r.decidedBy.id, username: r.decidedBy.username, fullName: `${r.decidedBy.firstName} ${r.decidedBy.lastName}`.trim() }
      : { kind: 'former_member' };
  const decidedAt = r.decidedAt?.toISOString() ?? null;
  return new AppError(409, 'already_decided', { extensions: { decision: r.status, decidedAt, decidedBy } });
}

/** The organization's defaults as a grant: its default role and user type, no own levels. Null without defaults. */
export async function organizationDefaultsChoice(db: Db, organizationId: string): Promise<GrantAccessRequestBody | null> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultRoleId: true, defaultUserTypeId: true } });
  if (!org.defaultRoleId || !org.defaultUserTypeId) return null;
  return { role: org.defaultRoleId, userType: org.defaultUserTypeId };
}

function resolve<T extends { id: string; key: string }>(items: T[], value: string): T | undefined {
  const v = value.trim();
  return isUuid(v) ? items.find((i) => i.id === v.toLowerCase()) : items.find((i) => i.key === v);
}

async function proposeUsername(db: Db, organizationId: string, format: string, p: { firstName: string; lastName: string; email: string }): Promise<string> {
  const base = formatUsername(format, p);
  const taken = new Set((await db.member.findMany({ where: { organizationId, username: { startsWith: base } }, select: { username: true } })).map((m) => m.username));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 128 - String(n).length)}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Grants a pending request: creates the member (pending, built-in) with the chosen role,
 * user type, levels, licences and groups, and emails them an activation link (the
 * invitation mechanism). Rules in order: organization scope → privilege boundary →
 * field checks → transaction (decide once, seats under lock, username uniqueness).
 */
export async function grantAccessRequest(
  deps: Pick<AccessRequestDeps, 'db' | 'enqueueEmail'>,
  { organizationId, decider }: DecisionScope,
  requestId: string,
  body: GrantAccessRequestBody,
  info: PublicInfo,
): Promise<MemberRow> {
  const { db } = deps;
  const request = await db.accessRequest.findFirst({ where: { id: requestId, organizationId }, select: { id: true, status: true, firstName: true, lastName: true, email: true, language: true } });
  if (!request) throw notFound('access_request');
  if (request.status !== 'pending') throw await alreadyDecided(db, organizationId, requestId);

  const levels = body.levels ?? {};
  if (decider) {
    const above = levelsAboveOwn(decider.privileges, levels);
    if (above.length) {
      throw forbidden(
        { reason: 'levels_above_own', areas: above.join(','), levels: above.map((a) => decider.privileges[a]).join(',') },
        above.map((a) => ({ path: `levels.${a}`, code: 'level_above_own' as const, params: { area: a, level: decider.privileges[a] } })),
      );
    }
  }

  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    include: { defaultGroups: { select: { groupId: true } }, defaultLicenses: { select: { licenseId: true } } },
  });
  const [roles, userTypes] = await Promise.all([
    db.role.findMany({ where: { organizationId }, select: { id: true, key: true, nameEn: true, nameFr: true, isAdministrator: true, privileges: { select: { area: true, level: true } } } }),
    db.userType.findMany({ where: { organizationId }, select: { id: true, key: true, nameEn: true, nameFr: true, seatLimit: true, roles: { select: { roleId: true } }, licenses: { select: { licenseId: true } } } }),
  ]);
  const errors: FieldError[] = [];
  const role = resolve(roles, body.role);
  const userType = resolve(userTypes, body.userType);
  if (!role) errors.push({ path: 'role', code: 'unknown_role', params: { value: body.role } });
  if (!userType) errors.push({ path: 'userType', code: 'unknown_user_type', params: { value: body.userType } });
  // The rules module's one rule for a new member's role, as the batch's and a CSV row's (decision 011);
  // auto-approval (no decider) gives the organization's defaults, within no one's levels.
  const refusal = role && userType ? creationRoleRefusal(decider, role, { compatibleRoleIds: userType.roles.map((r) => r.roleId) }, org) : null;
  if (role && userType && refusal) errors.push(roleError('role', refusal, role, userType, roles));
  for (const area of levelsNotAllowed(levels)) errors.push({ path: `levels.${area}`, code: 'level_not_allowed', params: { area } });

  // The organization's default licences too must suit the user type: refused, as in the batch, not dropped.
  const licenseIds = [...new Set(body.licenses ?? org.defaultLicenses.map((l) => l.licenseId))];
  const groupIds = [...new Set(body.groups ?? org.defaultGroups.map((g) => g.groupId))];
  const [licenses, groups] = await Promise.all([
    db.license.findMany({ where: { organizationId, id: { in: licenseIds.filter((x) => isUuid(x)) } }, select: { id: true, name: true, seats: true } }),
    db.group.findMany({ where: { organizationId, id: { in: groupIds.filter((x) => isUuid(x)) } }, select: { id: true, name: true } }),
  ]);
  licenseIds.forEach((id, i) => {
    const license = licenses.find((l) => l.id === id);
    if (!license) errors.push({ path: `licenses.${i}`, code: 'unknown_license', params: { id } });
    else if (userType && typesRefusingLicence(id, [{ ...userType, compatibleLicenseIds: userType.licenses.map((l) => l.licenseId) }]).length) {
      errors.push(incompatibleLicenseError(`licenses.${i}`, license, [userType]));
    }
  });
  groupIds.forEach((id, i) => {
    if (!groups.some((g) => g.id === id)) errors.push({ path: `groups.${i}`, code: 'unknown_group', params: { id } });
  });
  const username = body.username ?? (await proposeUsername(db, organizationId, org.usernameFormat, request));
  if (body.username && (await db.member.count({ where: { organizationId, username } }))) {
    errors.push({ path: 'username', code: 'username_taken', params: { username } });
  }
  if (errors.length || !role || !userType) throw new AppError(400, 'validation_failed', { errors });

  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + org.invitationTtlDays * 86_400_000);
  const inviter = decider ? await db.member.findFirst({ where: { id: decider.memberId, organizationId }, select: { firstName: true, lastName: true } }) : null;
  try {
    return await db.$transaction(async (tx) => {
      // Decided exactly once: of two concurrent decisions, the second finds no pending row.
      const claimed = await tx.accessRequest.updateMany({
        where: { id: requestId, organizationId, status: 'pending' },
        data: { status: 'granted', decidedAt: now, decidedById: decider?.memberId ?? null, autoApproved: decider === null },
      });
      if (claimed.count !== 1) throw await alreadyDecided(tx, organizationId, requestId);
      await lockAndCheckCapacity(
        tx,
        {
          organizationId,
          namedUserLimit: org.namedUserLimit,
          newMembers: 1,
          perType: [{ type: userType, n: 1 }],
          perLicense: licenses.map((license) => ({ license, n: 1 })),
        },
        { whole: 'body', userType: () => 'userType', license: (id) => `licenses.${licenseIds.indexOf(id)}` },
      );
      const member = await tx.member.create({
        data: {
          organizationId,
          username,
          firstName: request.firstName,
          lastName: request.lastName,
          email: request.email,
          identityType: 'builtin',
          roleId: role.id,
          userTypeId: userType.id,
          status: 'pending',
          // The organization's defaults, in the language the requester used on the request page.
          ...newMemberSettings(org, request.language ? { language: request.language } : {}),
        },
        select: { id: true },
      });
      const memberId = member.id;
      if (licenseIds.length) await tx.licenseAssignment.createMany({ data: licenseIds.map((licenseId) => ({ organizationId, licenseId, memberId })) });
      if (groupIds.length) await tx.groupMembership.createMany({ data: groupIds.map((groupId) => ({ organizationId, groupId, memberId })) });
      const own = privilegeAreas.flatMap((area) => (levels[area] && levels[area] !== 'none' ? [{ organizationId, memberId, area, level: levels[area] as PrivilegeLevel }] : []));
      if (own.length) await tx.memberPrivilege.createMany({ data: own });
      await tx.accessRequest.updateMany({ where: { id: requestId, organizationId }, data: { memberId } });
      await tx.invitation.create({
        data: { organizationId, memberId, tokenHash: hashToken(token), message: body.message ?? null, invitedById: decider?.memberId ?? null, expiresAt },
      });
      await deps.enqueueEmail(tx, {
        organizationId,
        to: request.email,
        kind: 'invitation',
        language: request.language ?? org.defaultLanguage,
        data: {
          firstName: request.firstName,
          organizationName: org.name,
          inviterName: inviter ? `${inviter.firstName} ${inviter.lastName}`.trim() : org.name,
          username,
          link: `${info.baseUrl}/activate/${token}`,
          expiresAt,
          message: body.message,
        },
      });
      // The same shape as the Add Members batch: keys and ids for machines, names for the Activity page.
      const after = {
        username,
        firstName: request.firstName,
        lastName: request.lastName,
        email: request.email,
        identityType: 'builtin',
        role: roleLabel(role),
        userType: roleLabel(userType),
        licenses: namedList(licenseIds, licenses),
        groups: namedList(groupIds, groups),
        categories: [],
        mode: 'invite',
        levels: Object.fromEntries(own.map((o) => [o.area, o.level])),
      };
      await audit(tx, {
        organizationId,
        actorId: decider?.memberId ?? null,
        actorUsername: decider?.username ?? null,
        action: decider ? 'access_request.granted' : 'access_request.auto_granted',
        targetType: 'access_request',
        targetId: requestId,
        targetLabel: request.email,
        before: { status: 'pending' },
        after: { status: 'granted', memberId, member: { id: memberId, username }, ...(decider ? {} : { reason: 'approved email domain' }) },
        ip: info.ip,
      });
      await audit(tx, {
        organizationId,
        actorId: decider?.memberId ?? null,
        actorUsername: decider?.username ?? null,
        action: 'member.invited',
        targetType: 'member',
        targetId: memberId,
        targetLabel: username,
        after: { ...after, accessRequestId: requestId, accessRequest: { id: requestId, name: request.email } },
        ip: info.ip,
      });
      return tx.member.findUniqueOrThrow({ where: { id: memberId, organizationId }, select: memberSelect });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError(409, 'conflict', { params: { reason: 'username_taken', username } });
    }
    throw err;
  }
}

/** Denies a pending request with the reason the requester is emailed. */
export async function denyAccessRequest(
  deps: Pick<AccessRequestDeps, 'db' | 'enqueueEmail'>,
  { organizationId, decider }: DecisionScope & { decider: NonNullable<Decider> },
  requestId: string,
  reason: string,
  info: PublicInfo,
): Promise<void> {
  const { db } = deps;
  const request = await db.accessRequest.findFirst({ where: { id: requestId, organizationId }, select: { id: true, firstName: true, email: true, language: true } });
  if (!request) throw notFound('access_request');
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, defaultLanguage: true } });
  await db.$transaction(async (tx) => {
    const claimed = await tx.accessRequest.updateMany({
      where: { id: requestId, organizationId, status: 'pending' },
      data: { status: 'denied', decidedAt: new Date(), decidedById: decider.memberId, denyReason: reason },
    });
    if (claimed.count !== 1) throw await alreadyDecided(tx, organizationId, requestId);
    await deps.enqueueEmail(tx, {
      organizationId,
      to: request.email,
      kind: 'access_request_decision',
      language: request.language ?? org.defaultLanguage,
      data: { firstName: request.firstName, organizationName: org.name, granted: false, reason, link: null },
    });
    await audit(tx, {
      organizationId,
      actorId: decider.memberId,
      actorUsername: decider.username,
      action: 'access_request.denied',
      targetType: 'access_request',
      targetId: requestId,
      targetLabel: request.email,
      before: { status: 'pending' },
      after: { status: 'denied', reason },
      ip: info.ip,
    });
  });
}
