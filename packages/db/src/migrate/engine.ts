// Loads Prisma's schema engine (WebAssembly) and runs it against Postgres through the
// `@prisma/adapter-pg` driver adapter: no native engine binary, no network.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type * as EngineModule from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { runAdminStatement } from './admin-sql.ts';
import { adaptForSchemaDescriber, CatalogFriendlyClient } from './pg-compat.ts';

export type SchemaEngine = EngineModule.SchemaEngine;
export type { MigrationList } from '@prisma/schema-engine-wasm';

type Glue = typeof EngineModule & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

const require = createRequire(import.meta.url);
const GLUE_MODULE = './schema_engine_bg.js';

interface LoadedEngine {
  glue: Glue;
  /** Engine commit hash, e.g. the one `prisma -v` reports as "Schema Engine". */
  version: string;
  wasmPath: string;
}

let loaded: Promise<LoadedEngine> | undefined;
let generation = 0;

/**
 * The wasm-bindgen JS glue comes from `@prisma/schema-engine-wasm`; the `.wasm` itself
 * preferably from the installed `prisma` CLI package, whose engine is exactly the one
 * `prisma migrate` of that version runs (npm has no schema-engine-wasm release for every
 * engine commit). Both expose the same wasm-bindgen imports, which is checked here; when
 * they don't match (or `prisma` isn't installed) the package's own `.wasm` is used.
 */
export function loadSchemaEngine(): Promise<LoadedEngine> {
  loaded ??= instantiate().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function instantiate(): Promise<LoadedEngine> {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  // A fresh module instance per generation: the glue keeps the wasm instance in module state,
  // and an engine that panicked is unusable, so after a panic we start from scratch.
  const glue = (await import(`${pathToFileURL(gluePath).href}?instance=${generation++}`)) as Glue;
  const candidates = [cliWasmPath(), gluePath.replace(/\.js$/, '.wasm')].filter((p): p is string => !!p);
  let lastError: unknown;
  for (const wasmPath of candidates) {
    try {
      const module = await WebAssembly.compile(readFileSync(wasmPath));
      const missing = WebAssembly.Module.imports(module).filter(
        (entry) => entry.module !== GLUE_MODULE || typeof (glue as Record<string, unknown>)[entry.name] !== 'function',
      );
      if (missing.length > 0) throw new Error(`glue lacks ${missing.map((m) => m.name).join(', ')}`);
      const imports: WebAssembly.ModuleImports = {};
      for (const { name } of WebAssembly.Module.imports(module)) {
        const fn = (glue as Record<string, unknown>)[name] as WebAssembly.ImportValue;
        imports[name] = name.startsWith('__wbg_setTimeout_') ? trackedSetTimeout : fn;
      }
      const instance = await WebAssembly.instantiate(module, { [GLUE_MODULE]: imports });
      installPanicRegistry();
      glue.__wbg_set_wasm(instance.exports);
      (instance.exports.__wbindgen_start as () => void)();
      return { glue, version: glue.version(), wasmPath };
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`Could not load Prisma's schema engine (wasm): ${String(lastError)}`);
}

/**
 * The engine races its queries against timers (e.g. 10 s for Prisma's migration lock) and
 * never cancels the loser, which would keep Node alive for those seconds after the work is
 * done. We remember them and clear them once no engine is running.
 */
const pendingTimers = new Set<NodeJS.Timeout>();
let runningEngines = 0;

function trackedSetTimeout(callback: () => void, milliseconds: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    pendingTimers.delete(timer);
    callback();
  }, milliseconds >>> 0);
  pendingTimers.add(timer);
  return timer;
}

function clearTimersIfIdle(): void {
  if (runningEngines > 0) return;
  for (const timer of pendingTimers) clearTimeout(timer);
  pendingTimers.clear();
}

function cliWasmPath(): string | undefined {
  try {
    return require.resolve('prisma/build/schema_engine_bg.wasm');
  } catch {
    try {
      return require.resolve('prisma/package.json').replace(/package\.json$/, 'build/schema_engine_bg.wasm');
    } catch {
      return undefined;
    }
  }
}

