import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PrivilegeArea, type PrivilegeLevel } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

/**
 * Every route of members, reference data, organization, access requests and contacts,
 * with the area and level it needs: a member one level below is refused (403), a member
 * with exactly that level gets through (any answer but 401/403).
 */
type Row = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: () => unknown; area: PrivilegeArea; level: PrivilegeLevel; contact?: boolean };

const MISSING = '00000000-0000-4000-8000-000000000000';
let ctx: TestContext;
let seq = 0;
let passwordHash = '';
let someMember = '';

const table: Row[] = [
  { method: 'GET', url: '/api/members', area: 'members', level: 'view' },
  { method: 'GET', url: '/api/members/username-suggestion?firstName=Ana&lastName=Lopez', area: 'members', level: 'view' },
  { method: 'GET', url: `/api/members/{member}`, area: 'members', level: 'view' },
  { method: 'PATCH', url: `/api/members/{member}`, body: () => ({ description: 'checked' }), area: 'members', level: 'update' },
  { method: 'POST', url: `/api/members/${MISSING}/disable`, area: 'members', level: 'update' },
  { method: 'POST', url: `/api/members/${MISSING}/enable`, area: 'members', level: 'update' },
  { method: 'POST', url: `/api/members/${MISSING}/transfer-ownership`, body: () => ({ toMemberId: someMember }), area: 'members', level: 'update' },
  { method: 'DELETE', url: `/api/members/${MISSING}`, area: 'members', level: 'update' },
  {
    method: 'POST',
    url: '/api/members/batch',
    body: () => ({ mode: 'invite', members: [{ firstName: 'Pri', lastName: 'Vilege', email: `priv${++seq}@example.com`, username: `privilege${seq}`, role: 'user', userType: 'creator' }] }),
    area: 'members',
    level: 'update',
  },
  { method: 'GET', url: '/api/roles', area: 'members', level: 'view' },
  { method: 'GET', url: '/api/user-types', area: 'members', level: 'view' },
  { method: 'GET', url: '/api/licenses', area: 'members', level: 'view' },
  { method: 'GET', url: '/api/groups', area: 'members', level: 'view' },
  { method: 'GET', url: '/api/member-categories', area: 'members', level: 'view' },
  { method: 'GET', url: '/api/activity', area: 'reporting', level: 'view' },
  { method: 'GET', url: '/api/activity/export.csv', area: 'reporting', level: 'view' },
  { method: 'GET', url: '/api/organization/approved-domains', area: 'organization_settings', level: 'view' },
  { method: 'PUT', url: '/api/organization/approved-domains', body: () => ({ domains: ['example.com'] }), area: 'organization_settings', level: 'update' },
  { method: 'GET', url: '/api/access-requests', area: 'manage_access', level: 'view', contact: true },
  { method: 'GET', url: '/api/access-requests/count', area: 'manage_access', level: 'view', contact: true },
  { method: 'GET', url: '/api/access-requests/grant-options', area: 'manage_access', level: 'view', contact: true },
  { method: 'GET', url: `/api/access-requests/${MISSING}`, area: 'manage_access', level: 'view', contact: true },
  { method: 'POST', url: `/api/access-requests/${MISSING}/grant`, body: () => ({ role: 'user', userType: 'creator' }), area: 'manage_access', level: 'update', contact: true },
  { method: 'POST', url: `/api/access-requests/${MISSING}/deny`, body: () => ({ reason: 'Non' }), area: 'manage_access', level: 'update', contact: true },
  { method: 'GET', url: '/api/organization/contacts', area: 'contact_updates', level: 'view', contact: true },
  { method: 'GET', url: '/api/organization/contacts/candidates?q=a', area: 'contact_updates', level: 'view', contact: true },
  { method: 'GET', url: `/api/members/{member}/privileges`, area: 'contact_updates', level: 'view', contact: true },
  { method: 'PUT', url: `/api/members/{member}/privileges`, body: () => ({ levels: {} }), area: 'contact_updates', level: 'update', contact: true },
  { method: 'GET', url: '/api/organization/contacts/preview', area: 'contact_update_preview', level: 'view' },
  { method: 'GET', url: '/api/account-documents', area: 'account_documents', level: 'view' },
];

const below = (level: PrivilegeLevel): PrivilegeLevel => (level === 'update' ? 'view' : 'none');

