import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityList } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 10 });
  admin = new Client(ctx);
  await admin.signIn('admin', ADMIN_PASSWORD);
});
afterAll(async () => ctx?.close());

describe('activity', () => {
  it('lists what administrators did, newest first, filterable by member, actor, action and date, page by page', async () => {
    const members = await ctx.db.member.findMany({ where: { organizationId: ctx.acme.organizationId, status: 'active', username: { not: 'admin' } }, take: 3 });
    for (const m of members) expect((await admin.post(`/api/members/${m.id}/disable`)).statusCode).toBe(200);
    await admin.post(`/api/members/${members[0]!.id}/enable`);

    const all = (await admin.get('/api/activity?action=member.')).json<ActivityList>();
    expect(all.items.map((e) => e.action)).toEqual(['member.enabled', 'member.disabled', 'member.disabled', 'member.disabled']);
    expect(all.items[0]).toMatchObject({ actor: { username: 'admin' }, target: { id: members[0]!.id }, before: { status: 'disabled' }, after: { status: 'active' } });

    const one = (await admin.get(`/api/activity?member=${members[0]!.id}`)).json<ActivityList>();
    expect(one.items.map((e) => e.action)).toEqual(['member.enabled', 'member.disabled']);
    expect((await admin.get('/api/activity?actor=admin&action=member.disabled')).json().items).toHaveLength(3);
    expect((await admin.get(`/api/activity?actor=${ctx.acme.adminId}&action=member.disabled`)).json().items).toHaveLength(3);
    expect((await admin.get('/api/activity?actor=someone-else&action=member.')).json().items).toHaveLength(0);
    expect((await admin.get('/api/activity?action=member.&to=2000-01-01')).json().items).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/activity?action=member.&from=${today}&to=${today}`)).json().items).toHaveLength(4);

    const page1 = (await admin.get('/api/activity?action=member.&limit=3')).json<ActivityList>();
    const page2 = (await admin.get(`/api/activity?action=member.&limit=3&cursor=${page1.nextCursor}`)).json<ActivityList>();
    expect([...page1.items, ...page2.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));
    expect(page2.nextCursor).toBeNull();
    expect((await admin.get('/api/activity?from=yesterday')).statusCode).toBe(400);
  });

  it('exports the filtered activity as formula-safe CSV', async () => {
    await ctx.db.auditEvent.create({
      data: { organizationId: ctx.acme.organizationId, action: 'member.updated', actorUsername: 'admin', targetLabel: '=HYPERLINK("http://evil")', after: { note: '@SUM(1)' } },
    });
    const res = await admin.get('/api/activity/export.csv?action=member.updated&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.startsWith('\uFEFFDate (UTC),Action,Actor,Target')).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const fr = await admin.get('/api/activity/export.csv?lang=fr');
    expect(fr.body.startsWith('\uFEFFDate (UTC);Action;Auteur;Cible')).toBe(true);
  });

  it('exports labels in the requested language, never internal codes or ids; the last column keeps the action code', async () => {
    const [m] = await ctx.db.member.findMany({ where: { organizationId: ctx.acme.organizationId, status: 'active', username: { not: 'admin' } }, take: 1, orderBy: { username: 'asc' } });
    expect((await admin.post(`/api/members/${m!.id}/disable`)).statusCode).toBe(200);
    const fr = (await admin.get('/api/activity/export.csv?action=member.disabled&lang=fr')).body;
    const row = fr.split('\r\n').find((line) => line.includes(m!.username))!;
    expect(row).toContain('Membre désactivé');
    expect(row).toContain('Statut\u00A0: Actif');
    expect(row).toContain('Statut\u00A0: Désactivé');
    expect(row).toMatch(/;member\.disabled$/);
    expect(row).not.toContain('"status"');
    const en = (await admin.get('/api/activity/export.csv?action=member.disabled&lang=en')).body;
    expect(en).toContain('Member disabled');
    expect(en).toContain('Status: Disabled');
  });

  it('needs View on reporting, and never shows another organization’s events', async () => {
    const [user, publisher] = await ctx.db.member.findMany({ where: { organizationId: ctx.acme.organizationId, username: { not: 'admin' } }, take: 2, orderBy: { username: 'desc' } });
    const roles = await ctx.db.role.findMany({ where: { organizationId: ctx.acme.organizationId, key: { in: ['user', 'publisher'] } } });
    const passwordHash = await hashPassword('Member-pass-42');
    await ctx.db.member.update({ where: { id: user!.id }, data: { roleId: roles.find((r) => r.key === 'user')!.id, status: 'active', passwordHash } });
    await ctx.db.member.update({ where: { id: publisher!.id }, data: { roleId: roles.find((r) => r.key === 'publisher')!.id, status: 'active', passwordHash } });
    const u = new Client(ctx);
    await u.signIn(user!.username, 'Member-pass-42');
    expect((await u.get('/api/activity')).statusCode).toBe(403);
    expect((await u.get('/api/activity/export.csv')).statusCode).toBe(403);
    const p = new Client(ctx);
    await p.signIn(publisher!.username, 'Member-pass-42');
    expect((await p.get('/api/activity')).statusCode).toBe(200);

    const globex = new Client(ctx);
    await globex.signIn('globex-admin', ADMIN_PASSWORD);
    const theirs = (await globex.get('/api/activity?limit=200')).json<ActivityList>();
    expect(theirs.items.every((e) => e.action === 'organization.seeded' || e.actor.username === 'globex-admin' || e.actor.username === null)).toBe(true);
    expect(theirs.items.some((e) => e.target.id === ctx.acme.organizationId)).toBe(false);
  });
});
