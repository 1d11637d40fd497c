import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivilegeArea, PrivilegeLevel } from '@sesame/db';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/** Issue 15, item 2: custom roles administered through the API (shared/API.md, "Reference data administration"). */
let ctx: TestContext;
let admin: Client;
let globexAdmin: Client;
/** Viewer role (View on content) plus Update on organization settings. */
let settingsUpdater: Client;
/** Viewer role plus View on organization settings. */
let settingsViewer: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

type RoleOut = { id: string; key: string; name: string; nameFr: string; builtIn: boolean; levels: Record<PrivilegeArea, PrivilegeLevel>; userTypeIds: string[]; memberCount: number };

async function memberWith(username: string, levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>, roleKey = 'viewer') {
  const m = await makeMember(username, roleKey);
  const data = Object.entries(levels).map(([area, level]) => ({ organizationId: m.organizationId, memberId: m.id, area: area as PrivilegeArea, level: level as PrivilegeLevel }));
  if (data.length) await ctx.db.memberPrivilege.createMany({ data });
  return { member: m, client: await signedIn(username) };
}

const acme = () => ctx.acme.organizationId;
const lastEvent = (action: string) => ctx.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme(), action }, orderBy: { id: 'desc' } });
const userType = (key: string, org = acme()) => ctx.db.userType.findFirstOrThrow({ where: { organizationId: org, key } });
const roles = async (client: Client) => (await client.get('/api/roles')).json<{ items: RoleOut[] }>().items;

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 5 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  globexAdmin = new Client(ctx);
  expect((await globexAdmin.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  settingsUpdater = (await memberWith('settings.updater', { organization_settings: 'update' })).client;
  settingsViewer = (await memberWith('settings.viewer', { organization_settings: 'view' })).client;
}, 120_000);
afterAll(async () => ctx?.close());

describe('listing roles', () => {
  it('gives every role its levels, built-in mark, compatible user types and member count, to View on organization settings', async () => {
    const list = await roles(settingsViewer);
    const publisher = list.find((r) => r.key === 'publisher');
    const creator = await userType('creator');
    const viewerType = await userType('viewer');
    expect(publisher).toMatchObject({ builtIn: true, name: 'Publisher', nameFr: 'Éditeur', levels: { content: 'update', groups: 'update', members: 'view', reporting: 'view', licenses: 'none' } });
    expect(publisher?.userTypeIds).toContain(creator.id);
    expect(publisher?.userTypeIds).not.toContain(viewerType.id);
    const viewer = list.find((r) => r.key === 'viewer');
    // settings.updater and settings.viewer hold the Viewer role.
    expect(viewer?.memberCount).toBe(await ctx.db.member.count({ where: { organizationId: acme(), role: { key: 'viewer' } } }));
    expect(viewer?.memberCount).toBeGreaterThanOrEqual(2);
  });
});

