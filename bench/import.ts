// CSV import benchmark (docs/benchmarks.md): upload + validation and commit, measured apart,
// for 100,000 invite-mode rows and 10,000 credentials rows, against a real embedded PostgreSQL,
// plus this machine's argon2 rate with the app's parameters on every core.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { Logger, runMigrations } from 'graphile-worker';
import { createDb, type Db } from '../packages/db/src/index.ts';
import { startEmbeddedPostgres } from '../packages/db/src/embedded.ts';
import { applyMigrations } from '../packages/db/src/migrate/index.ts';
import { hashPassword } from '../packages/db/src/passwords.ts';
import { seedOrganization } from '../packages/db/src/seed.ts';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';

export type ImportBenchResult = {
  machine: { cpu: string; cores: number; ramGiB: number; node: string; date: string; uvThreadpool: string };
  /** Absent when the run skipped it. */
  argon2?: { hashes: number; seconds: number; perSecond: number };
  runs: { name: string; rows: number; uploadSeconds: number; commitSeconds: number; rowsPerSecond: number; uploadRowsPerSecond: number; commitRowsPerSecond: number }[];
};

const PASSWORD = 'Bench-admin-2026';

function inviteCsv(n: number): string {
  const lines = ['Email,Role,User Type,First Name,Last Name,Username'];
  for (let i = 0; i < n; i++) lines.push(`user${i}@bench.example.org,user,creator,Jeanne,Dupont${i},inv${String(i).padStart(6, '0')}`);
  return `${lines.join('\r\n')}\r\n`;
}

function credentialsCsv(n: number): string {
  const lines = ['Email,Role,User Type,First Name,Last Name,Username,Password'];
  for (let i = 0; i < n; i++) lines.push(`cred${i}@bench.example.org,user,creator,Jon,Cho${i},cred${String(i).padStart(6, '0')},bench.pass${i}`);
  return `${lines.join('\r\n')}\r\n`;
}

async function argon2Rate(): Promise<NonNullable<ImportBenchResult['argon2']>> {
  await hashPassword('warm-up-1');
  // About 10 s of hashing on 2 cores: long enough that one slow second does not move the rate.
  const hashes = availableParallelism() * 200;
  const t = performance.now();
  await Promise.all(Array.from({ length: hashes }, (_, i) => hashPassword(`password-${i}`)));
  const seconds = (performance.now() - t) / 1000;
  return { hashes, seconds, perSecond: hashes / seconds };
}

async function measureArgon2(log: (s: string) => void): Promise<NonNullable<ImportBenchResult['argon2']>> {
  log('argon2: hashing on every core…');
  const rate = await argon2Rate();
  log(`  ${rate.perSecond.toFixed(1)} hashes/s`);
  return rate;
}

export type ImportBenchOptions = { inviteRows?: number; credentialRows?: number; argon2?: boolean };

export async function runImportBenchmark(log: (s: string) => void = console.log, options: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sesame-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir });
  let db: Db | undefined;
  try {
    await applyMigrations(pg.url);
    await runMigrations({ connectionString: pg.url, logger: new Logger(() => () => {}) });
    db = createDb(pg.url, { max: 10 });
    const org = await seedOrganization(db, { slug: 'bench', name: 'Bench', adminUsername: 'admin', adminPassword: PASSWORD, adminMustChangePassword: false, memberCount: 20, randomSeed: 7 });
    await db.organization.update({ where: { id: org.organizationId }, data: { namedUserLimit: null } });
    await db.userType.updateMany({ where: { organizationId: org.organizationId }, data: { seatLimit: null } });

    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), imports: { maxBytes: 200 * 1024 * 1024, maxRows: 200_000, retentionDays: 7 } };
    const app = await buildApp({ db, config, logger: false });
    await app.ready();
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: PASSWORD } });
    const cookie = `sesame_session=${signIn.cookies.find((c) => c.name === 'sesame_session')!.value}`;
    const csrf = (await app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie } })).json().token as string;
    const headers = { cookie, 'x-csrf-token': csrf };

    const runs: ImportBenchResult['runs'] = [];
    const measure = async (name: string, mode: 'invite' | 'credentials', csv: string, rows: number) => {
      log(`${name}: uploading ${rows.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB)…`);
      let t = performance.now();
      const upload = await app.inject({ method: 'POST', url: `/api/imports?format=builtin&mode=${mode}`, payload: csv, headers: { ...headers, 'content-type': 'text/csv' } });
      const uploadSeconds = (performance.now() - t) / 1000;
      const created = upload.json();
      if (upload.statusCode !== 201 || created.counts.valid !== rows) throw new Error(`upload failed: ${upload.body.slice(0, 500)}`);
      log(`  validated in ${uploadSeconds.toFixed(2)} s; committing…`);
      t = performance.now();
      const commit = await app.inject({ method: 'POST', url: `/api/imports/${created.id}/commit`, payload: {}, headers });
      if (commit.statusCode !== 202) throw new Error(`commit refused: ${commit.body}`);
      let lastPercent = -1;
      for (;;) {
        const job = (await app.inject({ method: 'GET', url: `/api/imports/${created.id}?limit=0`, headers })).json();
        if (job.status === 'committed') break;
        if (job.status !== 'committing') throw new Error(`commit failed: ${job.error}`);
        if (Math.floor(job.progress.percent / 10) !== lastPercent) {
          lastPercent = Math.floor(job.progress.percent / 10);
          log(`  progress ${job.progress.percent}%`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const commitSeconds = (performance.now() - t) / 1000;
      const total = uploadSeconds + commitSeconds;
      log(`  committed in ${commitSeconds.toFixed(2)} s (total ${total.toFixed(2)} s, ${Math.round(rows / total)} rows/s)`);
      runs.push({ name, rows, uploadSeconds, commitSeconds, rowsPerSecond: rows / total, uploadRowsPerSecond: rows / uploadSeconds, commitRowsPerSecond: rows / commitSeconds });
    };

    // BENCH_INVITE_ROWS / BENCH_CREDENTIALS_ROWS shrink a run while profiling (0 skips it).
    const inviteRows = Number(process.env.BENCH_INVITE_ROWS ?? options.inviteRows ?? 100_000);
    const credentialRows = Number(process.env.BENCH_CREDENTIALS_ROWS ?? options.credentialRows ?? 10_000);
    if (inviteRows) await measure(`${inviteRows.toLocaleString('en')} rows, invite mode`, 'invite', inviteCsv(inviteRows), inviteRows);
    // Each run starts from a quiet database: otherwise autovacuum (and the trigram indexes'
    // pending lists) of the 100,000 rows just written compete with argon2 for the two cores.
    if (inviteRows && credentialRows) {
      await db.$executeRawUnsafe('VACUUM ANALYZE');
      await db.$executeRawUnsafe('CHECKPOINT');
    }
    if (credentialRows) await measure(`${credentialRows.toLocaleString('en')} rows, credentials mode (passwords)`, 'credentials', credentialsCsv(credentialRows), credentialRows);
    await app.close();

    const argon2 = options.argon2 === false ? undefined : await measureArgon2(log);
    const cpuList = cpus();
    return {
      machine: {
        cpu: cpuList[0]?.model.trim() ?? 'unknown',
        cores: availableParallelism(),
        ramGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        date: new Date().toISOString().slice(0, 10),
        uvThreadpool: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
      },
      ...(argon2 ? { argon2 } : {}),
      runs,
    };
  } finally {
    await db?.$disconnect();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
