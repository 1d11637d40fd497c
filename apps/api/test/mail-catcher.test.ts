import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privilegeAreas, type CaughtMail } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { seedOrganization } from '@sesame/db/seed';
import { buildApp } from '../src/app.ts';
import { loadConfig, mailCatcherEnabled, type Config } from '../src/config.ts';
import { startMailCatcher, type MailCatcher } from '../src/features/mail/catcher.ts';
import { enqueueEmail } from '../src/features/mail/outbox.ts';
import { startMailWorker, type MailWorker } from '../src/features/mail/worker.ts';
import { ADMIN_PASSWORD, Client, createTestDatabase } from './helpers.ts';

const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('development mail catcher', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let catcher: MailCatcher;
  let worker: MailWorker;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let organizationId: string;
  let admin: Client;
  /** Not an administrator, though given Update on every area. */
  let manager: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ organizationId } = await seedOrganization(database.db, { slug: 'acme', name: 'Acme', adminUsername: 'admin', adminPassword: ADMIN_PASSWORD, adminMustChangePassword: false, memberCount: 2 }));
    const [role, userType] = await Promise.all([
      database.db.role.findFirstOrThrow({ where: { organizationId, key: 'publisher' } }),
      database.db.userType.findFirstOrThrow({ where: { organizationId, key: 'professional_plus' } }),
    ]);
    const m = await database.db.member.create({
      data: { organizationId, username: 'manager', firstName: 'Max', lastName: 'Manager', email: 'manager@acme.example.org', roleId: role.id, userTypeId: userType.id, status: 'active', passwordHash: await hashPassword('Manager-pass-2026') },
    });
    await database.db.memberPrivilege.createMany({ data: privilegeAreas.map((area) => ({ organizationId, memberId: m.id, area, level: 'update' as const })) });
    catcher = await startMailCatcher({ db: database.db });
    worker = await startMailWorker({ databaseUrl: database.url, db: database.db, smtpUrl: catcher.smtpUrl, mailFrom: config.mailFrom, logger: pino({ level: 'silent' }), pollIntervalMs: 100 });
    app = await buildApp({ db: database.db, config, logger: false, devMail: true });
    await app.ready();
    admin = new Client({ app });
    expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    manager = new Client({ app });
    expect((await manager.signIn('manager', 'Manager-pass-2026')).statusCode).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    await worker?.stop();
    await catcher?.stop();
    await database?.drop();
  });

  const list = async (query = '') => {
    const res = await admin.get(`/api/dev/mail${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<CaughtMail[]>();
  };

  it('runs only without SMTP_URL and outside production', () => {
    expect(mailCatcherEnabled({ env: 'development', smtpUrl: undefined })).toBe(true);
    expect(mailCatcherEnabled({ env: 'test', smtpUrl: undefined })).toBe(true);
    expect(mailCatcherEnabled({ env: 'development', smtpUrl: 'smtp://mail.example.org:587' })).toBe(false);
    expect(mailCatcherEnabled({ env: 'production', smtpUrl: undefined })).toBe(false);
  });

  it('is served, like the whole portal, on loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('keeps what the worker sends and lists it to an administrator, newest first', async () => {
    await database.db.$transaction(async (tx) => {
      await enqueueEmail(tx, {
        organizationId,
        to: 'zoe@example.org',
        language: 'fr',
        kind: 'invitation',
        data: {
          firstName: 'Zoé',
          organizationName: 'Acme',
          inviterName: 'Jeanne Martin',
          username: 'zoe.durand',
          link: 'https://sesame.example.org/activate/abc',
          expiresAt: new Date('2026-03-14T14:00:00Z'),
          message: 'À <b>lundi</b> !',
        },
      });
    });
    await database.db.$transaction((tx) =>
      enqueueEmail(tx, { organizationId, to: 'Max@Example.org', language: 'en', kind: 'password_changed', data: { firstName: 'Max', organizationName: 'Acme', username: 'max', changedAt: new Date() } }),
    );

    const mail = await waitFor('two caught messages', async () => {
      const items = await list();
      return items.length === 2 && items;
    });
    expect(Date.parse(mail[0]!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(mail[1]!.receivedAt));
    const invitation = mail.find((m) => m.to === 'zoe@example.org')!;
    expect(Object.keys(invitation).sort()).toEqual(['html', 'id', 'receivedAt', 'subject', 'text', 'to']);
    expect(invitation.subject).toBe('Invitation à rejoindre Acme sur Sésame');
    expect(invitation.text).toContain('https://sesame.example.org/activate/abc');
    expect(invitation.text).toContain('> À <b>lundi</b> !');
    expect(invitation.html).toContain('À &lt;b&gt;lundi&lt;/b&gt; !');

    const one = await admin.get(`/api/dev/mail/${invitation.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(invitation);

    expect((await list('?to=max@example.org')).map((m) => m.subject)).toEqual(['Your Sésame password has been changed']);
    expect(await list('?limit=1')).toEqual([mail[0]]);
    expect((await admin.get('/api/dev/mail?limit=201')).statusCode).toBe(400);
    expect(await list('?to=nobody@example.org')).toEqual([]);
  });

  it('answers 404 for an unknown message and 400 for a malformed id', async () => {
    expect((await admin.get('/api/dev/mail/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/dev/mail/not-an-id')).statusCode).toBe(400);
  });

  it('refuses anonymous callers (401) and members who are not administrators (403), even with Update everywhere', async () => {
    const [caught] = await list();
    expect(caught).toBeDefined();
    const anonymous = new Client({ app });
    const routes = [
      ['GET', '/api/dev/mail'],
      ['GET', `/api/dev/mail/${caught!.id}`],
      ['DELETE', '/api/dev/mail'],
    ] as const;
    for (const [method, url] of routes) {
      const anon = await anonymous.request(method, url);
      expect(anon.statusCode, `${method} ${url} anonymous`).toBe(401);
      expect(anon.headers['content-type']).toContain('application/problem+json');
      expect(anon.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
      const refused = await manager.request(method, url);
      expect(refused.statusCode, `${method} ${url} by a non-administrator`).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 403, code: 'forbidden' });
      expect(refused.body).not.toContain(caught!.subject);
    }
    // Nothing was cleared by the refused DELETEs; the administrator still reads it all.
    expect((await list()).map((m) => m.id)).toContain(caught!.id);
    expect((await admin.get(`/api/dev/mail/${caught!.id}`)).statusCode).toBe(200);
  });

  it('clears what it caught for an administrator, with the CSRF token', async () => {
    expect((await admin.request('DELETE', '/api/dev/mail', undefined, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await list()).length).toBeGreaterThan(0);
    const res = await admin.request('DELETE', '/api/dev/mail');
    expect(res.statusCode).toBe(204);
    expect(await list()).toEqual([]);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { operationId: string }>> }>();
    expect(doc.paths['/api/dev/mail']?.get?.operationId).toBe('listCaughtMail');
    expect(doc.paths['/api/dev/mail']?.delete?.operationId).toBe('clearCaughtMail');
    expect(doc.paths['/api/dev/mail/{id}']?.get?.operationId).toBe('getCaughtMail');
  });

  it('has no routes when the app runs without the catcher, or in production', async () => {
    for (const [deps, label] of [
      [{ config }, 'without the catcher'],
      [{ config: { ...config, env: 'production' as const }, devMail: true }, 'in production'],
    ] as const) {
      const other = await buildApp({ db: database.db, logger: false, ...deps });
      try {
        for (const method of ['GET', 'DELETE'] as const) {
          const res = await other.inject({ method, url: '/api/dev/mail' });
          expect(res.statusCode, `${method} ${label}`).toBe(404);
        }
        expect((await other.inject({ method: 'GET', url: '/api/openapi.json' })).body).not.toContain('/api/dev/mail');
      } finally {
        await other.close();
      }
    }
  });
});
