import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMIT_STALE_MS, HEARTBEAT_MS, RECOVERY_SWEEP_MS } from '../src/features/imports/commit.ts';
import { importRecoveryTask, recoverInterruptedImports } from '../src/features/imports/recovery.ts';
import { startMaintenance } from '../src/lib/maintenance.ts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let ctx: TestContext;
let admin: Client;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 10 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await ctx?.close();
});

/** Runs the commit in a child process and SIGKILLs it once it prints `marker`. */
async function commitAndKill(jobId: string, stopAt: 'hash' | 'transaction', marker: RegExp): Promise<string> {
  const { child, out } = await commitUntil(jobId, stopAt, marker);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  return out;
}

/** Runs the commit in a child process until it prints `marker` (it then waits, alive, to be killed). */
async function commitUntil(jobId: string, stopAt: 'hash' | 'transaction', marker: RegExp): Promise<{ child: ChildProcess; out: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'imports-commit-child.ts'), ctx.url, jobId, ctx.acme.organizationId, ctx.acme.adminId, 'admin', stopAt],
    { cwd: path.resolve(here, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (marker.test(out)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${marker}": ${out}\n${err}`)));
  });
  return { child, out };
}

async function waitForCommit(id: string) {
  for (let i = 0; i < 1200; i++) {
    const job = (await admin.get(`/api/imports/${id}?limit=0`)).json();
    if (job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('commit did not finish');
}

const csv = (prefix: string, n: number) =>
  ['Email,Role,User Type,First Name,Last Name,Username,Password', ...Array.from({ length: n }, (_, i) => `${prefix}${i}@email.com,user,creator,Jon,Cho,${prefix}${String(i).padStart(4, '0')},${prefix}.pass${i}`)].join('\n');

async function countMembers(prefix: string) {
  const rows = await ctx.db.$queryRaw<Array<{ n: number; distinct: number }>>`
    SELECT count(*)::int AS n, count(DISTINCT username)::int AS distinct FROM "Member"
    WHERE "organizationId" = ${ctx.acme.organizationId}::uuid AND username LIKE ${`${prefix}%`}`;
  return rows[0]!;
}

describe('a commit killed mid-way', () => {
  it('leaves nothing half-created when killed inside the transaction, and commits again without duplicates', async () => {
    const res = await admin.request('POST', '/api/imports?format=builtin&mode=invite', csv('killtx', 30).replace(/,Password/, '').replace(/,killtx\.pass\d+/g, ''), { 'content-type': 'text/csv' });
    expect(res.json(), res.body).toMatchObject({ status: 'validated', counts: { valid: 30 } });
    const id = res.json().id;

    await commitAndKill(id, 'transaction', /in-transaction/);
    expect(await countMembers('killtx')).toEqual({ n: 0, distinct: 0 });
    expect(await ctx.db.invitation.count({ where: { organizationId: ctx.acme.organizationId } })).toBe(0);
    expect((await ctx.db.importJob.findUniqueOrThrow({ where: { id } })).status).toBe('committing');

    // The restarted server's sweep makes it committable again (here without waiting for the heartbeat to age).
    expect(await recoverInterruptedImports(ctx.db, 0)).toBe(1);
    const recovered = (await admin.get(`/api/imports/${id}?limit=0`)).json();
    expect(recovered.status).toBe('validated');
    expect(recovered.error).toMatch(/nothing was created/);
    expect(recovered.errorCode).toBe('interrupted');
    expect((await admin.get(`/api/imports/${id}?limit=0&lang=fr`)).json().error).toMatch(/^Le serveur s’est arrêté/);

    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
    expect((await waitForCommit(id)).status).toBe('committed');
    expect(await countMembers('killtx')).toEqual({ n: 30, distinct: 30 });
    expect(await ctx.db.outboxMessage.count({ where: { to: { startsWith: 'killtx' } } })).toBe(30);
    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(409);
    expect(await countMembers('killtx')).toEqual({ n: 30, distinct: 30 });
  });

  it('resumes hashing where it stopped when killed while hashing passwords', async () => {
    const res = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', csv('killhash', 100), { 'content-type': 'text/csv' });
    expect(res.json(), res.body).toMatchObject({ status: 'validated', counts: { valid: 100 } });
    const id = res.json().id;

    await commitAndKill(id, 'hash', /hashed \d+/);
    expect(await countMembers('killhash')).toEqual({ n: 0, distinct: 0 });
    // Let the child's last progress write land (it was in flight when killed), then recover.
    await new Promise((r) => setTimeout(r, 200));
    const hashed = await ctx.db.importRow.count({ where: { jobId: id, passwordHash: { not: null } } });
    expect(hashed).toBeGreaterThan(0);
    expect(hashed).toBeLessThan(100);
    expect(await recoverInterruptedImports(ctx.db, 0)).toBe(1);

    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
    const done = await waitForCommit(id);
    expect(done.status, done.error).toBe('committed');
    expect(await countMembers('killhash')).toEqual({ n: 100, distinct: 100 });
    const signIn = await new Client(ctx).signIn('killhash0007', 'killhash.pass7');
    expect(signIn.statusCode).toBe(200);
  });

  it('is committable again within 30 s of a crash through the sweep every API process runs, and a live commit is never reset', { timeout: 90_000 }, async () => {
    // The README's bound: a stale heartbeat plus one sweep period.
    expect(HEARTBEAT_MS * 3).toBeLessThanOrEqual(COMMIT_STALE_MS);
    expect(COMMIT_STALE_MS + RECOVERY_SWEEP_MS).toBeLessThanOrEqual(30_000);
    const res = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', csv('sweep', 100), { 'content-type': 'text/csv' });
    expect(res.json(), res.body).toMatchObject({ status: 'validated', counts: { valid: 100 } });
    const id = res.json().id;
    const status = async () => (await ctx.db.importJob.findUniqueOrThrow({ where: { id } })).status;

    // The sweep main.ts gives its maintenance loop, with its real period and staleness.
    const quiet = { warn: () => {} };
    const stop = startMaintenance([importRecoveryTask(ctx.db, quiet)], quiet);
    try {
      const { child } = await commitUntil(id, 'hash', /hashed \d+/);
      // Alive (its heartbeat beating) through two sweeps past the staleness: never reset.
      await new Promise((r) => setTimeout(r, COMMIT_STALE_MS + 7_000));
      expect(await status()).toBe('committing');

      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const killedAt = Date.now();
      while ((await status()) === 'committing' && Date.now() - killedAt < 40_000) await new Promise((r) => setTimeout(r, 200));
      const seconds = (Date.now() - killedAt) / 1000;
      console.log(`import commit killed while hashing: committable again after ${seconds.toFixed(1)} s`);
      expect(await status()).toBe('validated');
      expect(seconds).toBeLessThanOrEqual(30);
      expect((await ctx.db.importJob.findUniqueOrThrow({ where: { id } })).errorCode).toBe('interrupted');
      expect(await countMembers('sweep')).toEqual({ n: 0, distinct: 0 });
    } finally {
      stop();
    }
  });
});
