import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberPrivileges, OrganizationContacts, PrivilegeArea, PrivilegeLevel } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
let admin: Client;
let adminId = '';
let passwordHash = '';
let seq = 0;

const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

async function member(levels: Partial<Record<PrivilegeArea, PrivilegeLevel>> = {}): Promise<{ id: string; client: Client }> {
  const n = ++seq;
  const organizationId = ctx.acme.organizationId;
  const [role, userType] = await Promise.all([
    ctx.db.role.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
    ctx.db.userType.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
  ]);
  const m = await ctx.db.member.create({
    data: { organizationId, username: `contact${n}`, firstName: 'Con', lastName: `Tact ${n}`, email: `contact${n}@example.com`, roleId: role.id, userTypeId: userType.id, status: 'active', passwordHash },
  });
  const own = Object.entries(levels);
  if (own.length) await ctx.db.memberPrivilege.createMany({ data: own.map(([area, level]) => ({ organizationId, memberId: m.id, area: area as PrivilegeArea, level: level! })) });
  const client = new Client(ctx, `10.40.0.${n}`);
  expect((await client.signIn(`contact${n}`, 'Contact-pass-2026')).statusCode).toBe(200);
  return { id: m.id, client };
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 3 });
  passwordHash = await hashPassword('Contact-pass-2026');
  admin = new Client(ctx);
  await admin.signIn('admin', ADMIN_PASSWORD);
  adminId = (await admin.get('/api/auth/me')).json().member.id;
});
afterAll(async () => ctx?.close());

