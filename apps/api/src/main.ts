import { createDb } from '@sesame/db';
import { resolveDatabase } from '@sesame/db/database';
import { buildApp } from './app.ts';
import { loadConfig, mailCatcherEnabled } from './config.ts';
import { firstRunBanner, portalBaseUrl, prepareFirstRun } from './first-run.ts';
import { startMailCatcher } from './features/mail/catcher.ts';
import { startMailWorker } from './features/mail/worker.ts';
import { enqueueEmail } from './features/mail/outbox.ts';
import { purgeExpiredTask, startMaintenance, type PeriodicTask } from './lib/maintenance.ts';
import { importRecoveryTask, importRetentionTask } from './features/imports/recovery.ts';
import { accessRequestRemindersTask } from './features/access-requests/reminders.ts';

const config = loadConfig();

async function main() {
  const database = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, env: config.env, log: (m) => console.log(m) });
  const { applyMigrations } = await import('@sesame/db/migrate/index');
  await applyMigrations(database.url);
  const db = createDb(database.url);

  // An empty database gets the demo (DEMO_ORGANIZATION) or a one-time setup token.
  const banner = firstRunBanner(await prepareFirstRun(db, config));
  if (banner) console.log(banner);

  const devMail = mailCatcherEnabled(config);
  const app = await buildApp({ db, config, devMail });
  const catcher = devMail ? await startMailCatcher({ db, port: config.mailCatcherPort, logger: app.log }) : null;
  const smtpUrl = config.smtpUrl ?? catcher?.smtpUrl;
  // Without SMTP_URL in production, emails wait in the outbox until a server is configured.
  if (!smtpUrl) app.log.warn('SMTP_URL is not set: emails are kept in the outbox and sent once it is');
  const mailWorker = smtpUrl ? await startMailWorker({ databaseUrl: database.url, db, smtpUrl, mailFrom: config.mailFrom, logger: app.log }) : null;

  // The process's one scheduler of periodic work, each task on its own period (lib/maintenance.ts).
  const periodic: PeriodicTask[] = [
    purgeExpiredTask(db),
    // CSV imports whose commit was cut short by a crash (here or in another API process) can be committed again…
    importRecoveryTask(db, app.log),
    // …and imports left uncommitted are deleted after IMPORT_RETENTION_DAYS (their rows may hold passwords).
    importRetentionTask(db, app.log, config.imports.retentionDays),
    // The contacts' daily digest of waiting access requests, queued in the outbox like every email.
    accessRequestRemindersTask({ db, enqueueEmail, baseUrl: portalBaseUrl(config) }, app.log),
    ...(mailWorker ? [mailWorker.sweep] : []),
  ];
  const stopMaintenance = startMaintenance(periodic, app.log);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopMaintenance();
    await app.close();
    await mailWorker?.stop();
    await catcher?.stop();
    await db.$disconnect();
    await database.stop?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`Sésame is ready: http://localhost:${config.port}/  (API docs: /api/docs)`);
  if (catcher) console.log(`Development mail catcher: ${catcher.smtpUrl}, caught mail at http://localhost:${config.port}/api/dev/mail`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