describe('creating a role', () => {
  it('creates a custom role from a name, a level per area and its user types, audited with names', async () => {
    const creator = await userType('creator');
    const professional = await userType('professional');
    const res = await admin.post('/api/roles', { name: '  Chargé de mission  ', levels: { members: 'view', reporting: 'update', account_documents: 'view' }, userTypeIds: [creator.id, professional.id] });
    expect(res.statusCode, res.body).toBe(201);
    const role = res.json<RoleOut>();
    expect(role).toMatchObject({ name: 'Chargé de mission', nameFr: 'Chargé de mission', key: 'charge_de_mission', builtIn: false, memberCount: 0 });
    expect(role.levels).toEqual({
      manage_access: 'none',
      members: 'view',
      licenses: 'none',
      groups: 'none',
      content: 'none',
      reporting: 'update',
      contact_updates: 'none',
      organization_settings: 'none',
      contact_update_preview: 'none',
      account_documents: 'view',
    });
    expect([...role.userTypeIds].sort()).toEqual([creator.id, professional.id].sort());
    expect((await roles(admin)).find((r) => r.id === role.id)).toMatchObject({ name: 'Chargé de mission', builtIn: false });
    const event = await lastEvent('role.created');
    expect(event).toMatchObject({ targetType: 'role', targetId: role.id, targetLabel: 'Chargé de mission', actorUsername: 'admin' });
    expect(event.after).toEqual({
      name: 'Chargé de mission',
      levels: { members: 'view', reporting: 'update', account_documents: 'view' },
      userTypes: [
        { id: creator.id, name: 'Creator', nameFr: 'Créateur' },
        { id: professional.id, name: 'Professional', nameFr: 'Professionnel' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    });
    // The role can be given to a member of a user type it suits, and not to another, with the wizard's code.
    const m = await makeMember('mission.holder', 'user');
    const creatorId = (await userType('creator')).id;
    const given = await admin.request('PATCH', `/api/members/${m.id}`, { role: role.id, userType: creatorId });
    expect(given.statusCode, given.body).toBe(200);
    const viewerType = await userType('viewer');
    const incompatible = await admin.request('PATCH', `/api/members/${m.id}`, { userType: viewerType.id });
    expect(incompatible.statusCode).toBe(400);
    expect(incompatible.json().errors).toEqual([expect.objectContaining({ code: 'incompatible_role' })]);
  });

  it('needs Update on organization settings: View is refused (403) and nothing is created; Update creates (positive control)', async () => {
    const refused = await settingsViewer.post('/api/roles', { name: 'Refusé', levels: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', params: { area: 'organization_settings', level: 'update' } });
    expect(await ctx.db.role.count({ where: { organizationId: acme(), nameEn: 'Refusé' } })).toBe(0);
    const allowed = await settingsUpdater.post('/api/roles', { name: 'Lecteur de contenu', levels: { content: 'view' } });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });

  it('refuses levels above the creator’s own with the areas and their own levels; within them it is created', async () => {
    const above = await settingsUpdater.post('/api/roles', { name: 'Trop haut', levels: { content: 'update', members: 'view' } });
    expect(above.statusCode).toBe(403);
    expect(above.json()).toMatchObject({
      code: 'forbidden',
      params: { reason: 'levels_above_own', areas: 'members,content', levels: 'none,view' },
      errors: [
        { path: 'levels.members', code: 'level_above_own' },
        { path: 'levels.content', code: 'level_above_own' },
      ],
    });
    expect(above.json().detail).toContain('You cannot give levels above your own');
    expect(await ctx.db.role.count({ where: { organizationId: acme(), nameEn: 'Trop haut' } })).toBe(0);
    // Their own levels exactly: allowed.
    const within = await settingsUpdater.post('/api/roles', { name: 'À leur niveau', levels: { content: 'view', organization_settings: 'update' } });
    expect(within.statusCode, within.body).toBe(201);
  });

  it('refuses Update on a View-only area, and other bad input, with the field (400)', async () => {
    const viewOnly = await admin.post('/api/roles', { name: 'Documents', levels: { account_documents: 'update', contact_update_preview: 'update' } });
    expect(viewOnly.statusCode).toBe(400);
    expect(viewOnly.json().errors).toEqual([
      expect.objectContaining({ path: 'levels.contact_update_preview', code: 'level_not_allowed' }),
      expect.objectContaining({ path: 'levels.account_documents', code: 'level_not_allowed' }),
    ]);
    const cases: [unknown, string][] = [
      [{ name: '   ', levels: {} }, 'name'],
      [{ name: 'a\u0000b', levels: {} }, 'name'],
      [{ name: 'x'.repeat(101), levels: {} }, 'name'],
      [{ name: 'Sans niveaux' }, 'levels'],
      [{ name: 'Niveau inconnu', levels: { members: 'admin' } }, 'levels.members'],
      [{ name: 'Zone inconnue', levels: { kitchen: 'view' } }, 'levels'],
      [{ name: 'Types', levels: {}, userTypeIds: ['nope'] }, 'userTypeIds.0'],
      [{ name: 'Extra', levels: {}, extra: 1 }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/api/roles', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      if (path) expect(res.json().errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
    }
    // A user type of another organization is unknown here.
    const foreign = await userType('creator', ctx.globex.organizationId);
    const res = await admin.post('/api/roles', { name: 'Étranger', levels: {}, userTypeIds: [foreign.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'userTypeIds.0', code: 'unknown_user_type' })]);
    expect(await ctx.db.role.count({ where: { organizationId: acme(), nameEn: { in: ['Documents', 'Étranger', 'Sans niveaux'] } } })).toBe(0);
  });

  it('refuses a name another role has in either language, whatever its case (409 name_taken)', async () => {
    for (const name of ['lecteur', 'PUBLISHER', 'chargé DE mission']) {
      const res = await admin.post('/api/roles', { name, levels: {} });
      expect(res.statusCode, name).toBe(409);
      expect(res.json()).toMatchObject({ code: 'name_taken', errors: [{ path: 'name', code: 'name_taken' }] });
    }
  });

  it('gives exactly one of two concurrent creations of the same name', async () => {
    const results = await Promise.all([admin.post('/api/roles', { name: 'Saisonnier', levels: {} }), settingsUpdater.post('/api/roles', { name: 'saisonnier', levels: {} })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await ctx.db.role.count({ where: { organizationId: acme(), nameEn: { equals: 'saisonnier', mode: 'insensitive' } } })).toBe(1);
  });
});

describe('changing a role', () => {
  it('renames it and changes its levels and user types, audited before/after with names; its members’ privileges follow at once', async () => {
    const creator = await userType('creator');
    const professional = await userType('professional');
    const role = (await admin.post('/api/roles', { name: 'Analyste', levels: { content: 'view' }, userTypeIds: [creator.id] })).json<RoleOut>();
    const holder = await makeMember('analyste.one', 'viewer');
    await ctx.db.member.update({ where: { id: holder.id }, data: { roleId: role.id, userTypeId: creator.id } });
    const holderClient = await signedIn('analyste.one');
    expect((await holderClient.get('/api/auth/me')).json().privileges).toMatchObject({ content: 'view', organization_settings: 'none' });
    expect((await holderClient.get('/api/roles')).statusCode).toBe(403);

    const res = await settingsUpdater.request('PATCH', `/api/roles/${role.id}`, { name: 'Analyste métier', levels: { content: 'view', organization_settings: 'view' }, userTypeIds: [creator.id, professional.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Analyste métier', levels: { content: 'view', organization_settings: 'view' }, memberCount: 1 });
    expect((await holderClient.get('/api/auth/me')).json().privileges).toMatchObject({ content: 'view', organization_settings: 'view' });
    expect((await holderClient.get('/api/roles')).statusCode).toBe(200);
    const event = await lastEvent('role.updated');
    expect(event).toMatchObject({ targetId: role.id, targetLabel: 'Analyste métier', actorUsername: 'settings.updater' });
    expect(event.before).toMatchObject({ name: 'Analyste', levels: { content: 'view' }, userTypes: [{ id: creator.id, name: 'Creator', nameFr: 'Créateur' }] });
    expect(event.after).toMatchObject({ name: 'Analyste métier', levels: { content: 'view', organization_settings: 'view' } });
    expect((event.after as { userTypes: unknown[] }).userTypes).toHaveLength(2);

    // Saving what it already is records nothing.
    const count = await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'role.updated' } });
    expect((await admin.request('PATCH', `/api/roles/${role.id}`, { name: 'Analyste métier' })).statusCode).toBe(200);
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'role.updated' } })).toBe(count);

    // The member's user type can't stop suiting the role while they hold it; the other can.
    const inUse = await admin.request('PATCH', `/api/roles/${role.id}`, { userTypeIds: [professional.id] });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'compatibility_in_use', params: { count: 1, item: 'Creator' }, errors: [{ path: 'userTypeIds', code: 'compatibility_in_use' }] });
    expect(await ctx.db.userTypeRole.count({ where: { roleId: role.id } })).toBe(2);
    expect((await admin.request('PATCH', `/api/roles/${role.id}`, { userTypeIds: [creator.id] })).statusCode).toBe(200);

    // Lowering the levels takes effect on the member's next request too.
    expect((await admin.request('PATCH', `/api/roles/${role.id}`, { levels: {} })).statusCode).toBe(200);
    expect((await holderClient.get('/api/auth/me')).json().privileges).toMatchObject({ content: 'none', organization_settings: 'none' });
    expect((await holderClient.get('/api/roles')).statusCode).toBe(403);
  });

  it('refuses built-in roles (409 built_in_role), a taken name, View on organization settings (403), and a role above one’s own (403)', async () => {
    const viewer = (await roles(admin)).find((r) => r.key === 'viewer');
    const builtIn = await admin.request('PATCH', `/api/roles/${viewer?.id}`, { name: 'Lecteur bis' });
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json()).toMatchObject({ code: 'built_in_role', params: { role: 'Viewer', action: 'update' } });

    const role = (await admin.post('/api/roles', { name: 'Gestionnaire', levels: { members: 'update' } })).json<RoleOut>();
    expect((await admin.request('PATCH', `/api/roles/${role.id}`, { name: 'éditeur' })).json()).toMatchObject({ code: 'name_taken' });
    expect((await settingsViewer.request('PATCH', `/api/roles/${role.id}`, { name: 'Gestion' })).statusCode).toBe(403);
    // Above the updater's own levels, before (members: update) as after: not changed, not even renamed.
    const above = await settingsUpdater.request('PATCH', `/api/roles/${role.id}`, { name: 'Gestion' });
    expect(above.statusCode).toBe(403);
    expect(above.json()).toMatchObject({ code: 'forbidden', params: { reason: 'levels_above_own', areas: 'members' } });
    const raise = (await settingsUpdater.post('/api/roles', { name: 'Modeste', levels: { content: 'view' } })).json<RoleOut>();
    const raised = await settingsUpdater.request('PATCH', `/api/roles/${raise.id}`, { levels: { content: 'update' } });
    expect(raised.statusCode).toBe(403);
    expect(raised.json().errors).toEqual([expect.objectContaining({ path: 'levels.content', code: 'level_above_own' })]);
    // View-only areas at update: 400 with the field.
    const viewOnly = await admin.request('PATCH', `/api/roles/${raise.id}`, { levels: { account_documents: 'update' } });
    expect(viewOnly.statusCode).toBe(400);
    expect(viewOnly.json().errors).toEqual([expect.objectContaining({ path: 'levels.account_documents', code: 'level_not_allowed' })]);
    expect((await admin.request('PATCH', `/api/roles/${raise.id}`, {})).statusCode).toBe(400);
    expect(await ctx.db.role.findUniqueOrThrow({ where: { id: role.id } })).toMatchObject({ nameEn: 'Gestionnaire' });
    // Positive control: an administrator changes it.
    expect((await admin.request('PATCH', `/api/roles/${role.id}`, { name: 'Gestion' })).statusCode).toBe(200);
  });
});

