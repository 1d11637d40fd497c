import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from '@sesame/db';
import { resolveDatabase } from '@sesame/db/database';
import type { Io } from './io.ts';

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const environment = (value: string | undefined) => (value === 'production' || value === 'test' ? value : 'development');

/**
 * The portal's database, as the server finds it (DATABASE_URL, else the embedded PostgreSQL in
 * SESAME_DATA_DIR), migrated to this version. Commands that work on the database directly use it.
 */
export async function openDatabase(io: Io): Promise<{ db: Db; close: () => Promise<void> }> {
  const database = await resolveDatabase({
    databaseUrl: io.env.DATABASE_URL || undefined,
    dataDir: path.resolve(repoRoot(), io.env.SESAME_DATA_DIR ?? '.data'),
    env: environment(io.env.NODE_ENV),
    log: io.stderr,
  });
  try {
    const { applyMigrations } = await import('@sesame/db/migrate/index');
    await applyMigrations(database.url, { log: io.stderr });
  } catch (error) {
    await database.stop?.();
    throw error;
  }
  const db = createDb(database.url, { max: 2 });
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await database.stop?.();
    },
  };
}

/** The address the portal's links start with: PUBLIC_URL, or this machine and PORT (as the server prints it). */
export const portalBaseUrl = (env: NodeJS.ProcessEnv) => (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
