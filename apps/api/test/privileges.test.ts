import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PrivilegeArea, type PrivilegeLevel } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

/**
 * Every route of members, reference data, organization, access requests and contacts,
 * with the area and level it needs: a member one level below is refused (403), a member
 * with exactly that level gets through (any answer but 401/403).
 */
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Row = { method: Method; url: string; body?: () => unknown; area: PrivilegeArea; level: PrivilegeLevel; contact?: boolean };
type Response = Awaited<ReturnType<Client['request']>>;

/** A 1×1 PNG: the smallest picture the thumbnail routes accept. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const MISSING = '00000000-0000-4000-8000-000000000000';
let ctx: TestContext;
let seq = 0;
let passwordHash = '';
let someMember = '';

const table: Row[] = [
  // Every member may list and read members (who sees whom, members-visibility.test.ts); filtering on an administrative field needs View.
  { method: 'GET', url: '/api/members?status=active', area: 'members', level: 'view' },
  { method: 'GET', url: '/api/members/username-suggestion?firstName=Ana&lastName=Lopez', area: 'members', level: 'view' },
  { method: 'PATCH', url: `/api/members/{member}`, body: () => ({ description: 'checked' }), area: 'members', level: 'update' },
  { method: 'POST', url: `/api/members/${MISSING}/disable`, area: 'members', level: 'update' },
  { method: 'POST', url: `/api/members/${MISSING}/enable`, area: 'members', level: 'update' },
  { method: 'POST', url: `/api/members/${MISSING}/transfer-ownership`, body: () => ({ toMemberId: someMember }), area: 'members', level: 'update' },
  { method: 'DELETE', url: `/api/members/${MISSING}`, area: 'members', level: 'update' },
  { method: 'POST', url: '/api/members/bulk', body: () => ({ action: 'disable', memberIds: [MISSING] }), area: 'members', level: 'update' },
  { method: 'PUT', url: `/api/members/{member}/thumbnail`, body: () => PNG, area: 'members', level: 'update' },
  { method: 'DELETE', url: `/api/members/{member}/thumbnail`, area: 'members', level: 'update' },
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
  // Administering categories and groups (issue 15): Update on groups and categories.
  { method: 'POST', url: '/api/member-categories', body: () => ({ name: `Catégorie ${++seq}` }), area: 'groups', level: 'update' },
  { method: 'PATCH', url: `/api/member-categories/${MISSING}`, body: () => ({ name: 'Renommée' }), area: 'groups', level: 'update' },
  { method: 'DELETE', url: `/api/member-categories/${MISSING}`, area: 'groups', level: 'update' },
  { method: 'POST', url: '/api/groups', body: () => ({ name: `Groupe ${++seq}` }), area: 'groups', level: 'update' },
  { method: 'PATCH', url: `/api/groups/${MISSING}`, body: () => ({ name: 'Renommé' }), area: 'groups', level: 'update' },
  { method: 'DELETE', url: `/api/groups/${MISSING}`, area: 'groups', level: 'update' },
  // Licences and user types (issue 15): View reads a licence's page, Update changes them.
  { method: 'GET', url: `/api/licenses/${MISSING}`, area: 'licenses', level: 'view' },
  { method: 'GET', url: `/api/licenses/${MISSING}/assignments`, area: 'licenses', level: 'view' },
  { method: 'GET', url: `/api/licenses/${MISSING}/candidates`, area: 'licenses', level: 'view' },
  { method: 'POST', url: '/api/licenses', body: () => ({ name: `Licence ${++seq}`, seats: 1, userTypeIds: [] }), area: 'licenses', level: 'update' },
  { method: 'PATCH', url: `/api/licenses/${MISSING}`, body: () => ({ seats: 1 }), area: 'licenses', level: 'update' },
  { method: 'DELETE', url: `/api/licenses/${MISSING}`, area: 'licenses', level: 'update' },
  { method: 'POST', url: `/api/licenses/${MISSING}/assignments`, body: () => ({ memberIds: [someMember] }), area: 'licenses', level: 'update' },
  { method: 'POST', url: `/api/licenses/${MISSING}/assignments/remove`, body: () => ({ memberIds: [someMember] }), area: 'licenses', level: 'update' },
  { method: 'PATCH', url: `/api/user-types/${MISSING}`, body: () => ({ seats: null }), area: 'licenses', level: 'update' },
  // Custom roles (issue 15): Update on organization settings; the list is read with View on it too.
  { method: 'GET', url: '/api/roles', area: 'organization_settings', level: 'view' },
  { method: 'POST', url: '/api/roles', body: () => ({ name: `Rôle ${++seq}`, levels: {} }), area: 'organization_settings', level: 'update' },
  { method: 'PATCH', url: `/api/roles/${MISSING}`, body: () => ({ name: 'Renommé' }), area: 'organization_settings', level: 'update' },
  { method: 'DELETE', url: `/api/roles/${MISSING}`, area: 'organization_settings', level: 'update' },
  { method: 'GET', url: '/api/activity', area: 'reporting', level: 'view' },
  { method: 'GET', url: '/api/activity/export.csv', area: 'reporting', level: 'view' },
  { method: 'GET', url: '/api/organization/approved-domains', area: 'organization_settings', level: 'view', contact: true },
  { method: 'PUT', url: '/api/organization/approved-domains', body: () => ({ domains: ['example.com'] }), area: 'organization_settings', level: 'update', contact: true },
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
  // A picture, so that reading it answers 200 rather than 404.
  await ctx.db.member.update({ where: { id: someMember }, data: { thumbnail: new Uint8Array(PNG), thumbnailType: 'image/png' } });
});
afterAll(async () => ctx?.close());

describe('per-area levels are enforced on every route', () => {
  for (const row of table) {
    it(`${row.method} ${row.url}: ${below(row.level)} on ${row.area} is refused, ${row.level} is allowed`, async () => {
      const url = row.url.replace('{member}', someMember);
      const refused = await memberWith({ [row.area]: below(row.level) }, row.contact ?? false);
      const send = (client: Client) => {
        const body = row.body?.();
        return client.request(row.method, url, body, Buffer.isBuffer(body) ? { 'content-type': 'image/png' } : {});
      };
      const no = await send(refused);
      expect(no.statusCode, no.body).toBe(403);
      const allowed = await memberWith({ [row.area]: row.level }, row.contact ?? false);
      const yes = await send(allowed);
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
    // The Licences page names each user type's compatible roles.
    expect(await statusOf(await memberWith({ licenses: 'view' }, false))).toEqual({
      '/api/roles': 200,
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
    expect((await member.get('/api/members?status=active')).statusCode).toBe(403);
    const me = (await member.get('/api/auth/me')).json().member.id as string;
    const saved = await admin.request('PUT', `/api/members/${me}/privileges`, { levels: { members: 'view' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await member.get('/api/members?status=active')).statusCode).toBe(200);
  });
});

describe('adding members: Update on manage access or Update on members', () => {
  // The rule of canAddMembers (the rules module, packages/contracts/src/rules/privileges.ts), shared by the wizard's batch, the CSV import and invitations.
  let admin: Client;
  beforeAll(async () => {
    admin = new Client(ctx, '10.31.0.2');
    expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  type Fixture = { jobId: string; memberId: string };
  /** A checked import of two valid rows (invite mode), uploaded by the administrator. */
  async function importJob(): Promise<string> {
    const n = ++seq;
    // Viewer: a role every member allowed to add members may give (nothing above their own levels).
    const csv = `Email,Role,User Type,First Name,Last Name,Username\r\nimp${n}a@example.com,viewer,creator,Ima,Port,importa${n}\r\nimp${n}b@example.com,viewer,creator,Imb,Port,importb${n}\r\n`;
    const res = await admin.request('POST', '/api/imports?format=builtin&mode=invite', csv, { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }
  /** A member waiting for activation, with an outstanding invitation. */
  async function invitedMember(): Promise<string> {
    const n = ++seq;
    const res = await admin.post('/api/members/batch', { mode: 'invite', members: [{ firstName: 'In', lastName: 'Vited', email: `invited${n}@example.com`, username: `invited${n}`, role: 'user', userType: 'creator' }] });
    expect(res.statusCode, res.body).toBe(201);
    return (await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: `invited${n}` } })).id;
  }
  const fixture = async (): Promise<Fixture> => ({ jobId: await importJob(), memberId: await invitedMember() });
  /** A commit runs in the background: wait until it has finished (polling, no fixed delay). */
  async function settled(jobId: string) {
    for (let i = 0; i < 600; i++) {
      const job = (await admin.get(`/api/imports/${jobId}?limit=0`)).json<{ status: string }>();
      if (job.status !== 'committing') return job.status;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the commit did not finish');
  }

  const routes: { name: string; ok: number; send: (c: Client, f: Fixture) => Promise<Response>; after?: (f: Fixture, res: Response) => Promise<void> }[] = [
    {
      name: 'POST /api/members/batch',
      ok: 201,
      send: (c) => {
        const n = ++seq;
        return c.post('/api/members/batch', { mode: 'invite', members: [{ firstName: 'Ba', lastName: 'Tch', email: `batch${n}@example.com`, username: `batchmember${n}`, role: 'viewer', userType: 'creator' }] });
      },
    },
    { name: 'GET /api/imports/template', ok: 200, send: (c) => c.get('/api/imports/template?format=builtin&lang=fr') },
    {
      name: 'POST /api/imports',
      ok: 201,
      send: (c) => {
        const n = ++seq;
        return c.request('POST', '/api/imports?format=builtin&mode=invite', `Email,Role,User Type,First Name,Last Name,Username\r\nup${n}@example.com,viewer,creator,Up,Load,upload${n}\r\n`, { 'content-type': 'text/csv' });
      },
    },
    { name: 'GET /api/imports/:id', ok: 200, send: (c, f) => c.get(`/api/imports/${f.jobId}`) },
    { name: 'PATCH /api/imports/:id/rows/:rowNumber', ok: 200, send: (c, f) => c.request('PATCH', `/api/imports/${f.jobId}/rows/2`, { values: { firstName: 'Edited' } }) },
    { name: 'DELETE /api/imports/:id/rows/:rowNumber', ok: 200, send: (c, f) => c.request('DELETE', `/api/imports/${f.jobId}/rows/3`) },
    {
      name: 'POST /api/imports/:id/commit',
      ok: 202,
      send: (c, f) => c.post(`/api/imports/${f.jobId}/commit`, {}),
      after: async (f, res) => {
        if (res.statusCode === 202) expect(await settled(f.jobId)).toBe('committed');
      },
    },
    { name: 'GET /api/imports/:id/errors.csv', ok: 200, send: (c, f) => c.get(`/api/imports/${f.jobId}/errors.csv`) },
    { name: 'POST /api/members/:id/invitation/resend', ok: 200, send: (c, f) => c.post(`/api/members/${f.memberId}/invitation/resend`, {}) },
    { name: 'DELETE /api/members/:id/invitation', ok: 200, send: (c, f) => c.request('DELETE', `/api/members/${f.memberId}/invitation`) },
  ];

  for (const route of routes) {
    it(`${route.name}: None and View on manage access are refused; Update on manage access or on members is allowed`, async () => {
      const f = await fixture();
      for (const levels of [{}, { manage_access: 'view' }, { manage_access: 'view', members: 'view' }] as const) {
        const res = await route.send(await memberWith(levels, false), f);
        expect(res.statusCode, `${JSON.stringify(levels)}: ${res.body}`).toBe(403);
        expect(res.json().detail).toMatch(/requires the Update level on members or on manage access$/);
      }
      for (const levels of [{ manage_access: 'update' }, { members: 'update' }] as const) {
        const mine = await fixture();
        const res = await route.send(await memberWith(levels, false), mine);
        expect(res.statusCode, `${JSON.stringify(levels)}: ${res.body}`).toBe(route.ok);
        await route.after?.(mine, res);
      }
      // The refused attempts changed nothing: the administrator's job and invitation are as they were.
      const job = await ctx.db.importJob.findUniqueOrThrow({ where: { id: f.jobId } });
      expect({ status: job.status, valid: job.validRows }).toEqual({ status: 'validated', valid: 2 });
      expect(await ctx.db.importRow.findFirstOrThrow({ where: { jobId: f.jobId, rowNumber: 2 } })).toMatchObject({ values: expect.objectContaining({ firstName: 'Ima' }) });
      expect(await ctx.db.invitation.count({ where: { memberId: f.memberId } })).toBe(1);
      expect(await ctx.db.invitation.count({ where: { memberId: f.memberId, revokedAt: null } })).toBe(1);
    });
  }
});

