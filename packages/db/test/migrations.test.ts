import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/embedded.ts';
import { applyMigrations, createMigration, diffMigrationsToSchema, projectPaths } from '../src/migrate/index.ts';

const paths = projectPaths();
let server: EmbeddedPostgresHandle;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'sesame-db-test-'));
  server = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg') });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server. */
async function freshDatabase(name: string): Promise<string> {
  await query(server.url, `CREATE DATABASE "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(paths.migrationsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

describe('drift between prisma/schema.prisma and prisma/migrations', () => {
  it('has none: run `pnpm db:migration:create <name>` after changing the schema', async () => {
    const sql = await diffMigrationsToSchema({ databaseUrl: server.url });
    expect(sql).toBe('');
  }, 60_000);

  it('is detected when the schema changes, and a created migration resolves it', async () => {
    const copy = path.join(workDir, 'prisma-copy');
    await cp(path.join(paths.root, 'prisma'), copy, { recursive: true });
    const schemaPath = path.join(copy, 'schema.prisma');
    const schema = await readFile(schemaPath, 'utf8');
    const changed = schema.replace(/^model Member \{\n/m, 'model Member {\n  nickname String?\n');
    expect(changed).not.toBe(schema);
    await writeFile(schemaPath, changed);
    const options = { databaseUrl: server.url, schemaPath, migrationsDir: path.join(copy, 'migrations') };

    const drift = await diffMigrationsToSchema(options);
    expect(drift).toContain('ALTER TABLE "Member" ADD COLUMN     "nickname" TEXT');

    const created = await createMigration('add nickname', options);
    expect(created.name).toMatch(/^\d{14}_add_nickname$/);
    expect(await readFile(created.file!, 'utf8')).toBe(drift);
    expect(await diffMigrationsToSchema(options)).toBe('');
    expect(await createMigration('again', options)).toEqual({});
  }, 60_000);

  it('the database named in the URL is left alone (history is built in scratch databases)', async () => {
    const tables = await query(server.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables).toEqual([]);
    const leftovers = await query(
      server.url,
      `SELECT datname FROM pg_database WHERE datname LIKE 'sesame_migrate_%' OR datname LIKE 'prisma_migrate_shadow_db_%'`,
    );
    expect(leftovers).toEqual([]);
  });
});

describe('applyMigrations', () => {
  it('creates the schema on a fresh database, then has nothing left to do', async () => {
    const url = await freshDatabase('apply_fresh');
    const names = await migrationNames();

    expect(await applyMigrations(url)).toEqual({ applied: names });

    const tables = (await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).map(
      (row) => row.tablename,
    );
    expect(tables).toEqual(expect.arrayContaining(['Organization', 'Member', 'Role', 'Session', '_prisma_migrations']));
    const trigramIndexes = await query(url, `SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'`);
    expect(trigramIndexes).toHaveLength(4);
    expect(await query(url, `SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)).toHaveLength(1);
    const history = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(history.map((row) => row.migration_name)).toEqual(names);
    expect(history.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);

    expect(await applyMigrations(url)).toEqual({ applied: [] });
  }, 60_000);

  it('is safe when several callers in one process race', async () => {
    const url = await freshDatabase('apply_race_in_process');
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 0, (await migrationNames()).length]);
    const rows = await query(url, 'SELECT migration_name FROM _prisma_migrations');
    expect(rows).toHaveLength((await migrationNames()).length);
  }, 60_000);

  it('is safe when two `pnpm db:migrate` processes race', async () => {
    const url = await freshDatabase('apply_race_processes');
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/migrate.ts'], {
        cwd: paths.root,
        env: { ...process.env, DATABASE_URL: url },
      });
    const outputs = await Promise.all([run(), run()]);
    const summary = outputs.map((output) => output.stdout).join('\n');
    expect(summary).toContain('The database is up to date.');
    expect(summary).toMatch(/Applied \d+ migration\(s\)\./);
    const rows = await query(url, 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
    expect(rows).toHaveLength((await migrationNames()).length);
  }, 60_000);
});
