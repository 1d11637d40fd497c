import { Password, type ChangePasswordBody, type MeResponse, type SignInBody, type SignInResponse } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { hashPassword, verifyPassword } from '@sesame/db/passwords';
import type { Config } from '../../config.ts';
import { audit } from '../../lib/audit.ts';
import { isCommonPassword } from '../../lib/common-passwords.ts';
import { AppError, fieldText } from '../../lib/errors.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { effectivePrivileges } from '../../lib/privileges.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { clearAccount, countAccountAttempt, countSourceAttempt, type Account } from './throttle.ts';

export type AuthDeps = { db: Db; config: Config };

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'Incorrect username or password');

// Accounts without a usable password are checked against this hash, so that every refused
// sign-in costs one hash per account and response times tell nothing about the account.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(newToken()));

function rateLimited(resetAt: Date): AppError {
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
  return new AppError(429, 'rate_limited', `Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, undefined, {
    'retry-after': String(seconds),
  });
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

  // Each attempt is counted before its password is checked; throttled accounts are not checked.
  const allowed: typeof accounts = [];
  let retryAt: Date | undefined;
  for (const entry of accounts) {
    const refusal = await countAccountAttempt(db, entry.account, client.ip, policy);
    if (!refusal) allowed.push(entry);
    else if (!retryAt || refusal.retryAt < retryAt) retryAt = refusal.retryAt;
  }
  if (allowed.length === 0) throw rateLimited(retryAt!);

  let match: { account: Account; member: Candidate } | undefined;
  for (const { account, member } of allowed) {
    const usable = member?.identityType === 'builtin' && member.passwordHash ? member.passwordHash : null;
    const verified = await verifyPassword(usable ?? (await getDummyHash()), body.password);
    if (verified && usable && member) {
      match = { account, member };
      break;
    }
  }

  if (!match) {
    for (const { member } of allowed) {
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
    throw new AppError(403, 'member_disabled', 'This account is disabled. Contact your administrator.');
  }
  if (found.status !== 'active') throw invalidCredentials();

  await clearAccount(db, match.account, client.ip);
  const token = newToken();
  const now = new Date();
  const member = await db.$transaction(async (tx) => {
    await tx.session.create({
      data: {
        id: hashToken(token),
        organizationId: found.organizationId,
        memberId: found.id,
        csrfToken: newToken(),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        expiresAt: new Date(now.getTime() + config.sessionTtlMs),
      },
    });
    return tx.member.update({
      where: { id: found.id, organizationId: found.organizationId },
      data: { lastSignInAt: now },
      select: memberSelect,
    });
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

/** A refused password: its code, the params of its wording and that wording in English (a problem's detail). */
export type PasswordProblem = { code: 'weak_password' | 'password_too_long'; params?: Record<string, string | number>; message: string };

/** Checks a new built-in password against the seed rule, breached lists and the account itself. */
export function passwordProblems(password: string, context: { username: string; email?: string }): PasswordProblem | null {
  const rule = Password.safeParse(password);
  if (!rule.success) {
    const issue = rule.error.issues[0];
    if (issue?.code === 'too_big') {
      const params = { max: Number(issue.maximum) };
      return { code: 'password_too_long', params, message: fieldText({ path: '', code: 'password_too_long', params }) };
    }
    return { code: 'weak_password', message: fieldText({ path: '', code: 'weak_password' }) };
  }
  if (isCommonPassword(password)) return { code: 'weak_password', params: { reason: 'common' }, message: fieldText({ path: '', code: 'weak_password', params: { reason: 'common' } }) };
  const lower = password.toLowerCase();
  if (context.username.length >= 4 && lower.includes(context.username.toLowerCase())) return { code: 'weak_password', params: { reason: 'username' }, message: fieldText({ path: '', code: 'weak_password', params: { reason: 'username' } }) };
  return null;
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
    throw new AppError(400, 'validation_failed', 'Accounts that sign in with an organization login have no password here');
  }
  if (!(await verifyPassword(member.passwordHash, body.currentPassword))) {
    throw new AppError(400, 'wrong_password', 'The current password is incorrect', [{ path: 'currentPassword', code: 'wrong_password' }]);
  }
  if (body.newPassword === body.currentPassword) {
    throw new AppError(400, 'weak_password', 'The new password must differ from the current one', [
      { path: 'newPassword', code: 'password_unchanged' },
    ]);
  }
  const problem = passwordProblems(body.newPassword, member);
  if (problem) throw new AppError(400, 'weak_password', problem.message, [{ path: 'newPassword', code: problem.code, ...(problem.params ? { params: problem.params } : {}) }]);

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