describe('administrators only', () => {
  it('POST /api/members/:id/reset-password: Update on members is refused, an administrator is allowed', async () => {
    const target = await memberWith({}, false);
    const id = (await target.get('/api/auth/me')).json().member.id as string;
    const refused = await (await memberWith({ members: 'update', manage_access: 'update' }, true)).post(`/api/members/${id}/reset-password`, {});
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await target.get('/api/auth/me')).statusCode).toBe(200);
    const admin = new Client(ctx, '10.31.0.3');
    await admin.signIn('admin', ADMIN_PASSWORD);
    const allowed = await admin.post(`/api/members/${id}/reset-password`, {});
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().temporaryPassword).toEqual(expect.any(String));
    // The member was signed out at once.
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('GET /api/organization (the Add Members wizard’s defaults and limits)', () => {
  it('is refused to a plain member and to View on manage access; opens to those who add members and to View on organization settings', async () => {
    for (const levels of [{}, { manage_access: 'view' }, { members: 'view' }, { manage_access: 'view', members: 'view', contact_updates: 'update' }] as const) {
      const res = await (await memberWith(levels, false)).get('/api/organization');
      expect(res.statusCode, JSON.stringify(levels)).toBe(403);
    }
    for (const levels of [{ manage_access: 'update' }, { members: 'update' }, { organization_settings: 'view' }] as const) {
      const res = await (await memberWith(levels, false)).get('/api/organization');
      expect(res.statusCode, JSON.stringify(levels)).toBe(200);
      const org = res.json();
      expect(org).toMatchObject({ id: ctx.acme.organizationId, slug: 'acme', name: 'Acme' });
      expect(org.memberCount).toBe(await ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId } }));
      // Nothing of the other organization.
      expect(JSON.stringify(org)).not.toContain(ctx.globex.organizationId);
    }
  });

  it('gives each organization its own defaults', async () => {
    const globex = new Client(ctx, '10.31.0.4');
    await globex.signIn('globex-admin', ADMIN_PASSWORD);
    const res = await globex.get('/api/organization');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ctx.globex.organizationId, slug: 'globex', memberCount: await ctx.db.member.count({ where: { organizationId: ctx.globex.organizationId } }) });
    const defaults = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.globex.organizationId } });
    expect(res.json().defaultRoleId).toBe(defaults.defaultRoleId);
  });
});

