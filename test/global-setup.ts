import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../packages/db/src/embedded.ts';
import { Logger, runMigrations } from 'graphile-worker';
import { applyMigrations } from '../packages/db/src/migrate/index.ts';

const quietLogger = new Logger(() => () => {});

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database that test files clone with CREATE DATABASE … TEMPLATE. */
    templateDatabaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL when given). The
 * migrated `sesame` database serves as a template: each test file gets its own copy.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!url) {
    const base = path.resolve('.test-data');
    mkdirSync(base, { recursive: true });
    dataDir = mkdtempSync(path.join(base, 'vitest-'));
    const pg = await startEmbeddedPostgres({ dataDir });
    url = pg.url;
    stop = pg.stop;
  }
  await applyMigrations(url);
  // The mail queue's own tables, so emails queued in tests get real delivery jobs.
  await runMigrations({ connectionString: url, logger: quietLogger });
  project.provide('templateDatabaseUrl', url);
  return async () => {
    await stop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
