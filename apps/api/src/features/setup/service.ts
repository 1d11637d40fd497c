import type { SetupBody, SetupResponse } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { createOrganization } from '@sesame/db/organizations';
import { hashPassword } from '@sesame/db/passwords';
import type { Config } from '../../config.ts';
import { audit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { hitCounter, readCounter } from '../../lib/rate-limit.ts';
import { assertPasswordAccepted } from '../auth/service.ts';
import { startSession } from '../auth/session.ts';
import { setupNeeded, setupTokenValid } from './token.ts';

export type SetupDeps = { db: Db; config: Config };

/** Every setup takes this transaction-level advisory lock, so that only one creates the first organization. */
const SETUP_LOCK = 0x5e5a3e;

const setupDone = () => new AppError(409, 'setup_done');
const tokenInvalid = () => new AppError(403, 'setup_token_invalid');

/** Wrong tokens are counted per source, with the sign-in limits (SIGN_IN_MAX_FAILURES per SIGN_IN_WINDOW_SECONDS). */
const throttleKey = (ip: string) => `setup:ip:${ip}`;

function rateLimited(resetAt: Date): AppError {
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
  return new AppError(429, 'rate_limited', { params: { action: 'setup_token' }, headers: { 'retry-after': String(seconds) } });
}

export const getSetupStatus = async ({ db }: SetupDeps) => ({ needed: await setupNeeded(db) });

/**
 * The first-run setup: creates the first organization (built-in roles and user types only)
 * and its administrator, active and primary contact, and signs them in. Refused once an
 * organization exists (409), with a wrong or expired token (403, counted per source: 429
 * past the limit) and with a password the product refuses (400).
 */
export async function runSetup(
  deps: SetupDeps,
  body: SetupBody,
  client: { ip: string; userAgent?: string },
): Promise<{ sessionToken: string; response: SetupResponse }> {
  const { db, config } = deps;
  if (!(await setupNeeded(db))) throw setupDone();

  const key = throttleKey(client.ip);
  const failures = await readCounter(db, key);
  if (failures && failures.count >= config.signIn.maxFailures) throw rateLimited(failures.expiresAt);
  if (!(await setupTokenValid(db, body.token))) {
    // A setup that went through meanwhile dropped every token: say it is done, not wrong.
    if (!(await setupNeeded(db))) throw setupDone();
    const hit = await hitCounter(db, key, config.signIn.windowSeconds);
    if (hit.count > config.signIn.maxFailures) throw rateLimited(hit.resetAt);
    throw tokenInvalid();
  }

  const a = body.administrator;
  assertPasswordAccepted(a.password, { username: a.username }, 'administrator.password');
  const passwordHash = await hashPassword(a.password);

  const now = new Date();
  const { sessionToken, member, organization } = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
      // Checked again under the lock: of several setups sent together, only the first goes through.
      if (!(await setupNeeded(tx))) throw setupDone();
      if (!(await setupTokenValid(tx, body.token, now))) throw tokenInvalid();
      const created = await createOrganization(tx, {
        slug: body.organization.slug,
        name: body.organization.name,
        administrator: { username: a.username, email: a.email, firstName: a.firstName, lastName: a.lastName, passwordHash, mustChangePassword: false },
      });
      // One time: every token printed so far stops working.
      await tx.setupToken.deleteMany({});
      const { organizationId, adminId } = created;
      await audit(tx, {
        organizationId,
        actorId: adminId,
        actorUsername: a.username,
        action: 'organization.created',
        targetType: 'organization',
        targetId: organizationId,
        targetLabel: body.organization.slug,
        after: { slug: body.organization.slug, name: body.organization.name, administrator: a.username, via: 'setup' },
        ip: client.ip,
      });
      const sessionToken = await startSession(tx, config, { organizationId, memberId: adminId }, client, now);
      const member = await tx.member.update({ where: { id: adminId, organizationId }, data: { lastSignInAt: now }, select: memberSelect });
      return { sessionToken, member, organization: { id: organizationId, slug: body.organization.slug, name: body.organization.name } };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  return { sessionToken, response: { member: toMemberDto(member), mustChangePassword: false, organization } };
}
