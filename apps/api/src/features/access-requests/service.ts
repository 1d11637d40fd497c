import type { AccessRequestAccepted, AccessRequestPublicStatus, CreateAccessRequestBody } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { Config } from '../../config.ts';
import { audit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { EnqueueEmail } from '../../lib/mail-port.ts';
import { hitCounter } from '../../lib/rate-limit.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { grantAccessRequest, organizationDefaultsChoice } from './grant.ts';
import { isApprovedDomain } from './domains.ts';

export type RequestLimits = { perIp: number; perEmail: number; windowSeconds: number };
export const DEFAULT_REQUEST_LIMITS: RequestLimits = { perIp: 10, perEmail: 5, windowSeconds: 3600 };

export type AccessRequestDeps = {
  db: Db;
  config: Config;
  enqueueEmail: EnqueueEmail;
  limits?: RequestLimits;
  log?: { warn: (obj: object, msg: string) => void };
};
export type PublicInfo = { ip: string; baseUrl: string };

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
    throw new AppError(429, 'rate_limited', `Too many access requests. Try again in ${Math.ceil(seconds / 60)} minute(s).`, undefined, { 'retry-after': String(seconds) });
  }
}

/**
 * Records (or merges into the requester's open request) an access request and emails a
 * confirmation link. Answers the same whether or not the organization exists.
 */
export async function submitAccessRequest(deps: AccessRequestDeps, body: CreateAccessRequestBody, info: PublicInfo): Promise<AccessRequestAccepted> {
  const { db } = deps;
  const limits = deps.limits ?? DEFAULT_REQUEST_LIMITS;
  const email = body.email.trim();
  await limit(db, `access-request:ip:${info.ip}`, limits.perIp, limits.windowSeconds);
  await limit(db, `access-request:email:${email.toLowerCase()}`, limits.perEmail, limits.windowSeconds);

  const org = await db.organization.findFirst({ where: { slug: { equals: body.organization, mode: 'insensitive' } }, select: { id: true, name: true, defaultLanguage: true } });
  if (!org) return acceptedAnswer(email);
  const organizationId = org.id;
  const token = newToken();
  await db.$transaction(async (tx) => {
    // Two submissions from the same address at once merge instead of creating two requests.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`access-request:${organizationId}:${email.toLowerCase()}`}))`;
    const open = await tx.accessRequest.findFirst({
      where: { organizationId, email: { equals: email, mode: 'insensitive' }, status: { in: ['unconfirmed', 'pending'] } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, status: true, message: true },
    });
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
      data: { firstName: body.firstName, organizationName: org.name, link: confirmLink(info.baseUrl, token), alreadyConfirmed: open?.status === 'pending' },
    });
  });
  return acceptedAnswer(email);
}

const publicSelect = {
  id: true,
  organizationId: true,
  firstName: true,
  lastName: true,
  email: true,
  status: true,
  createdAt: true,
  confirmedAt: true,
  decidedAt: true,
  denyReason: true,
  autoApproved: true,
  organization: { select: { name: true, slug: true } },
  member: { select: { username: true } },
} as const;

async function findByToken(db: Db, token: string) {
  const request = await db.accessRequest.findUnique({ where: { confirmTokenHash: hashToken(token) }, select: publicSelect });
  if (!request) throw notFound('Access request');
  return request;
}

type PublicRow = Awaited<ReturnType<typeof findByToken>>;
const toPublic = (r: PublicRow): AccessRequestPublicStatus => ({
  organization: r.organization,
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  confirmedAt: r.confirmedAt?.toISOString() ?? null,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  denyReason: r.status === 'denied' ? r.denyReason : null,
  autoApproved: r.autoApproved,
  username: r.status === 'granted' ? (r.member?.username ?? null) : null,
});

/** What the requester sees from their link. */
export async function accessRequestStatus({ db }: AccessRequestDeps, token: string): Promise<AccessRequestPublicStatus> {
  return toPublic(await findByToken(db, token));
}

/**
 * Confirms the requester's email: the request becomes pending (listed for the contacts),
 * or is granted at once when its domain is approved. Confirming again changes nothing.
 */
export async function confirmAccessRequest(deps: AccessRequestDeps, token: string, info: PublicInfo): Promise<AccessRequestPublicStatus> {
  const { db } = deps;
  const request = await findByToken(db, token);
  const { organizationId } = request;
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
  return toPublic(await findByToken(db, token));
}

/**
 * Grants with the organization's defaults when the confirmed email's domain is approved.
 * When that cannot be done the request stays pending for the contacts, and an
 * `access_request.auto_approval_failed` audit event says why.
 */
async function tryAutoApproval(deps: AccessRequestDeps, organizationId: string, requestId: string, email: string, info: PublicInfo) {
  const { db } = deps;
  const approved = await db.approvedDomain.findMany({ where: { organizationId }, select: { domain: true } });
  if (!isApprovedDomain(email, approved.map((d) => d.domain))) return;
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
  const existing = await db.member.count({ where: { organizationId, email: { equals: email, mode: 'insensitive' } } });
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
