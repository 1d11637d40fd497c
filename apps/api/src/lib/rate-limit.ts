import { present } from '@sesame/contracts';
import type { Db } from '@sesame/db';

/** The database, or a transaction client: counters work in either. */
type Sql = Pick<Db, '$queryRaw'>;

/**
 * Fixed-window counters kept in Postgres so that every API process shares them.
 * `hit` adds one and returns the count in the current window.
 */
export async function hitCounter(db: Sql, key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const rows = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 1, now(), now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN now() ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."expiresAt" END,
      "blockedUntil" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN NULL ELSE "RateLimitBucket"."blockedUntil" END
    RETURNING "count", "expiresAt"`;
  const row = present(rows[0], `the counter ${key}`);
  return { count: Number(row.count), resetAt: row.expiresAt };
}

export type LockedCounter = { count: number; expiresAt: Date; blockedUntil: Date | null; blocked: boolean };

/**
 * Creates the counter if needed (an expired one starts again at 0) and locks its row until
 * the end of the caller's transaction, so that attempts on one key are decided one at a time.
 */
export async function lockCounter(tx: Sql, key: string, windowSeconds: number): Promise<LockedCounter> {
  const rows = await tx.$queryRaw<LockedCounter[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 0, now(), now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN 0 ELSE "RateLimitBucket"."count" END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN now() ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."expiresAt" END,
      "blockedUntil" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN NULL ELSE "RateLimitBucket"."blockedUntil" END
    RETURNING "count", "expiresAt", "blockedUntil", COALESCE("blockedUntil" > now(), false) AS "blocked"`;
  const row = present(rows[0], `the counter ${key}`);
  return { ...row, count: Number(row.count) };
}

/** The counter's live window, or null when there is none (never counted, or expired). */
export async function readCounter(tx: Sql, key: string): Promise<{ count: number; expiresAt: Date } | null> {
  const rows = await tx.$queryRaw<{ count: number; expiresAt: Date }[]>`
    SELECT "count", "expiresAt" FROM "RateLimitBucket" WHERE "key" = ${key} AND "expiresAt" > now()`;
  const row = rows[0];
  return row ? { count: Number(row.count), expiresAt: row.expiresAt } : null;
}

/**
 * Sets a locked counter's count and, when `waitSeconds` > 0, a wait from now; the counter then
 * lives at least `windowSeconds` more (and never ends before its wait).
 */
export async function setLockedCounter(tx: Sql, key: string, count: number, opts: { windowSeconds: number; waitSeconds: number }): Promise<void> {
  await tx.$queryRaw`
    UPDATE "RateLimitBucket" SET
      "count" = ${count},
      "blockedUntil" = CASE WHEN ${opts.waitSeconds}::int > 0 THEN now() + make_interval(secs => ${opts.waitSeconds}) ELSE "blockedUntil" END,
      "expiresAt" = now() + make_interval(secs => GREATEST(${opts.windowSeconds}::int, ${opts.waitSeconds}::int))
    WHERE "key" = ${key}
    RETURNING "key"`;
}

export async function resetCounter(db: Pick<Db, 'rateLimitBucket'>, ...keys: string[]): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: { in: keys } } });
}

export async function purgeExpiredCounters(db: Db): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
