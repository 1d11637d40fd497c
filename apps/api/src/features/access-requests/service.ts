import type { AccessRequestAccepted, AccessRequestPublicStatus, CreateAccessRequestBody } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { audit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { hitCounter } from '../../lib/rate-limit.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { grantAccessRequest, organizationDefaultsChoice } from './grant.ts';
import { approvedDomains, isApprovedDomain } from '../../lib/email-domains.ts';
import { progressDto, progressSelect } from './progress.ts';

export { DEFAULT_REQUEST_LIMITS, type AccessRequestDeps, type PublicInfo, type RequestLimits } from './deps.ts';
import { DEFAULT_REQUEST_LIMITS, type AccessRequestDeps, type PublicInfo } from './deps.ts';
import { sameText } from '../../lib/text-match.ts';

export const confirmLink = (baseUrl: string, token: string) => `${baseUrl}/access-requests/confirm/${token}`;

const acceptedAnswer = (email: string): AccessRequestAccepted => ({
  status: 'confirmation_sent',
  detail:
    `If this organization accepts access requests, a confirmation link has been sent to ${email}. ` +
    'Your request reaches the organization’s contacts only once you open that link; you will then be emailed their decision, ' +
    'and the same link shows the status of your request.',
});

async function limit(db: Db, key: string, max: number, windowSeconds: number) {
  const { count, resetAt } = await hitCounter(db, key, windowSeconds);
  if (count > max) {
    const seconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
    throw new AppError(429, 'rate_limited', { params: { action: 'access_request' }, headers: { 'retry-after': String(seconds) } });
  }
}

/**
 * Records an access request and emails a confirmation link. Answers the same whether or not
 * the organization exists. A new submission for the same address replaces an unconfirmed
 * request (nobody proved they own the address yet); a confirmed one is left as it is, since
 * anyone may type an address: the new values wait as a change that the requester applies from
 * the link emailed to the request's address, and the request's status link keeps working.
 */
export async function submitAccessRequest(deps: AccessRequestDeps, body: CreateAccessRequestBody, info: PublicInfo): Promise<AccessRequestAccepted> {
  const { db } = deps;
  const limits = deps.limits ?? DEFAULT_REQUEST_LIMITS;
  const email = body.email.trim();
  await limit(db, `access-request:ip:${info.ip}`, limits.perIp, limits.windowSeconds);
  await limit(db, `access-request:email:${email.toLowerCase()}`, limits.perEmail, limits.windowSeconds);

  const org = await db.organization.findFirst({ where: { slug: sameText(body.organization) }, select: { id: true, name: true, defaultLanguage: true } });
  if (!org) return acceptedAnswer(email);
  const organizationId = org.id;
  const token = newToken();
  const link = confirmLink(info.baseUrl, token);
  await db.$transaction(async (tx) => {
    // Two submissions from the same address at once merge instead of creating two requests.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`access-request:${organizationId}:${email.toLowerCase()}`}))`;
    const open = await tx.accessRequest.findFirst({
      where: { organizationId, email: sameText(email), status: { in: ['unconfirmed', 'pending'] } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, status: true, message: true, firstName: true, email: true, language: true },
    });
    if (open?.status === 'pending') {
      await tx.accessRequestChange.create({
        data: { organizationId, requestId: open.id, tokenHash: hashToken(token), firstName: body.firstName, lastName: body.lastName, message: body.message ?? null, language: body.language ?? null },
      });
      // Written to the request's owner, in their language and by their name: not the new submitter's.
      await deps.enqueueEmail(tx, {
        organizationId,
        to: open.email,
        kind: 'access_request_confirmation',
        language: open.language ?? org.defaultLanguage,
        data: { firstName: open.firstName, organizationName: org.name, link, alreadyConfirmed: true, proposed: { firstName: body.firstName, lastName: body.lastName, message: body.message ?? null } },
      });
      return;
    }
    // The latest submission's language is the one the requester reads: every later email uses it.
    const fields = { firstName: body.firstName, lastName: body.lastName, email, confirmTokenHash: hashToken(token), language: body.language ?? null };
    if (open) {
      await tx.accessRequest.updateMany({ where: { id: open.id, organizationId }, data: { ...fields, message: body.message ?? open.message } });
    } else {
      await tx.accessRequest.create({ data: { organizationId, ...fields, message: body.message ?? null } });
    }
    await deps.enqueueEmail(tx, {
      organizationId,
      to: email,
      kind: 'access_request_confirmation',
      language: body.language ?? org.defaultLanguage,
      data: { firstName: body.firstName, organizationName: org.name, link, alreadyConfirmed: false },
    });
  });
  return acceptedAnswer(email);
}

const publicSelect = {
  id: true,
  organizationId: true,
  ...progressSelect,
  organization: { select: { name: true, slug: true } },
  member: { select: { username: true } },
} as const;

/** The request a link opens: its own link, or the link of a change waiting to be applied to it. */
async function findByToken(db: Db, token: string) {
  const tokenHash = hashToken(token);
  const request = await db.accessRequest.findUnique({ where: { confirmTokenHash: tokenHash }, select: publicSelect });
  if (request) return { request, change: null };
  const change = await db.accessRequestChange.findUnique({
    where: { tokenHash },
    select: { id: true, appliedAt: true, firstName: true, lastName: true, message: true, language: true, request: { select: publicSelect } },
  });
  if (!change) throw notFound('access_request');
  return { request: change.request, change };
}

type PublicRow = Awaited<ReturnType<typeof findByToken>>['request'];
const toPublic = (r: PublicRow): AccessRequestPublicStatus => ({
  organization: r.organization,
  ...progressDto(r),
  denyReason: r.status === 'denied' ? r.denyReason : null,
  username: r.status === 'granted' ? (r.member?.username ?? null) : null,
});

/** What the requester sees from their link. */
export async function accessRequestStatus({ db }: AccessRequestDeps, token: string): Promise<AccessRequestPublicStatus> {
  return toPublic((await findByToken(db, token)).request);
}

/**
 * Confirms the requester's email: the request becomes pending (listed for the contacts),
 * or is granted at once when its domain is approved. Confirming again changes nothing.
 */
export async function confirmAccessRequest(deps: AccessRequestDeps, token: string, info: PublicInfo): Promise<AccessRequestPublicStatus> {
  const { db } = deps;
  const { request, change } = await findByToken(db, token);
  const { organizationId } = request;
  if (change) {
    await applyChange(db, change, request, info);
    return toPublic((await findByToken(db, token)).request);
  }
  const confirmed = await db.$transaction(async (tx) => {
    const { count } = await tx.accessRequest.updateMany({
      where: { id: request.id, organizationId, status: 'unconfirmed' },
      data: { status: 'pending', confirmedAt: new Date() },
    });
    if (count === 1) {
      await audit(tx, {
        organizationId,
        action: 'access_request.confirmed',
        targetType: 'access_request',
        targetId: request.id,
        targetLabel: request.email,
        ip: info.ip,
      });
    }
    return count === 1;
  });
  if (confirmed) await tryAutoApproval(deps, organizationId, request.id, request.email, info);
  return toPublic((await findByToken(db, token)).request);
}

type WaitingChange = NonNullable<Awaited<ReturnType<typeof findByToken>>['change']>;

/**
 * The requester opened the link of a later submission: its values replace the request's, once,
 * while the request still awaits a decision (a decided request keeps what was decided on).
 */
async function applyChange(db: Db, change: WaitingChange, request: PublicRow, info: PublicInfo) {
  const { organizationId } = request;
  await db.$transaction(async (tx) => {
    const current = await tx.accessRequest.findFirst({
      where: { id: request.id, organizationId, status: 'pending' },
      select: { firstName: true, lastName: true, message: true, language: true },
    });
    if (!current) return;
    const { count } = await tx.accessRequestChange.updateMany({ where: { id: change.id, organizationId, appliedAt: null }, data: { appliedAt: new Date() } });
    if (count !== 1) return;
    const after = { firstName: change.firstName, lastName: change.lastName, message: change.message ?? current.message, language: change.language ?? current.language };
    await tx.accessRequest.updateMany({ where: { id: request.id, organizationId, status: 'pending' }, data: after });
    await audit(tx, {
      organizationId,
      action: 'access_request.changed',
      targetType: 'access_request',
      targetId: request.id,
      targetLabel: request.email,
      before: current,
      after,
      ip: info.ip,
    });
  });
}

/**
 * Grants with the organization's defaults when the confirmed email's domain is approved.
 * When that cannot be done the request stays pending for the contacts, and an
 * `access_request.auto_approval_failed` audit event says why.
 */
async function tryAutoApproval(deps: AccessRequestDeps, organizationId: string, requestId: string, email: string, info: PublicInfo) {
  const { db } = deps;
  if (!isApprovedDomain(email, await approvedDomains(db, organizationId))) return;
  const failed = async (code: string, reason: string, fields: string[] = []) => {
    deps.log?.warn({ requestId, code, detail: reason }, 'access request not auto-approved');
    await audit(db, {
      organizationId,
      action: 'access_request.auto_approval_failed',
      targetType: 'access_request',
      targetId: requestId,
      targetLabel: email,
      after: { code, reason, ...(fields.length ? { fields } : {}) },
      ip: info.ip,
    });
  };
  // Someone who already has an account here, even a disabled one, is left for the contacts to
  // decide: a new account would otherwise undo a disable without anyone deciding it.
  const existing = await db.member.count({ where: { organizationId, email: sameText(email) } });
  if (existing) return failed('existing_account', 'A member of the organization already has this email address');
  const choice = await organizationDefaultsChoice(db, organizationId);
  if (!choice) return failed('missing_defaults', 'The organization has no default role and user type for new members');
  try {
    await grantAccessRequest(deps, { organizationId, decider: null }, requestId, choice, info);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // Seats exhausted, defaults incompatible or Administrator…: the claim was rolled back.
    await failed(err.code, err.message, [...new Set(err.errors?.map((e) => e.code) ?? [])]);
  }
}