/** A signed-in member whose role (Viewer) gives only View on content, plus the given levels. */
async function memberWith(levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>, contact: boolean): Promise<Client> {
  const n = ++seq;
  const organizationId = ctx.acme.organizationId;
  const [role, userType] = await Promise.all([
    ctx.db.role.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
    ctx.db.userType.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
  ]);
  const m = await ctx.db.member.create({
    data: { organizationId, username: `levels${n}`, firstName: 'Lev', lastName: `Els ${n}`, email: `levels${n}@example.com`, roleId: role.id, userTypeId: userType.id, status: 'active', passwordHash },
  });
  const own = Object.entries(levels).filter(([, l]) => l !== 'none');
  if (own.length) await ctx.db.memberPrivilege.createMany({ data: own.map(([area, level]) => ({ organizationId, memberId: m.id, area: area as PrivilegeArea, level: level! })) });
  if (contact) await ctx.db.organizationContact.create({ data: { organizationId, memberId: m.id, kind: 'secondary' } });
  const client = new Client(ctx, `10.30.${Math.floor(n / 250)}.${(n % 250) + 1}`);
  expect((await client.signIn(`levels${n}`, 'Levels-pass-2026')).statusCode).toBe(200);
  return client;
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 5 });
  passwordHash = await hashPassword('Levels-pass-2026');
  someMember = (await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: { not: 'admin' }, status: 'active' } })).id;
});
afterAll(async () => ctx?.close());

describe('per-area levels are enforced on every route', () => {
  for (const row of table) {
    it(`${row.method} ${row.url}: ${below(row.level)} on ${row.area} is refused, ${row.level} is allowed`, async () => {
      const url = row.url.replace('{member}', someMember);
      const refused = await memberWith({ [row.area]: below(row.level) }, row.contact ?? false);
      const no = await refused.request(row.method, url, row.body?.());
      expect(no.statusCode, no.body).toBe(403);
      const allowed = await memberWith({ [row.area]: row.level }, row.contact ?? false);
      const yes = await allowed.request(row.method, url, row.body?.());
      expect([401, 403], `${yes.statusCode} ${yes.body}`).not.toContain(yes.statusCode);
      expect(yes.statusCode).toBeLessThan(500);
    });
  }
});

describe('reference lists read by several screens', () => {
  const lists = ['/api/roles', '/api/user-types', '/api/licenses', '/api/groups', '/api/member-categories'];
  const statusOf = async (client: Client) => Object.fromEntries(await Promise.all(lists.map(async (url) => [url, (await client.get(url)).statusCode])));

  it('opens to Update on manage access (the Add Members wizard), not to View on it', async () => {
    expect(Object.values(await statusOf(await memberWith({ manage_access: 'view' }, false)))).toEqual([403, 403, 403, 403, 403]);
    expect(Object.values(await statusOf(await memberWith({ manage_access: 'update' }, false)))).toEqual([200, 200, 200, 200, 200]);
  });

  it('opens each list to View on its own area: licences and user types, groups and categories', async () => {
    expect(await statusOf(await memberWith({ licenses: 'view' }, false))).toEqual({
      '/api/roles': 403,
      '/api/user-types': 200,
      '/api/licenses': 200,
      '/api/groups': 403,
      '/api/member-categories': 403,
    });
    expect(await statusOf(await memberWith({ groups: 'view' }, false))).toEqual({
      '/api/roles': 403,
      '/api/user-types': 403,
      '/api/licenses': 403,
      '/api/groups': 200,
      '/api/member-categories': 200,
    });
    expect(Object.values(await statusOf(await memberWith({ licenses: 'none', groups: 'none' }, false)))).toEqual([403, 403, 403, 403, 403]);
  });
});

describe('contact status', () => {
  it('keeps members who are not contacts out of contact screens and the queue, whatever their levels', async () => {
    const all = { manage_access: 'update', contact_updates: 'update' } as const;
    const outsider = await memberWith(all, false);
    for (const url of ['/api/organization/contacts', '/api/organization/contacts/candidates', `/api/members/${someMember}/privileges`, '/api/access-requests', '/api/access-requests/count', '/api/access-requests/grant-options']) {
      const res = await outsider.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().detail).toMatch(/primary and secondary contacts/);
    }
    expect((await outsider.get('/api/organization/contacts/me')).json()).toEqual({ kind: null });
    const insider = await memberWith(all, true);
    expect((await insider.get('/api/organization/contacts')).statusCode).toBe(200);
    expect((await insider.get('/api/organization/contacts/me')).json()).toEqual({ kind: 'secondary' });
  });

  it('applies a saved level change on the next request', async () => {
    const admin = new Client(ctx, '10.31.0.1');
    await admin.signIn('admin', ADMIN_PASSWORD);
    const member = await memberWith({}, false);
    expect((await member.get('/api/members')).statusCode).toBe(403);
    const me = (await member.get('/api/auth/me')).json().member.id as string;
    const saved = await admin.request('PUT', `/api/members/${me}/privileges`, { levels: { members: 'view' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await member.get('/api/members')).statusCode).toBe(200);
  });
});
