import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/embedded.ts';

let workDir: string;
let dataDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'sesame-embedded-test-'));
  dataDir = path.join(workDir, 'pg');
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('startEmbeddedPostgres', () => {
  it('creates the `sesame` database, keeps data across restarts and really stops', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/sesame$/);
    await query(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$hello$$)');
    await first.stop();
    expect(await isListening(first.port)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'hello' }]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('takes another port when the requested one is busy, and shares a cluster already running', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      const server = await startEmbeddedPostgres({ dataDir, port: busyPort });
      try {
        expect(server.port).not.toBe(busyPort);
        const attached = await startEmbeddedPostgres({ dataDir, database: 'other' });
        expect(attached.port).toBe(server.port);
        await attached.stop(); // not ours: must leave the server running
        expect(await query(server.url, 'SELECT datname FROM pg_database WHERE datname = $$other$$')).toHaveLength(1);
      } finally {
        await server.stop();
      }
    } finally {
      blocker.close();
    }
  }, 120_000);

  it('recovers from a crash that left a postmaster.pid naming a live, unrelated process', async () => {
    const server = await startEmbeddedPostgres({ dataDir });
    const pidFile = path.join(dataDir, 'postmaster.pid');
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    process.kill(Number(lines[0]), 'SIGKILL');
    await server.stop(); // the process is gone: stop() must not hang
    lines[0] = String(process.pid); // a reused PID, which makes Postgres itself refuse to start
    writeFileSync(pidFile, lines.join('\n'));

    const restarted = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(restarted.url, 'SELECT value FROM kept')).toEqual([{ value: 'hello' }]);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
