import type { Prisma } from '@sesame/db';
import type { Config } from '../../config.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';

/**
 * Opens a session for a member (sign-in, first-run setup): only the cookie token's SHA-256 is
 * stored, with a CSRF token of its own. Returns the token the session cookie carries.
 */
export async function startSession(
  tx: Pick<Prisma.TransactionClient, 'session'>,
  config: Pick<Config, 'sessionTtlMs'>,
  member: { organizationId: string; memberId: string },
  client: { ip: string; userAgent?: string },
  now = new Date(),
): Promise<string> {
  const token = newToken();
  await tx.session.create({
    data: {
      id: hashToken(token),
      organizationId: member.organizationId,
      memberId: member.memberId,
      csrfToken: newToken(),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(now.getTime() + config.sessionTtlMs),
    },
  });
  return token;
}
