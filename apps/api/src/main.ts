import path from 'node:path';
import { createDb } from '@sesame/db';
import { seedDemoIfEmpty } from '@sesame/db/seed';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { startMaintenance } from './lib/maintenance.ts';

const config = loadConfig();

async function resolveDatabase(): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  if (config.env === 'production') throw new Error('DATABASE_URL is required in production');
  const { startEmbeddedPostgres } = await import('@sesame/db/embedded');
  console.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${path.join(config.dataDir, 'postgres')}`);
  return startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres') });
}

async function main() {
  const database = await resolveDatabase();
  const { applyMigrations } = await import('@sesame/db/migrate/index');
  await applyMigrations(database.url);
  const db = createDb(database.url);

  const seed = await seedDemoIfEmpty(db, { adminPassword: config.adminPassword });
  if (seed.seeded) {
    const line = '='.repeat(68);
    console.log(`\n${line}\n  Demo organization created. Sign in as: admin`);
    if (seed.generatedPassword) console.log(`  Generated password (shown only once): ${seed.generatedPassword}`);
    else console.log('  Password: the value of ADMIN_PASSWORD');
    console.log(`  You will be asked to choose a new password at first sign-in.\n${line}\n`);
  }

  const app = await buildApp({ db, config });
  const stopMaintenance = startMaintenance(db, app.log);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopMaintenance();
    await app.close();
    await db.$disconnect();
    await database.stop?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`Sésame is ready: http://localhost:${config.port}/  (API docs: /api/docs)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
