import type { Db } from '@sesame/db';
import { hashToken, newToken } from '../../lib/tokens.ts';

/** True while the database holds no organization: the instance waits for its first-run setup. */
export async function setupNeeded(db: Pick<Db, 'organization'>): Promise<boolean> {
  return (await db.organization.findFirst({ select: { id: true } })) === null;
}

/**
 * A new one-time setup token, valid `ttlHours`. Only its SHA-256 is stored, so the token
 * printed by one API process works on every process of the same database; expired tokens are
 * dropped. Tokens printed earlier stay valid until they expire or the setup is done.
 * `fixed` (SETUP_TOKEN, refused in production by the config) replaces the random token.
 */
export async function issueSetupToken(db: Pick<Db, 'setupToken'>, ttlHours: number, now = new Date(), fixed?: string): Promise<{ token: string; expiresAt: Date }> {
  // A fixed token (SETUP_TOKEN, tests only) is issued again at each start: replace its row.
  const token = fixed ?? newToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.setupToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { tokenHash: hashToken(token) }] } });
  await db.setupToken.create({ data: { tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

/** Whether `token` is one of the unexpired setup tokens. */
export async function setupTokenValid(db: Pick<Db, 'setupToken'>, token: string, now = new Date()): Promise<boolean> {
  return (await db.setupToken.findFirst({ where: { tokenHash: hashToken(token), expiresAt: { gt: now } }, select: { tokenHash: true } })) !== null;
}
