import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivilegeArea, PrivilegeLevel } from '@sesame/contracts';
import { seedOrganization } from '@sesame/db/seed';
import { REMINDER_CHECK_MS, accessRequestRemindersTask, sendAccessRequestReminders } from '../src/features/access-requests/reminders.ts';
import { startMailCatcher } from '../src/features/mail/catcher.ts';
import { enqueueEmail } from '../src/features/mail/outbox.ts';
import { startMailWorker } from '../src/features/mail/worker.ts';
import { ADMIN_PASSWORD, Client, createTestContext, rendered, type TestContext } from './helpers.ts';

/**
 * The contacts' reminder digest. Each test has an organization of its own, so that what one
 * test reminds (the digest is at most once a day per organization) does not affect another.
 */
let ctx: TestContext;
let seq = 0;
const HOUR = 3_600_000;
const BASE_URL = 'https://sesame.example.org';
const deps = () => ({ db: ctx.db, enqueueEmail, baseUrl: BASE_URL });

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 2 });
});
afterAll(async () => ctx?.close());

async function organization(slug: string) {
  const org = await seedOrganization(ctx.db, {
    slug,
    name: `Org ${slug}`,
    adminUsername: `${slug}-admin`,
    adminPassword: ADMIN_PASSWORD,
    adminMustChangePassword: false,
    memberCount: 2,
    emailDomain: `${slug}.example.org`,
    randomSeed: ++seq,
  });
  return { ...org, adminEmail: `admin@${slug}.example.org` };
}

/** A confirmed request, waiting for a decision since `hoursAgo` before `now`. */
async function waiting(organizationId: string, email: string, hoursAgo: number, now: Date) {
  return ctx.db.accessRequest.create({
    data: { organizationId, firstName: 'Zoé', lastName: 'Durand', email, status: 'pending', createdAt: new Date(now.getTime() - hoursAgo * HOUR), confirmedAt: new Date(now.getTime() - hoursAgo * HOUR) },
  });
}

const digestsOf = async (organizationId: string) =>
  (await ctx.db.outboxMessage.findMany({ where: { organizationId, kind: 'access_request_reminder' }, orderBy: { createdAt: 'asc' } })).map(rendered);

async function memberOf(organizationId: string, levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>, opts: { contact?: boolean; status?: 'active' | 'disabled' } = {}) {
  const n = ++seq;
  const [role, userType] = await Promise.all([
    ctx.db.role.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
    ctx.db.userType.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
  ]);
  const m = await ctx.db.member.create({
    data: { organizationId, username: `reminded${n}`, firstName: 'Re', lastName: `Minded ${n}`, email: `reminded${n}@example.com`, roleId: role.id, userTypeId: userType.id, status: opts.status ?? 'active' },
  });
  const own = Object.entries(levels);
  if (own.length) await ctx.db.memberPrivilege.createMany({ data: own.map(([area, level]) => ({ organizationId, memberId: m.id, area: area as PrivilegeArea, level: level! })) });
  if (opts.contact) await ctx.db.organizationContact.create({ data: { organizationId, memberId: m.id, kind: 'secondary' } });
  return m.email;
}

