import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext, rendered } from './helpers.ts';
import { MEMBER_PASSWORD as PASSWORD, memberFixtures } from './member-fixtures.ts';

let ctx: TestContext;
let admin: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 10 });
  admin = await signedIn('admin', ADMIN_PASSWORD);
});
afterAll(async () => ctx?.close());

describe('GET /api/members/:id', () => {
  it('shows a member of the organization with owned content and groups; 404 elsewhere, 400 for a bad id', async () => {
    const res = await admin.get(`/api/members/${ctx.acme.adminId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'admin', isAdministrator: true, privileges: { members: 'update' } });
    expect(res.json().ownedContent.length).toBeGreaterThan(0);
    expect((await admin.get(`/api/members/${ctx.globex.adminId}`)).statusCode).toBe(404);
    expect((await admin.get('/api/members/12345')).statusCode).toBe(400);
  });
});

describe('reset password', () => {
  it('gives a temporary password, ends the member’s sessions at once, forces a change, and emails a notice', async () => {
    const m = await makeMember('reset.me');
    const theirs = await signedIn('reset.me');
    const res = await admin.post(`/api/members/${m.id}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    expect((await theirs.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Client(ctx).signIn('reset.me', PASSWORD)).statusCode).toBe(401);
    const again = new Client(ctx);
    const signIn = await again.signIn('reset.me', temporaryPassword);
    expect(signIn.json()).toMatchObject({ mustChangePassword: true });
    expect((await again.get('/api/members')).json()).toMatchObject({ code: 'password_change_required' });
    const mail = rendered(await ctx.db.outboxMessage.findFirstOrThrow({ where: { to: 'reset.me@example.com', kind: 'temporary_password' } }));
    expect(mail.text).not.toContain(temporaryPassword);
    expect(await ctx.db.auditEvent.count({ where: { targetId: m.id, action: 'member.password_reset' } })).toBe(1);
  });

  it('is for administrators only, for built-in members only, and within the organization', async () => {
    const target = await makeMember('reset.target');
    const publisher = await signedIn((await makeMember('a.publisher', 'publisher')).username);
    const notAdmin = await publisher.post(`/api/members/${target.id}/reset-password`);
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().code).toBe('administrator_required');
    const ldap = await makeMember('ldap.person', 'user', { identityType: 'ldap' });
    const refused = await admin.post(`/api/members/${ldap.id}/reset-password`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'enterprise_login' });
    expect(refused.json().detail).toContain('organization login');
    // The same refusal in French for a French-speaking caller.
    const french = await admin.post(`/api/members/${ldap.id}/reset-password`, {}, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(french.json()).toMatchObject({ code: 'enterprise_login', detail: expect.stringContaining('compte d’organisation') });
    const globex = await signedIn('globex-admin', ADMIN_PASSWORD);
    expect((await globex.post(`/api/members/${target.id}/reset-password`)).statusCode).toBe(404);
    expect((await admin.post(`/api/members/${target.id}/reset-password`)).statusCode).toBe(200);
  });
});

