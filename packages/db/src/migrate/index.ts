// Offline `prisma migrate`: Prisma's own schema engine (wasm) applies, creates and diffs
// migrations in prisma/migrations, Prisma's layout and `_prisma_migrations` bookkeeping.
import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded.ts';
import { readMigrationsList, readSchemaFiles, writeLockfileIfMissing, MIGRATION_FILE } from './files.ts';
import { withSchemaEngine, type EngineLogLine, type SchemaEngine } from './engine.ts';
import type { MigrationList, SchemasContainer } from '@prisma/schema-engine-wasm';
import { projectPaths } from './paths.ts';
import { runAdminStatement } from './admin-sql.ts';

export { findRepoRoot, projectPaths, type ProjectPaths } from './paths.ts';
export { loadSchemaEngine } from './engine.ts';

export interface MigrateOptions {
  /** Defaults to <repo>/prisma/schema.prisma. */
  schemaPath?: string;
  /** Defaults to <repo>/prisma/migrations. */
  migrationsDir?: string;
  /** Progress messages (silent by default). */
  log?: (message: string) => void;
}

export interface ScratchOptions extends MigrateOptions {
  /**
   * A server on which temporary databases may be created (and dropped) to build the
   * migration history in. When omitted, a throw-away embedded PostgreSQL is started.
   * The database named in the URL itself is never modified.
   */
  databaseUrl?: string;
}

/** Arbitrary constant, distinct from the key Prisma's engine itself may take (72707369). */
const MIGRATION_LOCK_KEY = 5_365_736_101;
const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * Applies the pending migrations of prisma/migrations to `databaseUrl` (like
 * `prisma migrate deploy`). Idempotent; concurrent callers queue on an advisory lock.
 */