describe('reminder digest', () => {
  it('uses the organization’s own delay: a request older than it is listed, a younger one is left out until it is older', async () => {
    const org = await organization('delay');
    const other = await organization('default-delay');
    // 4 hours instead of the default 24, saved as the contacts screen saves it.
    const admin = new Client(ctx, '10.50.0.1');
    expect((await admin.signIn('delay-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    const saved = await admin.request('PUT', '/api/organization/approved-domains', { domains: [], requestReminderHours: 4 });
    expect(saved.statusCode, saved.body).toBe(200);

    const now = new Date();
    const old = await waiting(org.organizationId, 'five-hours@outside.org', 5, now);
    const young = await waiting(org.organizationId, 'three-hours@outside.org', 3, now);
    // Under the default delay (24 hours) a request waiting 5 hours is not due.
    const notDue = await waiting(other.organizationId, 'other-five-hours@outside.org', 5, now);

    expect(await sendAccessRequestReminders(deps(), now)).toBe(1);
    const [digest, ...more] = await digestsOf(org.organizationId);
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ to: org.adminEmail, data: expect.objectContaining({ hours: 4 }) });
    expect(digest!.subject).toBe(`1 demande d’accès en attente pour Org delay`);
    expect(digest!.text).toMatch(/attendent une décision depuis plus de 4\u00a0h/);
    expect(digest!.text).toContain('five-hours@outside.org');
    expect(digest!.text).not.toContain('three-hours@outside.org');
    expect(await digestsOf(other.organizationId)).toEqual([]);
    const reminded = async (id: string) => (await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).lastReminderAt;
    expect(await reminded(old.id)).toEqual(now);
    expect(await reminded(young.id)).toBeNull();
    expect(await reminded(notDue.id)).toBeNull();

    // Two hours later the younger one is past the delay, but the organization had its digest today.
    expect(await sendAccessRequestReminders(deps(), new Date(now.getTime() + 2 * HOUR))).toBe(0);
    // The next day both are listed, oldest first (and the other organization's, 29 hours old by then).
    const tomorrow = new Date(now.getTime() + 24 * HOUR);
    expect(await sendAccessRequestReminders(deps(), tomorrow)).toBe(2);
    const next = (await digestsOf(org.organizationId))[1]!;
    expect(next.subject).toBe('2 demandes d’accès en attente pour Org delay');
    expect(next.text.indexOf('five-hours@outside.org')).toBeLessThan(next.text.indexOf('three-hours@outside.org'));
    expect(next.text.indexOf('three-hours@outside.org')).toBeGreaterThan(-1);
    expect((await digestsOf(other.organizationId)).map((d) => d.to)).toEqual([other.adminEmail]);
  });

  it('goes only to active contacts with View on manage access: not to other members, contacts without it, or disabled contacts', async () => {
    const org = await organization('recipients');
    const id = org.organizationId;
    const withView = await memberOf(id, { manage_access: 'view' }, { contact: true });
    await memberOf(id, {}, { contact: true });
    await memberOf(id, { contact_updates: 'update', members: 'update' }, { contact: true });
    await memberOf(id, { manage_access: 'update' }, { contact: true, status: 'disabled' });
    await memberOf(id, { manage_access: 'update' });
    const now = new Date();
    await waiting(id, 'long-wait@outside.org', 30, now);

    expect(await sendAccessRequestReminders(deps(), now)).toBe(2);
    const digests = await digestsOf(id);
    // The primary contact (the administrator, View through the Administrator role) and the one secondary contact with View.
    expect(digests.map((d) => d.to).sort()).toEqual([org.adminEmail, withView].sort());
    for (const d of digests) expect(d.text).toContain('long-wait@outside.org');
  });

  it('is queued hourly by the maintenance loop’s reminder task and delivered through SMTP by the mail worker, in French', async () => {
    const org = await organization('smtp');
    await waiting(org.organizationId, 'zoe.durand@outside.org', 30, new Date());
    const catcher = await startMailCatcher({ db: ctx.db });
    const worker = await startMailWorker({
      databaseUrl: ctx.url,
      db: ctx.db,
      smtpUrl: catcher.smtpUrl,
      mailFrom: 'Sésame <no-reply@sesame.test>',
      logger: pino({ level: 'silent' }),
      pollIntervalMs: 100,
    });
    try {
      // What main.ts gives its maintenance loop, run now.
      const task = accessRequestRemindersTask({ ...deps(), baseUrl: `${BASE_URL}/` }, pino({ level: 'silent' }));
      expect(task.everyMs).toBe(REMINDER_CHECK_MS);
      expect(REMINDER_CHECK_MS).toBe(HOUR);
      await task.run();
      const deadline = Date.now() + 15_000;
      let mail = await ctx.db.caughtMail.findFirst({ where: { to: org.adminEmail } });
      while (!mail) {
        if (Date.now() > deadline) throw new Error('the digest was not delivered');
        await new Promise((r) => setTimeout(r, 50));
        mail = await ctx.db.caughtMail.findFirst({ where: { to: org.adminEmail } });
      }
      expect(mail.subject).toBe('1 demande d’accès en attente pour Org smtp');
      expect(mail.from).toContain('no-reply@sesame.test');
      expect(mail.text).toContain('Bonjour Alex,');
      expect(mail.text).toMatch(/Ces demandes d’accès à Org smtp attendent une décision depuis plus de 24\s?h/);
      expect(mail.text).toContain('Zoé Durand (zoe.durand@outside.org)');
      expect(mail.text).toMatch(/depuis le \d{1,2} \S+ \d{4}/);
      expect(mail.text).toContain('Traiter les demandes');
      expect(mail.text).toContain(`${BASE_URL}/access-requests`);
      expect(mail.text).toContain('au plus une fois par jour');
      expect(mail.html).toContain(`href="${BASE_URL}/access-requests"`);
      const row = await ctx.db.outboxMessage.findFirstOrThrow({ where: { organizationId: org.organizationId, kind: 'access_request_reminder' } });
      expect(row).toMatchObject({ to: org.adminEmail, language: 'fr' });
    } finally {
      await worker.stop();
      await catcher.stop();
    }
  });
});