describe('disable and enable', () => {
  it('refuses the disabled member’s open session immediately and their sign-in, keeps them counted, and re-enables', async () => {
    const m = await makeMember('to.disable');
    const theirs = await signedIn('to.disable');
    const before = (await admin.get('/api/members')).json().total;
    const res = await admin.post(`/api/members/${m.id}/disable`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('disabled');
    expect((await theirs.get('/api/members')).statusCode).toBe(401);
    expect((await new Client(ctx).signIn('to.disable', PASSWORD)).statusCode).toBe(403);
    expect((await admin.get('/api/members')).json().total).toBe(before);
    expect((await admin.get('/api/members?status=disabled&q=to.disable')).json().total).toBe(1);
    expect((await admin.post(`/api/members/${m.id}/disable`)).json()).toMatchObject({ status: 409, code: 'already_disabled' });
    expect((await admin.post(`/api/members/${m.id}/enable`)).json().status).toBe('active');
    expect((await admin.post(`/api/members/${m.id}/enable`)).json()).toMatchObject({ status: 409, code: 'not_disabled' });
    expect((await new Client(ctx).signIn('to.disable', PASSWORD)).statusCode).toBe(200);
    const audits = await ctx.db.auditEvent.findMany({ where: { targetId: m.id, action: { startsWith: 'member.' } }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.before, a.after])).toEqual([
      ['member.disabled', { status: 'active' }, { status: 'disabled' }],
      ['member.enabled', { status: 'disabled' }, { status: 'active' }],
    ]);
  });

  it('lets only administrators disable an administrator, and never the last one', async () => {
    const other = await makeMember('second.admin', 'administrator');
    const publisher = await signedIn((await makeMember('pub.two', 'publisher')).username);
    // A publisher has View on members only.
    expect((await publisher.post(`/api/members/${other.id}/disable`)).statusCode).toBe(403);
    // Demote every other administrator of the seed, so that two remain: admin and second.admin.
    const userRole = await ctx.db.role.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'user' } });
    await ctx.db.member.updateMany({
      where: { organizationId: ctx.acme.organizationId, role: { isAdministrator: true }, id: { notIn: [ctx.acme.adminId, other.id] } },
      data: { roleId: userRole.id },
    });
    const second = await signedIn('second.admin');
    // Each tries to disable the other at the same moment: one wins, the other is refused.
    const [a, b] = await Promise.all([admin.post(`/api/members/${other.id}/disable`), second.post(`/api/members/${ctx.acme.adminId}/disable`)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([401, 409]).toContain(codes[1]);
    const loser = a.statusCode === 200 ? b : a;
    if (loser.statusCode === 409) expect(loser.json().code).toBe('last_administrator');
    const activeAdmins = await ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId, status: 'active', role: { isAdministrator: true } } });
    expect(activeAdmins).toBe(1);
    if (a.statusCode === 200) await admin.post(`/api/members/${other.id}/enable`);
    else {
      await ctx.db.member.update({ where: { id: ctx.acme.adminId }, data: { status: 'active', disabledAt: null } });
      admin = await signedIn('admin', ADMIN_PASSWORD);
      await admin.post(`/api/members/${other.id}/enable`);
    }
    expect((await admin.post(`/api/members/${ctx.acme.adminId}/disable`)).json()).toMatchObject({ status: 409, code: 'own_account' });
  });
});

