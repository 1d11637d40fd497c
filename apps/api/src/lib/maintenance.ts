import type { Db } from '@sesame/db';
import { purgeExpiredCounters } from './rate-limit.ts';

/** Removes expired sessions and rate-limit windows. */
export async function purgeExpired(db: Db): Promise<{ sessions: number; counters: number }> {
  const { count: sessions } = await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const counters = await purgeExpiredCounters(db);
  return { sessions, counters };
}

/** The sessions and rate-limit windows purge, every 15 minutes. */
export const purgeExpiredTask = (db: Db): PeriodicTask => ({ name: 'expired sessions and counters purge', everyMs: 15 * 60_000, run: () => purgeExpired(db) });

/**
 * One piece of periodic work: `run` is called when the loop starts and then every `everyMs`
 * (counted from the start of the previous run; a run still going when the next is due is not
 * doubled: the next starts when it ends). Its failures are logged, never thrown.
 */
export type PeriodicTask = { name: string; everyMs: number; run: () => Promise<unknown> };

export type MaintenanceLogger = { warn: (o: object, m: string) => void };

/**
 * The one scheduler of the process's periodic work (main.ts gives it every task the features
 * have: session purge, import recovery and retention, the mail sweep, the contacts' reminders):
 * a single timer that wakes when the next task is due and runs each task on its own period.
 * Each task is safe to run in every API process at once. Returns the function that stops it.
 */
export function startMaintenance(tasks: readonly PeriodicTask[], log: MaintenanceLogger): () => void {
  const state = tasks.map((task) => ({ task, dueAt: 0, running: false }));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const waiting = state.filter((s) => !s.running);
    if (!waiting.length) return;
    const next = Math.min(...waiting.map((s) => s.dueAt));
    timer = setTimeout(tick, Math.max(0, next - Date.now()));
    timer.unref();
  };
  const tick = () => {
    const now = Date.now();
    for (const s of state) {
      if (s.running || s.dueAt > now) continue;
      s.running = true;
      s.dueAt = now + s.task.everyMs;
      void s.task
        .run()
        .catch((err: unknown) => log.warn({ err, task: s.task.name }, 'maintenance task failed'))
        .finally(() => {
          s.running = false;
          schedule();
        });
    }
    schedule();
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