describe('deleting a role', () => {
  it('is refused while members hold it, naming how many, and then deletes it, audited with its name', async () => {
    const creator = await userType('creator');
    const role = (await admin.post('/api/roles', { name: 'Temporaire', levels: { content: 'view' }, userTypeIds: [creator.id] })).json<RoleOut>();
    const a = await makeMember('temp.one', 'viewer');
    const b = await makeMember('temp.two', 'viewer');
    await ctx.db.member.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { roleId: role.id, userTypeId: creator.id } });
    const refused = await settingsUpdater.request('DELETE', `/api/roles/${role.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'role_in_use', params: { role: 'Temporaire', count: 2 } });
    expect(refused.json().detail).toContain('The role "Temporaire" is held by 2 members');
    expect((await roles(admin)).find((r) => r.id === role.id)?.memberCount).toBe(2);

    const viewer = await ctx.db.role.findFirstOrThrow({ where: { organizationId: acme(), key: 'viewer' } });
    await ctx.db.member.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { roleId: viewer.id } });
    expect((await settingsViewer.request('DELETE', `/api/roles/${role.id}`)).statusCode).toBe(403);
    const deleted = await settingsUpdater.request('DELETE', `/api/roles/${role.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ id: role.id, name: 'Temporaire' });
    expect(await ctx.db.role.count({ where: { id: role.id } })).toBe(0);
    expect(await ctx.db.userTypeRole.count({ where: { roleId: role.id } })).toBe(0);
    expect(await lastEvent('role.deleted')).toMatchObject({ targetLabel: 'Temporaire', before: { name: 'Temporaire', levels: { content: 'view' }, userTypes: [{ name: 'Creator' }] } });
  });

  it('refuses built-in roles, the default role for new members, and a role above one’s own', async () => {
    const list = await roles(admin);
    const builtIn = await admin.request('DELETE', `/api/roles/${list.find((r) => r.key === 'viewer')?.id}`);
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json()).toMatchObject({ code: 'built_in_role', params: { action: 'delete' } });

    const role = (await admin.post('/api/roles', { name: 'Par défaut', levels: {} })).json<RoleOut>();
    await ctx.db.organization.update({ where: { id: acme() }, data: { defaultRoleId: role.id } });
    const isDefault = await admin.request('DELETE', `/api/roles/${role.id}`);
    expect(isDefault.statusCode).toBe(409);
    expect(isDefault.json()).toMatchObject({ code: 'role_in_use', params: { reason: 'default_role', count: 0 } });
    const user = list.find((r) => r.key === 'user');
    await ctx.db.organization.update({ where: { id: acme() }, data: { defaultRoleId: user?.id ?? null } });
    expect((await admin.request('DELETE', `/api/roles/${role.id}`)).statusCode).toBe(200);

    const high = (await admin.post('/api/roles', { name: 'Haut placé', levels: { licenses: 'update' } })).json<RoleOut>();
    expect((await settingsUpdater.request('DELETE', `/api/roles/${high.id}`)).json()).toMatchObject({ code: 'forbidden', params: { reason: 'levels_above_own' } });
    expect(await ctx.db.role.count({ where: { id: high.id } })).toBe(1);
  });
});

describe('organizations', () => {
  it('keeps each organization’s roles to itself: another organization’s id is 404 and unchanged', async () => {
    const mine = (await admin.post('/api/roles', { name: 'Privé', levels: { content: 'view' } })).json<RoleOut>();
    expect((await globexAdmin.request('PATCH', `/api/roles/${mine.id}`, { name: 'Volé' })).statusCode).toBe(404);
    expect((await globexAdmin.request('DELETE', `/api/roles/${mine.id}`)).statusCode).toBe(404);
    expect((await globexAdmin.request('DELETE', `/api/roles/${mine.id}`)).json()).toMatchObject({ code: 'not_found', params: { what: 'role' } });
    expect(await ctx.db.role.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ nameEn: 'Privé' });
    expect((await globexAdmin.get('/api/roles')).json<{ items: RoleOut[] }>().items.map((r) => r.id)).not.toContain(mine.id);
    // The same name is free in another organization.
    expect((await globexAdmin.post('/api/roles', { name: 'Privé', levels: {} })).statusCode).toBe(201);
    expect((await admin.request('DELETE', '/api/roles/not-a-uuid')).statusCode).toBe(400);
  });
});