describe('transfer ownership and delete', () => {
  it('refuses to delete a member who owns content, transfers it, then deletes for good', async () => {
    const owner = await makeMember('content.owner');
    const heir = await makeMember('content.heir');
    await ctx.db.contentItem.createMany({
      data: [1, 2, 3].map((i) => ({ organizationId: ctx.acme.organizationId, ownerId: owner.id, title: `Carte ${i}`, kind: 'map' })),
    });
    await ctx.db.group.create({ data: { organizationId: ctx.acme.organizationId, name: 'Groupe à transférer', ownerId: owner.id } });
    const refused = await admin.request('DELETE', `/api/members/${owner.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'owns_content', ownedContent: 3, ownedGroups: 1 });
    expect(refused.json().detail).toMatch(/owns 3 content items and 1 group; transfer/);

    const disabled = await makeMember('disabled.heir');
    await admin.post(`/api/members/${disabled.id}/disable`);
    expect((await admin.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: disabled.id })).statusCode).toBe(400);
    expect((await admin.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: ctx.globex.adminId })).statusCode).toBe(400);
    expect((await admin.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: owner.id })).statusCode).toBe(400);

    const moved = await admin.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: heir.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ contentTransferred: 3, groupsTransferred: 1 });
    expect(await ctx.db.contentItem.count({ where: { ownerId: heir.id } })).toBe(3);

    const deleted = await admin.request('DELETE', `/api/members/${owner.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ outcome: 'deleted' });
    expect(await ctx.db.member.count({ where: { id: owner.id } })).toBe(0);
    const audit = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: owner.id, action: 'member.deleted' } });
    expect(audit.before).toMatchObject({ username: 'content.owner' });
  });

  it('unregisters enterprise accounts, and only administrators delete administrators', async () => {
    const ldap = await makeMember('ldap.leaver', 'user', { identityType: 'ldap' });
    expect((await admin.request('DELETE', `/api/members/${ldap.id}`)).json()).toEqual({ outcome: 'unregistered' });

    const targetAdmin = await makeMember('admin.target', 'administrator');
    const customRole = await ctx.db.role.create({
      data: {
        organizationId: ctx.acme.organizationId,
        key: 'member_manager',
        nameEn: 'Member manager',
        nameFr: 'Gestionnaire des membres',
        privileges: { create: [{ area: 'members', level: 'update' }] },
      },
    });
    const manager = await makeMember('member.manager');
    await ctx.db.member.update({ where: { id: manager.id }, data: { roleId: customRole.id } });
    const managerClient = await signedIn('member.manager');
    const refused = await managerClient.request('DELETE', `/api/members/${targetAdmin.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('administrator_required');
    // A Publisher can't delete an Administrator (nor anyone: Publishers only view members).
    const publisher = await signedIn((await makeMember('pub.deleter', 'publisher')).username);
    expect((await publisher.request('DELETE', `/api/members/${targetAdmin.id}`)).statusCode).toBe(403);
    const plain = await makeMember('plain.member');
    expect((await managerClient.request('DELETE', `/api/members/${plain.id}`)).statusCode).toBe(200);
    expect((await admin.request('DELETE', `/api/members/${targetAdmin.id}`)).statusCode).toBe(200);
    // An administrator can't remove themself: so the last administrator is never deleted.
    expect((await admin.request('DELETE', `/api/members/${ctx.acme.adminId}`)).json()).toMatchObject({ status: 409, code: 'own_account' });
    expect((await admin.request('DELETE', `/api/members/${ctx.globex.adminId}`)).statusCode).toBe(404);
  });
});

describe('PATCH /api/members/:id', () => {
  const patch = (c: Client, id: string, body: unknown) => c.request('PATCH', `/api/members/${id}`, body);

  it('saves profile and settings and records only what changed', async () => {
    const m = await makeMember('profile.edit');
    const res = await patch(admin, m.id, { firstName: 'Chloé', description: 'Cartographe', language: 'en', locale: 'en-GB', lastName: 'profile.edit' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ firstName: 'Chloé', description: 'Cartographe', language: 'en', locale: 'en-GB' });
    const audit = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: m.id, action: 'member.updated' } });
    expect(audit.before).toEqual({ firstName: 'Test', description: null, language: 'fr', locale: 'fr-FR' });
    expect(audit.after).toEqual({ firstName: 'Chloé', description: 'Cartographe', language: 'en', locale: 'en-GB' });
    expect((await patch(admin, m.id, { email: "o'neil@example.com" })).statusCode).toBe(400);
    expect((await patch(admin, m.id, {})).statusCode).toBe(400);
    expect((await patch(admin, ctx.globex.adminId, { firstName: 'X' })).statusCode).toBe(404);
  });

  it('keeps role and user type compatible, and names the licences a new user type would lose', async () => {
    const m = await makeMember('type.change');
    const desktop = await ctx.db.license.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'desktop_pro' } });
    expect((await patch(admin, m.id, { licenses: [desktop.id] })).statusCode).toBe(200);
    const incompatible = await patch(admin, m.id, { userType: 'viewer' });
    expect(incompatible.statusCode).toBe(400);
    expect(incompatible.json().errors.map((e: { path: string }) => e.path)).toContain('role');
    const losing = await patch(admin, m.id, { userType: 'creator' });
    expect(losing.statusCode).toBe(400);
    expect(losing.json().detail).toContain('would lose these licences: Poste SIG professionnel');
    const ok = await patch(admin, m.id, { userType: 'creator', licenses: [] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ userType: { key: 'creator' }, licenses: [] });
    const viewer = await patch(admin, m.id, { userType: 'viewer', role: 'viewer' });
    expect(viewer.statusCode, viewer.body).toBe(200);
  });

  it('never over-assigns a licence seat', async () => {
    const license = await ctx.db.license.create({ data: { organizationId: ctx.acme.organizationId, key: 'one_seat', name: 'Une place', seats: 1 } });
    const type = await ctx.db.userType.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'professional_plus' } });
    await ctx.db.userTypeLicense.create({ data: { userTypeId: type.id, licenseId: license.id } });
    const [a, b] = await Promise.all([makeMember('seat.a'), makeMember('seat.b')]);
    const results = await Promise.all([patch(admin, a.id, { licenses: [license.id] }), patch(admin, b.id, { licenses: [license.id] })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await ctx.db.licenseAssignment.count({ where: { licenseId: license.id } })).toBe(1);
  });

  it('lets nobody give a privilege above their own', async () => {
    const narrow = await ctx.db.role.create({
      data: { organizationId: ctx.acme.organizationId, key: 'directory_reader', nameEn: 'Directory reader', nameFr: 'Lecteur de l’annuaire', privileges: { create: [{ area: 'members', level: 'view' }] } },
    });
    const type = await ctx.db.userType.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'professional_plus' } });
    await ctx.db.userTypeRole.create({ data: { userTypeId: type.id, roleId: narrow.id } });
    const manager = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: 'member.manager' } });
    const managerClient = await signedIn(manager.username);
    const target = await makeMember('boundary.target');
    const above = await patch(managerClient, target.id, { role: 'publisher' });
    expect(above.statusCode).toBe(400);
    expect(above.json().detail).toContain('gives more privileges than your own');
    expect((await patch(managerClient, target.id, { role: 'administrator' })).statusCode).toBe(400);
    expect((await patch(managerClient, target.id, { role: 'directory_reader' })).statusCode).toBe(200);
  });

  it('never demotes the last administrator, and gives Administrator only to activated members', async () => {
    const globex = await signedIn('globex-admin', ADMIN_PASSWORD);
    await ctx.db.member.updateMany({
      where: { organizationId: ctx.globex.organizationId, role: { isAdministrator: true }, id: { not: ctx.globex.adminId } },
      data: { roleId: (await ctx.db.role.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId, key: 'user' } })).id },
    });
    const demote = await patch(globex, ctx.globex.adminId, { role: 'user' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ code: 'last_administrator' });
    expect(demote.json().detail).toContain('last administrator');

    const pending = await makeMember('pending.promote');
    await ctx.db.member.update({ where: { id: pending.id }, data: { status: 'pending', activatedAt: null } });
    const refused = await patch(admin, pending.id, { role: 'administrator' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('once the member has activated');
    await ctx.db.member.update({ where: { id: pending.id }, data: { status: 'active', activatedAt: new Date() } });
    expect((await patch(admin, pending.id, { role: 'administrator' })).statusCode).toBe(200);
  });
});

describe('bulk actions', () => {
  it('applies the action to each selected member and reports what was refused and why', async () => {
    const a = await makeMember('bulk.a');
    const b = await makeMember('bulk.b');
    const owner = await makeMember('bulk.owner');
    await ctx.db.contentItem.create({ data: { organizationId: ctx.acme.organizationId, ownerId: owner.id, title: 'Plan', kind: 'map' } });
    const disabled = await admin.post('/api/members/bulk', { action: 'disable', memberIds: [a.id, b.id, ctx.acme.adminId, ctx.globex.adminId] });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ succeeded: 2, refused: 2 });
    const refused = disabled.json().results.filter((r: { ok: boolean }) => !r.ok);
    expect(refused.map((r: { code: string }) => r.code).sort()).toEqual(['not_found', 'own_account']);

    const role = await admin.post('/api/members/bulk', { action: 'change-role', role: 'data_editor', memberIds: [a.id, b.id] });
    expect(role.json()).toMatchObject({ succeeded: 2, refused: 0 });
    expect((await ctx.db.member.findUniqueOrThrow({ where: { id: a.id }, include: { role: true } })).role.key).toBe('data_editor');

    const deleted = await admin.post('/api/members/bulk', { action: 'delete', memberIds: [a.id, owner.id] });
    expect(deleted.json()).toMatchObject({ succeeded: 1, refused: 1 });
    expect(deleted.json().results.find((r: { id: string }) => r.id === owner.id)).toMatchObject({
      ok: false,
      code: 'owns_content',
      ownedContent: 1,
      ownedGroups: 0,
      message: expect.stringContaining('transfer'),
    });
    expect((await admin.post('/api/members/bulk', { action: 'change-role', memberIds: [b.id] })).statusCode).toBe(400);
    expect((await admin.post('/api/members/bulk', { action: 'explode', memberIds: [b.id] })).statusCode).toBe(400);
  });
});

describe('thumbnail', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
  const put = (c: Client, id: string, body: Buffer, type = 'image/png') => c.request('PUT', `/api/members/${id}/thumbnail`, body, { 'content-type': type });

  it('stores a checked image of limited size and serves it back', async () => {
    const m = await makeMember('with.picture');
    expect((await put(admin, m.id, png)).statusCode).toBe(200);
    const got = await admin.get(`/api/members/${m.id}/thumbnail`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.from(got.rawPayload).equals(png)).toBe(true);

    const fake = await put(admin, m.id, Buffer.from('<svg onload=alert(1)>'), 'image/png');
    expect(fake.statusCode).toBe(415);
    const huge = await put(admin, m.id, Buffer.concat([png, Buffer.alloc(1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect((await put(admin, ctx.globex.adminId, png)).statusCode).toBe(404);
    expect((await admin.request('DELETE', `/api/members/${m.id}/thumbnail`)).statusCode).toBe(200);
    expect((await admin.get(`/api/members/${m.id}/thumbnail`)).statusCode).toBe(404);
  });

  it('lets members change their own picture but not someone else’s without Update on members', async () => {
    const self = await makeMember('self.picture');
    const other = await makeMember('other.picture');
    const c = await signedIn('self.picture');
    expect((await put(c, other.id, png)).statusCode).toBe(403);
    expect((await put(c, self.id, png)).statusCode).toBe(200);
  });
});

describe('refusal reasons and what the UI needs', () => {
  it('says in each bulk result why it was refused, with a stable code; the whole request needs Update on members', async () => {
    const manager = await signedIn('member.manager');
    const plain = await makeMember('bulk.reason');
    const anAdmin = await makeMember('bulk.admin', 'administrator');
    const role = await manager.post('/api/members/bulk', { action: 'change-role', role: 'publisher', memberIds: [plain.id, anAdmin.id] });
    expect(role.statusCode, role.body).toBe(200);
    const byId = new Map(role.json().results.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(plain.id)).toMatchObject({ ok: false, code: 'privilege_above_own', message: expect.stringContaining('gives more privileges than your own') });
    expect(byId.get(anAdmin.id)).toMatchObject({ ok: false, code: 'administrator_required' });
    const disable = await manager.post('/api/members/bulk', { action: 'disable', memberIds: [anAdmin.id, plain.id] });
    expect(disable.json()).toMatchObject({ succeeded: 1, refused: 1 });
    expect(disable.json().results.find((r: { id: string }) => r.id === anAdmin.id)).toMatchObject({ code: 'administrator_required' });

    const publisher = await signedIn((await makeMember('pub.bulk', 'publisher')).username);
    const denied = await publisher.post('/api/members/bulk', { action: 'enable', memberIds: [plain.id] });
    expect(denied.statusCode).toBe(403);
    expect(await ctx.db.member.count({ where: { id: plain.id, status: 'disabled' } })).toBe(1);
    expect((await admin.post('/api/members/bulk', { action: 'enable', memberIds: ['not-a-uuid'] })).statusCode).toBe(400);
    expect((await admin.post('/api/members/bulk', { action: 'enable', memberIds: [ctx.globex.adminId] })).json().results[0]).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('tells the signed-in member whether they are an administrator', async () => {
    expect((await admin.get('/api/auth/me')).json()).toMatchObject({ isAdministrator: true, member: { username: 'admin' } });
    const publisher = await signedIn((await makeMember('pub.me', 'publisher')).username);
    expect((await publisher.get('/api/auth/me')).json()).toMatchObject({ isAdministrator: false });
  });

  it('says whether a member has a picture, in the list and the detail', async () => {
    const m = await makeMember('has.picture');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 1)]);
    expect((await admin.get(`/api/members/${m.id}`)).json().hasThumbnail).toBe(false);
    expect((await admin.request('PUT', `/api/members/${m.id}/thumbnail`, png, { 'content-type': 'image/png' })).statusCode).toBe(200);
    expect((await admin.get(`/api/members/${m.id}`)).json().hasThumbnail).toBe(true);
    expect((await admin.get('/api/members?q=has.picture')).json().items[0]).toMatchObject({ username: 'has.picture', hasThumbnail: true });
  });

  it('counts all owned content beyond the listed 500, and a transfer of "all" moves every item', async () => {
    const owner = await makeMember('big.owner');
    const heir = await makeMember('big.heir');
    await ctx.db.contentItem.createMany({
      data: Array.from({ length: 503 }, (_, i) => ({ organizationId: ctx.acme.organizationId, ownerId: owner.id, title: `Élément ${String(i).padStart(3, '0')}`, kind: 'file' })),
    });
    const detail = (await admin.get(`/api/members/${owner.id}`)).json();
    expect(detail.ownedContent).toHaveLength(500);
    expect(detail).toMatchObject({ ownedContentTotal: 503, ownedGroupsTotal: 0 });
    const refused = await admin.request('DELETE', `/api/members/${owner.id}`);
    expect(refused.json()).toMatchObject({ code: 'owns_content', ownedContent: 503 });
    const moved = await admin.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: heir.id });
    expect(moved.json()).toEqual({ contentTransferred: 503, groupsTransferred: 0 });
    expect((await admin.get(`/api/members/${owner.id}`)).json()).toMatchObject({ ownedContent: [], ownedContentTotal: 0 });
    expect((await admin.get(`/api/members/${heir.id}`)).json().ownedContentTotal).toBe(503);
  });

  it('records role, user type, licences, groups and categories in audit events with their names', async () => {
    const m = await makeMember('audit.names');
    const org = ctx.acme.organizationId;
    const desktop = await ctx.db.license.findFirstOrThrow({ where: { organizationId: org, key: 'desktop_pro' } });
    const group = await ctx.db.group.create({ data: { organizationId: org, name: 'Cartographes', ownerId: ctx.acme.adminId } });
    const category = await ctx.db.memberCategory.create({ data: { organizationId: org, name: 'Stagiaires' } });
    const res = await admin.request('PATCH', `/api/members/${m.id}`, { role: 'data_editor', licenses: [desktop.id], groups: [group.id], categories: [category.id] });
    expect(res.statusCode, res.body).toBe(200);
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: m.id, action: 'member.updated' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ actorUsername: 'admin', actorId: ctx.acme.adminId, targetLabel: 'audit.names', ip: expect.any(String) });
    expect(event.before).toMatchObject({ role: { key: 'user', name: 'User', nameFr: 'Utilisateur' }, licenses: [], groups: [], categories: [] });
    expect(event.after).toMatchObject({
      role: { key: 'data_editor', name: 'Data Editor' },
      licenses: [{ id: desktop.id, name: desktop.name }],
      groups: [{ id: group.id, name: 'Cartographes' }],
      categories: [{ id: category.id, name: 'Stagiaires' }],
    });
    const userType = await admin.request('PATCH', `/api/members/${m.id}`, { userType: 'creator', licenses: [] });
    expect(userType.statusCode, userType.body).toBe(200);
    const typeEvent = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: m.id, action: 'member.updated' }, orderBy: { id: 'desc' } });
    expect(typeEvent.before).toMatchObject({ userType: { key: 'professional_plus' }, licenses: [{ id: desktop.id, name: desktop.name }] });
    expect(typeEvent.after).toMatchObject({ userType: { key: 'creator', nameFr: expect.any(String) }, licenses: [] });
  });
});

describe('rules that hold across actions', () => {
  it('keeps a disabled member counted toward the named-user limit', async () => {
    const org = ctx.acme.organizationId;
    const parked = await makeMember('parked.member');
    expect((await admin.post(`/api/members/${parked.id}/disable`)).statusCode).toBe(200);
    const total = await ctx.db.member.count({ where: { organizationId: org } });
    const newcomer = (n: number) => ({
      mode: 'credentials',
      members: [{ firstName: 'New', lastName: `Comer${n}`, email: `newcomer${n}@example.com`, username: `newcomer.${n}`, role: 'user', userType: 'creator' }],
      properties: {},
    });
    try {
      await ctx.db.organization.update({ where: { id: org }, data: { namedUserLimit: total } });
      const refused = await admin.post('/api/members/batch', newcomer(1));
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'seats_exhausted', errors: [{ code: 'named_user_limit' }] });
      // Deleting the disabled member frees the seat.
      expect((await admin.request('DELETE', `/api/members/${parked.id}`)).statusCode).toBe(200);
      expect((await admin.post('/api/members/batch', newcomer(2))).statusCode).toBe(201);
    } finally {
      await ctx.db.organization.update({ where: { id: org }, data: { namedUserLimit: null } });
    }
  });

  it('never reaches another organization’s member, whatever the action (404)', async () => {
    const theirs = ctx.globex.adminId;
    const heir = await makeMember('heir.elsewhere');
    expect((await admin.post(`/api/members/${theirs}/disable`)).statusCode).toBe(404);
    expect((await admin.post(`/api/members/${theirs}/enable`)).statusCode).toBe(404);
    expect((await admin.post(`/api/members/${theirs}/transfer-ownership`, { toMemberId: heir.id })).statusCode).toBe(404);
    expect((await admin.get(`/api/members/${theirs}/thumbnail`)).statusCode).toBe(404);
    expect(await ctx.db.member.count({ where: { id: theirs, status: 'active' } })).toBe(1);
  });
});