interface PanicRegistry {
  message: string | undefined;
  set_message(message: string): void;
}

function installPanicRegistry(): void {
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  holder.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: undefined,
    set_message(message: string) {
      this.message = message;
    },
  };
}

function takePanicMessage(): string | undefined {
  const registry = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY;
  const message = registry?.message;
  if (registry) registry.message = undefined;
  return message;
}

export interface EngineLogLine {
  level?: string;
  message?: string;
  [key: string]: unknown;
}

export interface WithEngineOptions {
  /** Database the engine connects to; shadow databases are created on the same server. */
  databaseUrl: string;
  /** Prisma schema files as [path, content] (used for the datasource provider). */
  schemaFiles: [string, string][];
  onLog?: (line: EngineLogLine) => void;
}

/** Runs `work` with a schema engine bound to `databaseUrl`, then frees the engine and pool. */
export async function withSchemaEngine<T>(options: WithEngineOptions, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { glue } = await loadSchemaEngine();
  // A config object, not a connection string: shadow databases' pools are derived by
  // overriding `database`, which a connection string would silently win over.
  const { connectionString: _ignored, ...config } = parseIntoClientConfig(options.databaseUrl) as Record<string, unknown>;
  const factory = new MigrationAdapterFactory(config as pg.PoolConfig);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (line: string) => {
    if (!options.onLog) return;
    try {
      options.onLog(JSON.parse(line) as EngineLogLine);
    } catch {
      options.onLog({ message: line });
    }
  };
  let engine: SchemaEngine | undefined;
  runningEngines++;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: options.schemaFiles }, log, adapter);
    return await work(engine);
  } catch (error) {
    throw toEngineError(error);
  } finally {
    engine?.free();
    await factory.disposeAll();
    runningEngines--;
    clearTimersIfIdle();
  }
}

/**
 * adapter-pg's own factory, plus what the engine relies on here:
 * - every connection it opens is disposed at the end (freeing the wasm engine doesn't, and an
 *   open pool keeps the process alive, or crashes it when the server goes away);
 * - shadow databases are dropped after their pool is closed (adapter-pg drops first, which
 *   fails while its own pool is still connected, and then leaks both);
 * - the schema describer's catalog queries work on PostgreSQL 18 (see ./pg-compat.ts).
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName: string;
  readonly #opened: SqlDriverAdapter[] = [];

  constructor(private readonly config: pg.PoolConfig) {
    this.adapterName = new PrismaPg(config).adapterName;
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.#open(this.config);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.#admin(`CREATE DATABASE "${database}"`);
    const adapter = await this.#open({ ...this.config, database });
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = once(async () => {
      await closePool();
      await this.#admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    });
    return adapter;
  }

  async disposeAll(): Promise<void> {
    await Promise.allSettled(this.#opened.splice(0).map((adapter) => adapter.dispose()));
  }

  async #open(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
    const ignore = () => {}; // idle-connection errors surface on the next query anyway
    const pool = new pg.Pool({ ...config, max: 4, Client: CatalogFriendlyClient });
    const adapter = await new PrismaPg(pool, {
      disposeExternalPool: true,
      onPoolError: ignore,
      onConnectionError: ignore,
    }).connect();
    adaptForSchemaDescriber(adapter);
    adapter.dispose = once(adapter.dispose.bind(adapter));
    this.#opened.push(adapter);
    return adapter;
  }

  #admin(sql: string): Promise<void> {
    return runAdminStatement(this.config, sql);
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}

function toEngineError(error: unknown): Error {
  const panic = takePanicMessage();
  if (panic) {
    loaded = undefined; // a panicked wasm instance cannot be reused
    return new Error(`Prisma schema engine panicked: ${panic}`);
  }
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null) {
    const { message, error_code: code, meta } = error as { message?: string; error_code?: string; meta?: unknown };
    const text = message ?? JSON.stringify(error);
    const wrapped = new Error(code ? `${code}: ${text}` : text);
    Object.assign(wrapped, { code, meta, cause: error });
    return wrapped;
  }
  return new Error(String(error));
}
