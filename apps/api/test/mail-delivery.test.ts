import { createServer, type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Prisma, type Db } from '@sesame/db';
import { addDeliveryJob, enqueueEmail, enqueueEmails, enqueueEmailsFrom, type EnqueueEmailInput } from '../src/features/mail/outbox.ts';
import { startMailWorker, type MailWorker } from '../src/features/mail/worker.ts';
import { createTestDatabase } from './helpers.ts';

const MAIL_FROM = 'Sésame <no-reply@sesame.test>';
const silent = pino({ level: 'silent' });

type Received = { messageId: string; to: string[]; from: string; subject: string; text: string; html: string };

/** A real SMTP server on loopback that records what it accepts and refuses `rejected@…`. */
async function startSmtpRecorder(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('rejected@')) return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({
          messageId: mail.messageId ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
          from: mail.from?.text ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const welcome = (organizationId: string, to: string, language = 'fr'): EnqueueEmailInput => ({
  organizationId,
  to,
  language,
  kind: 'welcome',
  data: { firstName: 'Zoé', organizationName: 'Acme', username: to.split('@')[0]!, signInUrl: 'https://sesame.example.org/sign-in' },
});

const countJobs = async (db: Db) => Number((await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM graphile_worker.jobs`)[0]!.n);

describe('email delivery', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  let organizationId: string;
  const cleanups: Array<() => Promise<void>> = [];

  const startWorker = async (smtpUrl: string, options: { maxAttempts?: number } = {}): Promise<MailWorker> => {
    const worker = await startMailWorker({ databaseUrl: database.url, db, smtpUrl, mailFrom: MAIL_FROM, logger: silent, pollIntervalMs: 100, ...options });
    cleanups.push(() => worker.stop());
    return worker;
  };
  const recorder = async (port?: number) => {
    const smtp = await startSmtpRecorder(port);
    cleanups.push(smtp.stop);
    return smtp;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    ({ id: organizationId } = await db.organization.create({ data: { slug: 'acme', name: 'Acme' } }));
  });

  afterEach(async () => {
    // Workers first, then the servers they talk to, then the database.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await database.drop();
  });

  it('sends a committed email with a stable Message-ID, and never one whose transaction rolled back', async () => {
    const smtp = await recorder();
    await startWorker(smtp.url);

    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, welcome(organizationId, 'ghost@example.org'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.outboxMessage.count()).toBe(0);
    expect(await countJobs(db)).toBe(0);

    const { id } = await db.$transaction((tx) => enqueueEmail(tx, welcome(organizationId, 'zoe@example.org', 'en')));
    const row = await waitFor('the email to be sent', async () => {
      const r = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      return r.status === 'sent' && r;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: null, kind: 'welcome', to: 'zoe@example.org' });
    expect(row.sentAt).toBeInstanceOf(Date);

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ messageId: `<${id}@sesame.test>`, to: ['zoe@example.org'], from: '"Sésame" <no-reply@sesame.test>', subject: 'Welcome to Acme on Sésame' });
    expect(mail!.text).toContain('Your username: zoe');
    expect(mail!.html).toContain('href="https://sesame.example.org/sign-in"');
    // The queue completes a job just after its task has marked the email sent.
    await waitFor('the jobs to be completed', async () => (await countJobs(db)) === 0);
  });

  it('delivers a bulk batch: one job in the writer’s transaction, the delivery jobs queued by the worker', async () => {
    const emails = ['a', 'b', 'c'].map((n) => ({ ...welcome(organizationId, `${n}@example.org`), kind: 'welcome' as const }));
    await db.$transaction((tx) => enqueueEmails(tx, emails.map(({ organizationId: o, to, kind, data }) => ({ organizationId: o, to, kind, data })), { language: 'en' }));
    expect(await countJobs(db)).toBe(1);
    const smtp = await recorder();
    await startWorker(smtp.url);
    await waitFor('the batch to be sent', async () => (await db.outboxMessage.count({ where: { status: 'sent' } })) === 3);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Welcome to Acme on Sésame', 'Welcome to Acme on Sésame', 'Welcome to Acme on Sésame']);
  });

  it('delivers a set-based batch computed by PostgreSQL, its data checked when queued', async () => {
    const from = (data: Prisma.Sql) =>
      Prisma.sql`SELECT ${organizationId}::uuid AS "organizationId", ' ' || n || '@example.org ' AS "to", ${data} AS "data" FROM unnest(ARRAY['d', 'e']) AS n`;
    // Data that does not fit the template fails in the writer's transaction, and nothing is queued.
    await expect(db.$transaction((tx) => enqueueEmailsFrom(tx, 'welcome', from(Prisma.sql`jsonb_build_object('firstName', n)`)))).rejects.toThrow();
    expect(await db.outboxMessage.count()).toBe(0);
    const data = Prisma.sql`jsonb_build_object('firstName', n, 'organizationName', 'Acme', 'username', n, 'signInUrl', 'https://sesame.example.org/sign-in')`;
    await db.$transaction((tx) => enqueueEmailsFrom(tx, 'welcome', from(data), { language: 'en', locale: 'en-GB' }));
    expect(await db.outboxMessage.findMany({ select: { to: true, kind: true, language: true, locale: true }, orderBy: { to: 'asc' } })).toEqual([
      { to: 'd@example.org', kind: 'welcome', language: 'en', locale: 'en-GB' },
      { to: 'e@example.org', kind: 'welcome', language: 'en', locale: 'en-GB' },
    ]);
    // One fan-out job for the batch, in the writer's transaction.
    expect(await countJobs(db)).toBe(1);
    const smtp = await recorder();
    await startWorker(smtp.url);
    await waitFor('the batch to be sent', async () => (await db.outboxMessage.count({ where: { status: 'sent' } })) === 2);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Welcome to Acme on Sésame', 'Welcome to Acme on Sésame']);
  });

  it('stores what an email says and renders it at delivery; refuses bad data when queued; still sends rows rendered before', async () => {
    // Bad data fails in the transaction that queues it, not in the worker.
    await expect(
      db.$transaction((tx) => enqueueEmail(tx, { ...welcome(organizationId, 'bad@example.org'), data: { firstName: 'Zoé' } } as unknown as EnqueueEmailInput)),
    ).rejects.toThrow();
    expect(await db.outboxMessage.count()).toBe(0);

    const { id } = await db.$transaction((tx) => enqueueEmail(tx, welcome(organizationId, 'zoe@example.org', 'en')));
    const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ kind: 'welcome', language: 'en', subject: null, text: null, html: null });
    expect(stored.data).toMatchObject({ firstName: 'Zoé', organizationName: 'Acme' });
    // A row queued before rendering moved to delivery, and one whose data no longer fits its template.
    const legacy = await db.outboxMessage.create({ data: { organizationId, kind: 'welcome', to: 'old@example.org', subject: 'Old subject', text: 'Old text', html: '<p>Old</p>' } });
    const broken = await db.outboxMessage.create({ data: { organizationId, kind: 'welcome', to: 'broken@example.org', data: { firstName: 'Max' } } });
    await db.$transaction(async (tx) => {
      await addDeliveryJob(tx, legacy.id);
      await addDeliveryJob(tx, broken.id);
    });

    const smtp = await recorder();
    await startWorker(smtp.url);
    await waitFor('two emails sent and one given up', async () => {
      const rows = await db.outboxMessage.findMany({ select: { status: true } });
      return rows.filter((r) => r.status === 'sent').length === 2 && rows.some((r) => r.status === 'failed');
    });
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(['Old subject', 'Welcome to Acme on Sésame']);
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: broken.id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('could not render');
  });

  it('delivers what was queued while the mail server was down, once it is back, exactly once per email', async () => {
    const port = await freePort();
    // Two workers on one database, as two API processes would run them.
    await startWorker(`smtp://127.0.0.1:${port}`);
    await startWorker(`smtp://127.0.0.1:${port}`);

    const ids = await db.$transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) out.push((await enqueueEmail(tx, welcome(organizationId, `member${i}@example.org`))).id);
      return out;
    });
    await waitFor('every email to fail once', async () => {
      const failed = await db.outboxMessage.count({ where: { attempts: { gte: 1 }, lastError: { not: null }, status: 'pending' } });
      return failed === ids.length;
    });

    const smtp = await recorder(port);
    await waitFor('every email to be sent', async () => (await db.outboxMessage.count({ where: { status: 'sent' } })) === ids.length);

    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(ids.map((id) => `<${id}@sesame.test>`).sort());
    const rows = await db.outboxMessage.findMany();
    for (const row of rows) {
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(row.lastError).toBeNull();
    }
    // The queue completes a job just after its task has marked the email sent.
    await waitFor('the jobs to be completed', async () => (await countJobs(db)) === 0);
  });

  it('gives up after the last attempt, and at once on a recipient the server refuses', async () => {
    const givenUp = (id: string) =>
      waitFor('the email to be given up', async () => {
        const r = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
        return r.status === 'failed' && r;
      });

    const down = await startWorker(`smtp://127.0.0.1:${await freePort()}`, { maxAttempts: 1 });
    const unreachable = await db.$transaction((tx) => enqueueEmail(tx, welcome(organizationId, 'zoe@example.org')));
    expect(await givenUp(unreachable.id)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') });
    await down.stop();

    const smtp = await recorder();
    await startWorker(smtp.url);
    const refused = await db.$transaction((tx) => enqueueEmail(tx, welcome(organizationId, 'rejected@example.org')));
    expect(await givenUp(refused.id)).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/550/) });
    expect(smtp.received).toHaveLength(0);
    await waitFor('the jobs to be removed', async () => (await countJobs(db)) === 0);
  });

  it('queues emails written before any worker installed the queue when a worker starts', async () => {
    // A database no worker has started on yet: without the queue's schema.
    await db.$executeRawUnsafe('DROP SCHEMA IF EXISTS graphile_worker CASCADE');
    const { id, queued } = await db.$transaction(async (tx) => {
      const email = await enqueueEmail(tx, welcome(organizationId, 'early@example.org'));
      return { id: email.id, queued: await addDeliveryJob(tx, email.id) };
    });
    expect(queued).toBe(false);

    const smtp = await recorder();
    await startWorker(smtp.url);
    await waitFor('the early email to be sent', async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status === 'sent');
    expect(smtp.received.map((m) => m.messageId)).toEqual([`<${id}@sesame.test>`]);
  });
});