describe('contacts', () => {
  it('lets the primary contact name secondary contacts, and nobody else change them', async () => {
    const initial = await admin.get('/api/organization/contacts');
    expect(initial.json<OrganizationContacts>()).toMatchObject({ primary: { username: 'admin' }, secondary: [] });
    const second = await member({ contact_updates: 'update', manage_access: 'update' });
    const saved = await put(admin, '/api/organization/contacts', { secondary: [second.id] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<OrganizationContacts>().secondary.map((c) => c.id)).toEqual([second.id]);
    expect(await ctx.db.auditEvent.count({ where: { action: 'organization.contacts_changed' } })).toBe(1);

    // A secondary contact with Update on contact updates still cannot change the contacts.
    const refused = await put(second.client, '/api/organization/contacts', { secondary: [] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/Only the primary contact/);
    expect((await second.client.get('/api/organization/contacts')).statusCode).toBe(200);
    expect((await put(admin, '/api/organization/contacts', { secondary: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(400);
  });

  it('hands over the primary role: the former primary becomes secondary', async () => {
    const next = await member({ contact_updates: 'update' });
    const res = await put(admin, '/api/organization/contacts', { primary: next.id, secondary: [] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<OrganizationContacts>()).toMatchObject({ primary: { id: next.id }, secondary: [{ id: adminId }] });
    expect((await put(admin, '/api/organization/contacts', { secondary: [] })).statusCode).toBe(403);
    const back = await put(next.client, '/api/organization/contacts', { primary: adminId, secondary: [] });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<OrganizationContacts>().primary?.id).toBe(adminId);
  });
});

describe('the primary contact’s own level', () => {
  it('needs Update on contact updates to save the contacts: View is refused (403), Update is allowed', async () => {
    const viewer = await member({ contact_updates: 'view' });
    expect((await put(admin, '/api/organization/contacts', { primary: viewer.id, secondary: [] })).statusCode).toBe(200);
    expect((await viewer.client.get('/api/organization/contacts')).statusCode).toBe(200);
    const refused = await put(viewer.client, '/api/organization/contacts', { primary: adminId, secondary: [] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/requires the Update level on contact updates$/);
    await ctx.db.memberPrivilege.updateMany({ where: { memberId: viewer.id, area: 'contact_updates' }, data: { level: 'update' } });
    const allowed = await put(viewer.client, '/api/organization/contacts', { primary: adminId, secondary: [] });
    expect(allowed.statusCode, allowed.body).toBe(200);
    // The former primary stays a secondary contact until the primary removes them.
    expect(allowed.json<OrganizationContacts>()).toMatchObject({ primary: { id: adminId }, secondary: [{ id: viewer.id }] });
    expect((await put(admin, '/api/organization/contacts', { secondary: [] })).statusCode).toBe(200);
  });
});

describe('per-member levels', () => {
  it('shows role, own and effective levels, and saves a complete set at once', async () => {
    const target = await member();
    const got = await admin.get(`/api/members/${target.id}/privileges`);
    expect(got.json<MemberPrivileges>()).toMatchObject({ role: { content: 'view', members: 'none' }, own: { members: 'none' }, effective: { content: 'view' }, contact: null });
    const saved = await put(admin, `/api/members/${target.id}/privileges`, { levels: { members: 'update', reporting: 'view', account_documents: 'view' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<MemberPrivileges>().effective).toMatchObject({ members: 'update', reporting: 'view', account_documents: 'view', content: 'view' });
    // Areas left out fall back to None.
    const again = await put(admin, `/api/members/${target.id}/privileges`, { levels: { reporting: 'view' } });
    expect(again.json<MemberPrivileges>().own).toMatchObject({ members: 'none', reporting: 'view' });
    expect(await ctx.db.auditEvent.count({ where: { action: 'member.privileges_changed', targetId: target.id } })).toBe(2);
    // View-only areas: Update is refused.
    expect((await put(admin, `/api/members/${target.id}/privileges`, { levels: { contact_update_preview: 'update' } })).statusCode).toBe(400);
    expect((await put(admin, `/api/members/00000000-0000-4000-8000-000000000000/privileges`, { levels: {} })).statusCode).toBe(404);
  });

  it('never lets a contact set, raise or lower levels above their own, nor change the primary contact', async () => {
    const second = await member({ contact_updates: 'update', members: 'view' });
    await put(admin, '/api/organization/contacts', { secondary: [second.id] });
    const target = await member({ members: 'update' });
    const raise = await put(second.client, `/api/members/${target.id}/privileges`, { levels: { members: 'update', reporting: 'update' } });
    expect(raise.statusCode).toBe(403);
    const lower = await put(second.client, `/api/members/${target.id}/privileges`, { levels: {} });
    expect(lower.statusCode).toBe(403);
    // Changing only what is within their own levels is fine (members: update is left as it is).
    const ok = await put(second.client, `/api/members/${target.id}/privileges`, { levels: { members: 'update', contact_updates: 'view' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await put(second.client, `/api/members/${adminId}/privileges`, { levels: {} })).statusCode).toBe(403);
    // Nor their own above what they have.
    expect((await put(second.client, `/api/members/${second.id}/privileges`, { levels: { contact_updates: 'update', members: 'update' } })).statusCode).toBe(403);
  });
});

describe('candidates and organization scope', () => {
  it('searches members to name or give levels to (contacts only), never another organization’s', async () => {
    const target = await member();
    const found = await admin.get(`/api/organization/contacts/candidates?q=${encodeURIComponent(`Tact ${seq}`)}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items).toEqual([{ id: target.id, username: `contact${seq}`, fullName: `Con Tact ${seq}`, email: `contact${seq}@example.com`, contact: null }]);
    const byAdmin = await admin.get('/api/organization/contacts/candidates?q=admin');
    expect(byAdmin.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ id: adminId, contact: 'primary' })]));
    // Globex members are never offered; bad input is refused.
    const globexMember = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
    const other = await admin.get(`/api/organization/contacts/candidates?q=${encodeURIComponent(globexMember.email)}`);
    expect(other.json().items).toEqual([]);
    expect((await admin.get('/api/organization/contacts/candidates?limit=500')).statusCode).toBe(400);
    // A member with levels but no contact status is refused.
    const outsider = await member({ contact_updates: 'update' });
    expect((await outsider.client.get('/api/organization/contacts/candidates')).statusCode).toBe(403);
  });

  it('answers 404 for another organization’s member, and refuses naming them as a contact (400)', async () => {
    const globex = new Client(ctx, '10.40.1.1');
    expect((await globex.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    const acmeMember = await member();
    expect((await globex.get(`/api/members/${acmeMember.id}/privileges`)).statusCode).toBe(404);
    expect((await put(globex, `/api/members/${acmeMember.id}/privileges`, { levels: { members: 'view' } })).statusCode).toBe(404);
    expect(await ctx.db.memberPrivilege.count({ where: { memberId: acmeMember.id } })).toBe(0);
    const named = await put(globex, '/api/organization/contacts', { secondary: [acmeMember.id] });
    expect(named.statusCode).toBe(400);
    expect(named.json().errors[0]).toMatchObject({ code: 'unknown_member' });
    expect((await globex.get('/api/organization/contacts')).json<OrganizationContacts>()).toMatchObject({ primary: { username: 'globex-admin' }, secondary: [] });
    // Invalid ids and bodies: 400.
    expect((await globex.get('/api/members/not-a-uuid/privileges')).statusCode).toBe(400);
    expect((await put(globex, '/api/organization/contacts', { secondary: 'x' })).statusCode).toBe(400);
  });
});
