import type { Db } from '@sesame/db';
import { purgeExpiredCounters } from './rate-limit.ts';

/** Removes expired sessions and rate-limit windows. */
export async function purgeExpired(db: Db): Promise<{ sessions: number; counters: number }> {
  const { count: sessions } = await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const counters = await purgeExpiredCounters(db);
  return { sessions, counters };
}

/** Runs purgeExpired now and then every `intervalMs`; returns a function that stops it. */
export function startMaintenance(db: Db, log: { warn: (o: object, m: string) => void }, intervalMs = 15 * 60_000): () => void {
  const tick = () => void purgeExpired(db).catch((err) => log.warn({ err }, 'maintenance failed'));
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
