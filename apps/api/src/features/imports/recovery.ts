import { importErrorMessage } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { PeriodicTask } from '../../lib/maintenance.ts';
import { COMMIT_STALE_MS, RECOVERY_SWEEP_MS } from './commit.ts';

// The periodic work on import jobs: commits interrupted by a crash, and imports never committed.

/**
 * A job left `committing` by a process that died (no heartbeat for COMMIT_STALE_MS) goes back
 * to `validated`: its transaction was rolled back by PostgreSQL, so nothing was created, and it
 * can be committed again. A job whose commit transaction is still open is locked and skipped.
 */
export async function recoverInterruptedImports(db: Db, staleMs = COMMIT_STALE_MS): Promise<number> {
  return db.$executeRaw`
    UPDATE "ImportJob" SET "status" = 'validated', "heartbeatAt" = NULL, "processedRows" = 0, "updatedAt" = now(),
      "error" = ${importErrorMessage('interrupted', {}, 'en')}, "errorCode" = 'interrupted', "errorParams" = NULL, "errorDetails" = NULL
    WHERE id IN (SELECT id FROM "ImportJob" WHERE "status" = 'committing'
                   AND ("heartbeatAt" IS NULL OR "heartbeatAt" <= now() - make_interval(secs => ${staleMs / 1000}))
                 FOR UPDATE SKIP LOCKED)`;
}

/**
 * {@link recoverInterruptedImports} every RECOVERY_SWEEP_MS, as the maintenance loop of every API
 * process runs it (main.ts).
 */
export function importRecoveryTask(db: Db, log: { warn: (o: object, m: string) => void }, everyMs = RECOVERY_SWEEP_MS): PeriodicTask {
  return {
    name: 'interrupted import commits recovery',
    everyMs,
    run: async () => {
      const n = await recoverInterruptedImports(db);
      if (n) log.warn({ jobs: n }, 'interrupted CSV import commits reset; they can be committed again');
    },
  };
}

/**
 * Imports never committed (checked, failed, or left validating by a crash) are deleted, rows
 * included, once untouched for `retentionDays`: their rows may hold the passwords of a
 * credentials-mode file. Committed jobs stay (their passwords were removed at commit), and so
 * does a job being committed.
 */
export async function purgeAbandonedImports(db: Db, retentionDays: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "ImportJob" WHERE "status" IN ('validating', 'validated', 'failed')
      AND "updatedAt" < now() - make_interval(secs => ${retentionDays * 86_400})`;
}

/** {@link purgeAbandonedImports} every hour, as the maintenance loop runs it (main.ts). */
export function importRetentionTask(db: Db, log: { info: (o: object, m: string) => void }, retentionDays: number): PeriodicTask {
  return {
    name: 'uncommitted imports retention',
    everyMs: 60 * 60_000,
    run: async () => {
      const n = await purgeAbandonedImports(db, retentionDays);
      if (n) log.info({ jobs: n }, 'uncommitted CSV imports past their retention deleted');
    },
  };
}
