// `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or, when it is unset, to
// the embedded development cluster in <repo>/.data/postgres (the one the server uses).
import { startEmbeddedPostgres } from '../embedded.ts';
import { applyMigrations, projectPaths } from '../migrate/index.ts';

async function main(): Promise<void> {
  const log = (message: string) => console.log(message);
  const url = process.env.DATABASE_URL;
  if (url) {
    report(await applyMigrations(url, { log }));
    return;
  }
  const { embeddedDataDir } = projectPaths();
  console.log(`DATABASE_URL is not set: using the embedded PostgreSQL in ${embeddedDataDir}`);
  const server = await startEmbeddedPostgres({ dataDir: embeddedDataDir });
  try {
    report(await applyMigrations(server.url, { log }));
  } finally {
    await server.stop();
  }
}

function report({ applied }: { applied: string[] }): void {
  console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length} migration(s).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
