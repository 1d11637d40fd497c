import type { Db } from '@sesame/db';

/**
 * Fixed-window counters kept in Postgres so that every API process shares them.
 * `hit` adds one and returns the count in the current window.
 */
export async function hitCounter(db: Db, key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const rows = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 1, now(), now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN now() ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  const row = rows[0]!;
  return { count: Number(row.count), resetAt: row.expiresAt };
}

/** Current count without adding to it (0 when the window is over). */
export async function peekCounter(db: Db, key: string): Promise<{ count: number; resetAt: Date | null }> {
  const row = await db.rateLimitBucket.findUnique({ where: { key } });
  if (!row || row.expiresAt.getTime() <= Date.now()) return { count: 0, resetAt: null };
  return { count: row.count, resetAt: row.expiresAt };
}

export async function resetCounter(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

export async function purgeExpiredCounters(db: Db): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
