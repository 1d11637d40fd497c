import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MemberListResponse } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
let admin: Client;

const list = async (client: Client, query: string) => {
  const res = await client.get(`/api/members${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MemberListResponse>();
};

/** Follows nextCursor to the end and returns every item in order. */
async function walk(client: Client, query: string): Promise<{ items: Member[]; totals: number[]; pages: number }> {
  const items: Member[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(client, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    totals.push(page.total);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, totals, pages };
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 90 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  // Some members signed in at the same instant, to exercise ties in keyset pagination.
  const same = new Date('2025-03-01T10:00:00Z');
  const ids = (await ctx.db.member.findMany({ where: { organizationId: ctx.acme.organizationId }, take: 6, orderBy: { id: 'asc' } })).map((m) => m.id);
  await ctx.db.member.updateMany({ where: { id: { in: ids } }, data: { lastSignInAt: same, createdAt: same } });
});
afterAll(async () => ctx?.close());

describe('GET /api/members', () => {
  it('lists the organization’s members with a total and the documented fields', async () => {
    const page = await list(admin, '');
    expect(page.total).toBe(91);
    expect(page.items).toHaveLength(25);
    expect(page.nextCursor).toEqual(expect.any(String));
    const m = page.items[0]!;
    for (const field of ['id', 'username', 'firstName', 'lastName', 'email', 'role', 'userType', 'status', 'identityType', 'licenses', 'groups', 'categories', 'createdAt', 'lastSignInAt']) {
      expect(m).toHaveProperty(field);
    }
    expect(m).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(page)).not.toContain('argon2');
  });

  const sorts = ['lastName', 'username', 'email', 'createdAt', 'lastSignInAt'] as const;
  for (const sort of sorts) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through every member once, in order, sorted by ${sort} ${order}`, async () => {
        const { items, totals, pages } = await walk(admin, `sort=${sort}&order=${order}&limit=7`);
        expect(pages).toBe(Math.ceil(91 / 7));
        expect(new Set(items.map((m) => m.id)).size).toBe(91);
        expect(totals.every((t) => t === 91)).toBe(true);
        // Same order as the database gives for the whole list at once.
        const whole = await list(admin, `sort=${sort}&order=${order}&limit=200`);
        expect(items.map((m) => m.id)).toEqual(whole.items.map((m) => m.id));
        if (sort === 'lastSignInAt') {
          const firstNull = items.findIndex((m) => m.lastSignInAt === null);
          expect(firstNull).toBeGreaterThan(0);
          expect(items.slice(firstNull).every((m) => m.lastSignInAt === null)).toBe(true);
        }
      });
    }
  }

  it('searches username, first name, last name and email as a case-insensitive substring', async () => {
    const someone = (await list(admin, 'limit=200')).items.find((m) => m.lastName.length >= 5 && m.username !== 'admin')!;
    const part = someone.lastName.slice(1, 4).toUpperCase();
    const result = await walk(admin, `q=${encodeURIComponent(part)}&limit=5`);
    expect(result.items.map((m) => m.id)).toContain(someone.id);
    const needle = part.toLowerCase();
    for (const m of result.items) {
      expect([m.username, m.firstName, m.lastName, m.email].some((v) => v.toLowerCase().includes(needle))).toBe(true);
    }
    const all = (await list(admin, 'limit=200')).items;
    const expected = all.filter((m) => [m.username, m.firstName, m.lastName, m.email].some((v) => v.toLowerCase().includes(needle)));
    expect(result.totals[0]).toBe(expected.length);
    expect(result.items).toHaveLength(expected.length);

    const byEmail = await list(admin, `q=${encodeURIComponent(someone.email.toUpperCase())}`);
    expect(byEmail.items.map((m) => m.id)).toContain(someone.id);
    const none = await list(admin, 'q=zzzz-no-such-member');
    expect(none).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('treats search text literally (no SQL or LIKE wildcards)', async () => {
    expect((await list(admin, `q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list(admin, `q=${encodeURIComponent('_')}`)).total).toBe(0);
    expect((await list(admin, `q=${encodeURIComponent("' OR 1=1 --")}`)).total).toBe(0);
    expect((await list(admin, `q=${encodeURIComponent('.')}`)).total).toBeGreaterThan(0);
  });

  it('filters on status, role and user type (by key or id), combined with search', async () => {
    const all = (await list(admin, 'limit=200')).items;
    for (const status of ['active', 'pending', 'disabled'] as const) {
      const page = await walk(admin, `status=${status}&limit=50`);
      expect(page.items.length).toBe(all.filter((m) => m.status === status).length);
      expect(page.items.every((m) => m.status === status)).toBe(true);
    }
    const publishers = await walk(admin, 'role=publisher&limit=50');
    expect(publishers.items.length).toBe(all.filter((m) => m.role.key === 'publisher').length);
    expect(publishers.items.length).toBeGreaterThan(0);
    const roleId = publishers.items[0]!.role.id;
    expect((await list(admin, `role=${roleId}&limit=200`)).total).toBe(publishers.items.length);

    const creators = await walk(admin, 'userType=creator&status=active&limit=50');
    expect(creators.items.length).toBe(all.filter((m) => m.userType.key === 'creator' && m.status === 'active').length);
    expect(creators.items.every((m) => m.userType.key === 'creator' && m.status === 'active')).toBe(true);
    expect((await list(admin, 'role=no-such-role')).total).toBe(0);
  });

  it('never shows another organization’s members', async () => {
    const globex = new Client(ctx);
    expect((await globex.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    const theirs = await walk(globex, 'limit=50');
    expect(theirs.items).toHaveLength(13);
    const acmeIds = new Set((await list(admin, 'limit=200')).items.map((m) => m.id));
    expect(theirs.items.some((m) => acmeIds.has(m.id))).toBe(false);
    // Searching for an acme member by exact username, or filtering on an acme role id, finds nothing.
    expect((await list(globex, 'q=admin')).items.map((m) => m.username)).toEqual(['globex-admin']);
    const acmeRole = await ctx.db.role.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'publisher' } });
    expect((await list(globex, `role=${acmeRole.id}`)).total).toBe(0);
    // A cursor made in acme leads to nothing of acme.
    const acmePage = await list(admin, 'limit=5');
    const next = await list(globex, `limit=50&cursor=${encodeURIComponent(acmePage.nextCursor!)}`);
    expect(next.items.some((m) => acmeIds.has(m.id))).toBe(false);
  });

  it('without View on members (a Viewer) the list is the directory (members-visibility.test.ts); a User sees it in full', async () => {
    const [viewer, user] = await ctx.db.member.findMany({
      where: { organizationId: ctx.acme.organizationId, identityType: 'builtin', username: { not: 'admin' } },
      take: 2,
      orderBy: { username: 'desc' },
    });
    const roles = await ctx.db.role.findMany({ where: { organizationId: ctx.acme.organizationId, key: { in: ['viewer', 'user'] } } });
    const roleId = (key: string) => roles.find((r) => r.key === key)!.id;
    const passwordHash = await hashPassword('Member-pass-42');
    await ctx.db.member.update({ where: { id: viewer!.id }, data: { roleId: roleId('viewer'), status: 'active', passwordHash } });
    await ctx.db.member.update({ where: { id: user!.id }, data: { roleId: roleId('user'), status: 'active', passwordHash } });

    const v = new Client(ctx);
    expect((await v.signIn(viewer!.username, 'Member-pass-42')).statusCode).toBe(200);
    const directory = await v.get('/api/members?limit=200');
    expect(directory.statusCode).toBe(200);
    expect(directory.json().items.filter((m: { email?: string }) => m.email !== undefined)).toEqual([expect.objectContaining({ id: viewer!.id })]);

    const u = new Client(ctx);
    expect((await u.signIn(user!.username, 'Member-pass-42')).statusCode).toBe(200);
    expect((await u.get('/api/members')).statusCode).toBe(200);
    // Member-level privileges raise the role's: a Viewer given View on members can list them.
    await ctx.db.memberPrivilege.create({ data: { organizationId: ctx.acme.organizationId, memberId: viewer!.id, area: 'members', level: 'view' } });
    const full = await v.get('/api/members?limit=200');
    expect(full.json().items.every((m: { email?: string }) => m.email !== undefined)).toBe(true);
  });

  it('rejects bad query parameters with a precise 400', async () => {
    for (const [query, path] of [
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
      ['status=gone', 'querystring.status'],
      ['sort=password', 'querystring.sort'],
    ] as const) {
      const res = await admin.get(`/api/members?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const garbage = await admin.get('/api/members?cursor=not-a-cursor');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ code: 'validation_failed' });
    const page = await list(admin, 'sort=username&limit=5');
    const mismatched = await admin.get(`/api/members?sort=email&cursor=${encodeURIComponent(page.nextCursor!)}`);
    expect(mismatched.statusCode).toBe(400);
  });
});

describe('reference data', () => {
  it('lists roles, user types with compatibility, licences with seats, groups and categories', async () => {
    const roles = (await admin.get('/api/roles')).json<{ items: { key: string; privileges: Record<string, string> }[] }>().items;
    expect(roles.map((r) => r.key)).toEqual(['viewer', 'data_editor', 'user', 'publisher', 'administrator']);
    expect(roles.find((r) => r.key === 'administrator')!.privileges.members).toBe('update');
    const types = (await admin.get('/api/user-types')).json<{ items: { key: string; compatibleRoles: { key: string }[]; seatsUsed: number }[] }>().items;
    expect(types.find((t) => t.key === 'viewer')!.compatibleRoles.map((r) => r.key)).toEqual(['viewer']);
    expect(types.reduce((n, t) => n + t.seatsUsed, 0)).toBe(91);
    const licenses = (await admin.get('/api/licenses')).json<{ items: { seatsTotal: number; seatsUsed: number }[] }>().items;
    expect(licenses.length).toBeGreaterThan(0);
    for (const l of licenses) expect(l.seatsUsed).toBeLessThanOrEqual(l.seatsTotal);
    expect((await admin.get('/api/groups')).json().items.length).toBeGreaterThan(0);
    expect((await admin.get('/api/member-categories')).json().items.length).toBeGreaterThan(0);
  });
});