describe('contact status on writes', () => {
  const everything = { manage_access: 'update', contact_updates: 'update', organization_settings: 'update', members: 'update' } as const;
  /** A confirmed request waiting for a decision. */
  async function pendingRequest(): Promise<string> {
    const n = ++seq;
    const r = await ctx.db.accessRequest.create({
      data: { organizationId: ctx.acme.organizationId, firstName: 'Re', lastName: `Quest ${n}`, email: `request${n}@outside.org`, status: 'pending', confirmedAt: new Date() },
    });
    return r.id;
  }

  it('refuses a member with every Update level but no contact status, and lets a secondary contact with the same levels through', async () => {
    const outsider = await memberWith(everything, false);
    const insider = await memberWith(everything, true);
    const target = (await (await memberWith({}, false)).get('/api/auth/me')).json().member.id as string;
    const [toGrant, toDeny] = [await pendingRequest(), await pendingRequest()];
    const writes: [Method, string, unknown, number][] = [
      ['GET', `/api/access-requests/${toGrant}`, undefined, 200],
      ['POST', `/api/access-requests/${toGrant}/grant`, { role: 'viewer', userType: 'creator' }, 200],
      ['POST', `/api/access-requests/${toDeny}/deny`, { reason: 'Non' }, 200],
      ['PUT', `/api/members/${target}/privileges`, { levels: { members: 'view' } }, 200],
      ['GET', '/api/organization/approved-domains', undefined, 200],
      ['PUT', '/api/organization/approved-domains', { domains: ['contacts-only.example'], requestReminderHours: 12 }, 200],
    ];
    const before = await ctx.db.auditEvent.count({ where: { organizationId: ctx.acme.organizationId } });
    for (const [method, url, body] of writes) {
      const res = await outsider.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().detail, `${method} ${url}`).toMatch(/primary and secondary contacts/);
    }
    // Nothing was decided, changed or audited.
    expect(await ctx.db.accessRequest.count({ where: { id: { in: [toGrant, toDeny] }, status: 'pending' } })).toBe(2);
    expect(await ctx.db.memberPrivilege.count({ where: { memberId: target } })).toBe(0);
    expect(await ctx.db.approvedDomain.count({ where: { domain: 'contacts-only.example' } })).toBe(0);
    expect(await ctx.db.auditEvent.count({ where: { organizationId: ctx.acme.organizationId } })).toBe(before);

    for (const [method, url, body, status] of writes) {
      const res = await insider.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    }
    expect((await ctx.db.accessRequest.findUniqueOrThrow({ where: { id: toGrant } })).status).toBe('granted');
    expect((await ctx.db.accessRequest.findUniqueOrThrow({ where: { id: toDeny } })).status).toBe('denied');
    expect(await ctx.db.memberPrivilege.findMany({ where: { memberId: target }, select: { area: true, level: true } })).toEqual([{ area: 'members', level: 'view' }]);
    expect((await insider.get('/api/organization/approved-domains')).json()).toEqual({ domains: ['contacts-only.example'], requestReminderHours: 12 });
    await insider.request('PUT', '/api/organization/approved-domains', { domains: [], requestReminderHours: 24 });
  });

  it('PUT /api/organization/contacts: refused to a non-contact with Update on contact updates, allowed to the primary contact', async () => {
    const outsider = await memberWith(everything, false);
    const outsiderId = (await outsider.get('/api/auth/me')).json().member.id as string;
    const admin = new Client(ctx, '10.31.0.5');
    await admin.signIn('admin', ADMIN_PASSWORD);
    const current = (await admin.get('/api/organization/contacts')).json<{ primary: { id: string }; secondary: { id: string }[] }>();
    const refused = await outsider.request('PUT', '/api/organization/contacts', { primary: outsiderId, secondary: [] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/primary and secondary contacts/);
    expect(await ctx.db.organizationContact.count({ where: { memberId: outsiderId } })).toBe(0);
    const secondary = [...current.secondary.map((c) => c.id), outsiderId];
    const allowed = await admin.request('PUT', '/api/organization/contacts', { secondary });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().primary.id).toBe(current.primary.id);
    expect((await outsider.get('/api/organization/contacts/me')).json()).toEqual({ kind: 'secondary' });
  });
});