export async function applyMigrations(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const { schemaPath, migrationsDir } = resolvePaths(options);
  const [schema, migrationsList] = await Promise.all([readSchemaFiles(schemaPath), readMigrationsList(migrationsDir)]);
  const lock = new pg.Client({ connectionString: databaseUrl });
  lock.on('error', () => {});
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const { appliedMigrationNames } = await withSchemaEngine(
      { databaseUrl, schemaFiles: schemaPairs(schema.files), onLog: engineLogger(options.log) },
      (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    for (const name of appliedMigrationNames) options.log?.(`Applied migration ${name}`);
    return { applied: appliedMigrationNames };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await lock.end().catch(() => {});
  }
}

export interface CreatedMigration {
  /** Directory name, `<timestamp>_<name>`; undefined when nothing changed. */
  name?: string;
  /** Path of the written migration.sql. */
  file?: string;
  sql?: string;
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
 * existing migrations to schema.prisma (what `prisma migrate dev --create-only` writes).
 * Returns `{}` and writes nothing when they already agree, unless `empty` asks for a
 * migration to fill by hand.
 */
export async function createMigration(
  name: string,
  options: ScratchOptions & { empty?: boolean } = {},
): Promise<CreatedMigration> {
  const migrationName = sanitizeName(name);
  const { migrationsDir } = resolvePaths(options);
  const { sql, warnings } = await computeMigrationDiff(options, { withWarnings: true });
  if (!sql && !options.empty) {
    options.log?.('The migrations already match the schema: no migration created.');
    return {};
  }
  const script = sql ? warnings + sql : '-- This is an empty migration.';
  const generated = `${utcTimestamp()}_${migrationName}`;
  const directory = path.join(migrationsDir, generated);
  const file = path.join(directory, MIGRATION_FILE);
  await mkdir(migrationsDir, { recursive: true });
  await mkdir(directory).catch((error: { code?: string }) => {
    throw error.code === 'EEXIST' ? new Error(`The migration directory already exists: ${directory}`) : error;
  });
  await writeFile(file, script, 'utf8');
  await writeLockfileIfMissing(migrationsDir, 'postgresql');
  options.log?.(`Created ${path.relative(process.cwd(), file) || file}`);
  return { name: generated, file, sql: script };
}

/**
 * The SQL that would take a database built from prisma/migrations to schema.prisma;
 * an empty string when they agree (the drift check).
 */
export async function diffMigrationsToSchema(options: ScratchOptions = {}): Promise<string> {
  return (await computeMigrationDiff(options, { withWarnings: false })).sql;
}

/**
 * Builds the migration history in a scratch database with the engine's own
 * applyMigrations, then asks the engine for the diff from that live database to the schema.
 *
 * Why not the engine's shadow-database route (`diff --from-migrations`, `createMigration`)?
 * In the wasm engine of Prisma 7.10, the shadow database is described without the schema's
 * preview features, so `postgresqlExtensions` is ignored there and every diff would
 * re-create `pg_trgm`. A datasource diff describes the live database with them.
 */
async function computeMigrationDiff(
  options: ScratchOptions,
  { withWarnings }: { withWarnings: boolean },
): Promise<{ sql: string; warnings: string }> {
  const { schemaPath, migrationsDir } = resolvePaths(options);
  const [schema, migrationsList] = await Promise.all([readSchemaFiles(schemaPath), readMigrationsList(migrationsDir)]);
  return withScratchDatabase(options, (databaseUrl) =>
    withSchemaEngine({ databaseUrl, schemaFiles: schemaPairs(schema.files), onLog: engineLogger(options.log) }, async (engine) => {
      const hasMigrations = migrationsList.migrationDirectories.length > 0;
      if (hasMigrations) await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      const result = await engine.diff({
        from: { tag: 'schemaDatasource', ...schema, configDir: path.dirname(schemaPath) },
        to: { tag: 'schemaDatamodel', ...schema },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      // exitCode 2 means "non-empty diff"; an empty one still prints a comment line.
      const sql = result.exitCode === 2 ? (result.stdout ?? '') : '';
      const warnings = sql && withWarnings && hasMigrations ? await warningsHeader(engine, migrationsList, schema) : '';
      return { sql, warnings };
    }),
  );
}

/**
 * The destructive-change warnings block Prisma puts at the top of a migration
 * ("You are about to drop the column…"). Only the engine's createMigration renders it, from
 * the shadow-database route that the scratch database (all migrations applied) makes
 * possible: devDiagnostic caches the history's schema, createMigration reads it. Its SQL is
 * not used (see computeMigrationDiff), only its leading comment.
 */
async function warningsHeader(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  schema: SchemasContainer,
): Promise<string> {
  try {
    await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    const { migrationScript } = await engine.createMigration({
      draft: false,
      migrationName: 'warnings',
      migrationsList,
      schema,
      filters: NO_FILTER,
    });
    return /^\/\*\s*Warnings:[\s\S]*?\*\/\n/.exec(migrationScript ?? '')?.[0] ?? '';
  } catch {
    return ''; // advisory only; the SQL itself comes from the diff
  }
}

function utcTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function resolvePaths(options: MigrateOptions): { schemaPath: string; migrationsDir: string } {
  const defaults = projectPaths();
  return {
    schemaPath: options.schemaPath ? path.resolve(options.schemaPath) : defaults.schemaPath,
    migrationsDir: options.migrationsDir ? path.resolve(options.migrationsDir) : defaults.migrationsDir,
  };
}

function schemaPairs(files: { path: string; content: string }[]): [string, string][] {
  return files.map((file) => [file.path, file.content]);
}

function sanitizeName(name: string): string {
  const clean = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!clean) throw new Error(`Invalid migration name: "${name}" (use letters, digits and underscores)`);
  return clean;
}

/**
 * Runs `work` against an empty database that is dropped afterwards: a new database on the
 * server of `options.databaseUrl`, or else a throw-away embedded PostgreSQL.
 */
async function withScratchDatabase<T>(options: ScratchOptions, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (options.databaseUrl) {
    const name = `sesame_migrate_${randomUUID().replaceAll('-', '')}`;
    const admin = (sql: string) => runAdminStatement({ connectionString: options.databaseUrl }, sql);
    await admin(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(options.databaseUrl);
      url.pathname = `/${name}`;
      return await work(url.toString());
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'sesame-migrate-'));
  try {
    options.log?.('Starting a temporary PostgreSQL to build the migration history in…');
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'scratch' });
    try {
      return await work(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function engineLogger(log: MigrateOptions['log']): ((line: EngineLogLine) => void) | undefined {
  if (!log) return undefined;
  return (line) => {
    const fields = line.fields as { message?: string } | undefined;
    const message = fields?.message ?? line.message;
    if (message && (line.level === 'WARN' || line.level === 'ERROR')) log(`[schema-engine] ${message}`);
  };
}

export { MIGRATION_FILE };
