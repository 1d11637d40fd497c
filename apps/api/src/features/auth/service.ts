import { passwordProblems, type ChangePasswordBody, type MeResponse, type SignInBody, type SignInResponse } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { hashPassword, verifyPassword } from '@sesame/db/passwords';
import type { Config } from '../../config.ts';
import { audit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { effectivePrivileges } from '../../lib/privileges.ts';
import { newToken } from '../../lib/tokens.ts';
import { startSession } from './session.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { attemptAccount, countSourceAttempt, type Account } from './throttle.ts';

export type AuthDeps = { db: Db; config: Config };

const invalidCredentials = () => new AppError(401, 'invalid_credentials');

// Accounts without a usable password are checked against this hash, so that every refused
// sign-in costs one hash per account and response times tell nothing about the account.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(newToken()));

function rateLimited(resetAt: Date): AppError {
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
  return new AppError(429, 'rate_limited', { params: { action: 'sign_in' }, headers: { 'retry-after': String(seconds) } });
}

export async function signIn(
  deps: AuthDeps,
  body: SignInBody & { organization?: string },
  client: { ip: string; userAgent?: string },
): Promise<{ token: string; response: SignInResponse }> {
  const { db, config } = deps;
  const policy = config.signIn;

  const perIp = await countSourceAttempt(db, client.ip, policy);
  if (perIp) throw rateLimited(perIp.retryAt);

  // Usernames are unique per organization: try each organization's account of that name.
  const candidates = await db.member.findMany({
    where: { username: body.username, ...(body.organization ? { organization: { slug: body.organization } } : {}) },
    select: { id: true, organizationId: true, username: true, status: true, passwordHash: true, identityType: true, mustChangePassword: true },
    take: 5,
  });
  type Candidate = (typeof candidates)[number];
  const accounts: { account: Account; member: Candidate | null }[] =
    candidates.length > 0
      ? candidates.map((member) => ({ account: { memberId: member.id }, member }))
      : [{ account: { unknownName: body.username, organization: body.organization }, member: null }];

  // Each account's attempt is decided by the throttle, then checked; throttled accounts are not checked.
  const checked: typeof accounts = [];
  let retryAt: Date | undefined;
  let match: { account: Account; member: Candidate } | undefined;
  for (const entry of accounts) {
    const { account, member } = entry;
    const usable = member?.identityType === 'builtin' && member.passwordHash ? member.passwordHash : null;
    // Only an active member's right password is a success; a disabled member's counts as a failure.
    const attempt = await attemptAccount(db, account, client.ip, policy, async () => {
      const verified = (await verifyPassword(usable ?? (await getDummyHash()), body.password)) && usable !== null;
      return { success: verified && member?.status === 'active', found: verified };
    });
    if ('refusal' in attempt) {
      if (!retryAt || attempt.refusal.retryAt < retryAt) retryAt = attempt.refusal.retryAt;
      continue;
    }
    checked.push(entry);
    if (attempt.checked && member) {
      match = { account, member };
      break;
    }
  }
  if (checked.length === 0) {
    if (!retryAt) throw new Error('sign-in: no account was checked and none was refused');
    throw rateLimited(retryAt);
  }

  if (!match) {
    for (const { member } of checked) {
      if (!member) continue;
      await audit(db, {
        organizationId: member.organizationId,
        action: 'auth.sign_in_failed',
        targetType: 'member',
        targetId: member.id,
        targetLabel: member.username,
        after: { reason: 'invalid_credentials' },
        ip: client.ip,
      });
    }
    throw invalidCredentials();
  }
  const found = match.member;
  if (found.status === 'disabled') {
    await audit(db, {
      organizationId: found.organizationId,
      action: 'auth.sign_in_refused',
      targetType: 'member',
      targetId: found.id,
      targetLabel: found.username,
      after: { reason: 'member_disabled' },
      ip: client.ip,
    });
    throw new AppError(403, 'member_disabled');
  }
  if (found.status !== 'active') throw invalidCredentials();

  const now = new Date();
  const { token, member } = await db.$transaction(async (tx) => {
    const token = await startSession(tx, config, { organizationId: found.organizationId, memberId: found.id }, client, now);
    const member = await tx.member.update({
      where: { id: found.id, organizationId: found.organizationId },
      data: { lastSignInAt: now },
      select: memberSelect,
    });
    return { token, member };
  });
  return { token, response: { member: toMemberDto(member), mustChangePassword: found.mustChangePassword } };
}

export async function signOut(deps: AuthDeps, auth: AuthContext): Promise<void> {
  await deps.db.session.deleteMany({ where: { id: auth.sessionId, organizationId: auth.organizationId } });
}

export async function me(deps: AuthDeps, auth: AuthContext): Promise<MeResponse> {
  const member = await deps.db.member.findFirstOrThrow({
    where: { id: auth.memberId, organizationId: auth.organizationId },
    select: {
      ...memberSelect,
      organization: { select: { id: true, slug: true, name: true } },
      privileges: { select: { area: true, level: true } },
      role: { select: { ...memberSelect.role.select, isAdministrator: true, privileges: { select: { area: true, level: true } } } },
      mustChangePassword: true,
    },
  });
  return {
    member: toMemberDto(member),
    organization: member.organization,
    privileges: effectivePrivileges(member.role.privileges, member.privileges),
    mustChangePassword: member.mustChangePassword,
    isAdministrator: member.role.isAdministrator,
  };
}

// The rule lives in the shared contracts (rules/passwords.ts); re-exported for the features that import it from here.
export { passwordProblems, type PasswordProblem } from '@sesame/contracts';

/** 400 weak_password naming every failed rule at `path` (worded from the messages table), or nothing when the password is accepted. */
export function assertPasswordAccepted(password: string, context: { username: string }, path: string): void {
  const problems = passwordProblems(password, context);
  if (problems.length) {
    throw new AppError(400, 'weak_password', { errors: problems.map((p) => ({ path, code: p.code, ...(p.params ? { params: p.params } : {}) })) });
  }
}

export async function changePassword(
  deps: AuthDeps,
  auth: AuthContext,
  body: ChangePasswordBody,
  client: { ip: string },
): Promise<void> {
  const { db } = deps;
  const member = await db.member.findFirstOrThrow({
    where: { id: auth.memberId, organizationId: auth.organizationId },
    select: { id: true, username: true, email: true, passwordHash: true, identityType: true },
  });
  if (member.identityType !== 'builtin' || !member.passwordHash) {
    throw new AppError(400, 'validation_failed', { params: { reason: 'no_password_here' } });
  }
  if (!(await verifyPassword(member.passwordHash, body.currentPassword))) {
    throw new AppError(400, 'wrong_password', { errors: [{ path: 'currentPassword', code: 'wrong_password' }] });
  }
  if (body.newPassword === body.currentPassword) {
    throw new AppError(400, 'weak_password', { errors: [{ path: 'newPassword', code: 'password_unchanged' }] });
  }
  assertPasswordAccepted(body.newPassword, member, 'newPassword');

  const passwordHash = await hashPassword(body.newPassword);
  await db.$transaction(async (tx) => {
    await tx.member.update({
      where: { id: member.id, organizationId: auth.organizationId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    // Other sessions of this member end; the current one carries on.
    await tx.session.deleteMany({ where: { memberId: member.id, organizationId: auth.organizationId, id: { not: auth.sessionId } } });
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'member.password_changed',
      targetType: 'member',
      targetId: member.id,
      targetLabel: member.username,
      ip: client.ip,
    });
  });
}
