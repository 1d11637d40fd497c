import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivilegeArea, PrivilegeLevel } from '@sesame/db';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/** Issue 15: member categories and groups administered through the API (shared/API.md). */
let ctx: TestContext;
let admin: Client;
let groupsUpdater: Client;
let groupsViewer: Client;
let globexAdmin: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

async function memberWith(username: string, levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>, roleKey = 'viewer') {
  const m = await makeMember(username, roleKey);
  const data = Object.entries(levels).map(([area, level]) => ({ organizationId: m.organizationId, memberId: m.id, area: area as PrivilegeArea, level: level as PrivilegeLevel }));
  if (data.length) await ctx.db.memberPrivilege.createMany({ data });
  return { member: m, client: await signedIn(username) };
}

const acme = () => ctx.acme.organizationId;
const lastEvent = (action: string) => ctx.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme(), action }, orderBy: { id: 'desc' } });
const acmeMembers = async (n: number, skip = 0) =>
  (await ctx.db.member.findMany({ where: { organizationId: acme(), status: 'active' }, orderBy: { username: 'asc' }, skip, take: n, select: { id: true, username: true, firstName: true, lastName: true } })).map((m) => m);
const named = (m: { id: string; username: string; firstName: string; lastName: string }) => ({ id: m.id, username: m.username, name: `${m.firstName} ${m.lastName}` });

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 30 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  globexAdmin = new Client(ctx);
  expect((await globexAdmin.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  groupsUpdater = (await memberWith('groups.updater', { groups: 'update' })).client;
  groupsViewer = (await memberWith('groups.viewer', { groups: 'view' })).client;
}, 120_000);
afterAll(async () => ctx?.close());

describe('member categories', () => {
  it('creates, renames and deletes with Update on groups and categories, one audit event each with names', async () => {
    const created = await groupsUpdater.post('/api/member-categories', { name: '  Bénévole  ' });
    expect(created.statusCode, created.body).toBe(201);
    const category = created.json<{ id: string; name: string; memberCount: number }>();
    expect(category).toMatchObject({ name: 'Bénévole', memberCount: 0 });
    expect(await lastEvent('category.created')).toMatchObject({ targetId: category.id, targetLabel: 'Bénévole', after: { name: 'Bénévole' } });

    const members = await acmeMembers(3);
    await ctx.db.memberCategoryAssignment.createMany({ data: members.map((m) => ({ organizationId: acme(), memberId: m.id, categoryId: category.id })) });
    const listed = (await groupsViewer.get('/api/member-categories')).json<{ items: { id: string; memberCount: number }[] }>().items;
    expect(listed.find((c) => c.id === category.id)?.memberCount).toBe(3);

    const renamed = await groupsUpdater.request('PATCH', `/api/member-categories/${category.id}`, { name: 'Bénévoles' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toEqual({ id: category.id, name: 'Bénévoles', memberCount: 3 });
    expect(await lastEvent('category.renamed')).toMatchObject({ before: { name: 'Bénévole' }, after: { name: 'Bénévoles' } });
    // The members keep it under its new name.
    const page = (await admin.get(`/api/members/${members[0]?.id}`)).json<{ categories: { id: string; name: string }[] }>();
    expect(page.categories).toContainEqual(expect.objectContaining({ id: category.id, name: 'Bénévoles' }));

    const deleted = await groupsUpdater.request('DELETE', `/api/member-categories/${category.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ id: category.id, name: 'Bénévoles', membersAffected: 3 });
    expect(await ctx.db.memberCategoryAssignment.count({ where: { categoryId: category.id } })).toBe(0);
    expect(await lastEvent('category.deleted')).toMatchObject({ targetLabel: 'Bénévoles', before: { name: 'Bénévoles', memberCount: 3 } });
  });

  it('refuses a name another category has, whatever its case, with 409 name_taken on name', async () => {
    const res = await admin.post('/api/member-categories', { name: 'siège' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'name_taken', errors: [{ path: 'name', code: 'name_taken' }] });
    const other = (await admin.post('/api/member-categories', { name: 'Intérimaire' })).json<{ id: string }>();
    const rename = await admin.request('PATCH', `/api/member-categories/${other.id}`, { name: 'CADRE' });
    expect(rename.statusCode).toBe(409);
    expect((await ctx.db.memberCategory.findUniqueOrThrow({ where: { id: other.id } })).name).toBe('Intérimaire');
  });

  it('gives exactly one of two concurrent creations of the same name', async () => {
    const results = await Promise.all([admin.post('/api/member-categories', { name: 'Saisonnier' }), groupsUpdater.post('/api/member-categories', { name: 'saisonnier' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await ctx.db.memberCategory.count({ where: { organizationId: acme(), name: { equals: 'saisonnier', mode: 'insensitive' } } })).toBe(1);
  });

  it('refuses View on groups (403) where Update is needed, with a positive control, and bad input with the field', async () => {
    const refused = await groupsViewer.post('/api/member-categories', { name: 'Refusée' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect(await ctx.db.memberCategory.count({ where: { organizationId: acme(), name: 'Refusée' } })).toBe(0);
    expect((await groupsUpdater.post('/api/member-categories', { name: 'Acceptée' })).statusCode).toBe(201);

    for (const body of [{ name: '   ' }, { name: 'a\u0000b' }, { name: 'x'.repeat(101) }, {}, { name: 'Ok', extra: 1 }]) {
      const res = await admin.post('/api/member-categories', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const blank = await admin.post('/api/member-categories', { name: '   ' });
    expect(blank.json().errors[0]).toMatchObject({ path: 'name', code: 'required' });
  });

  it('keeps each organization’s categories to itself: another organization’s id is 404 and unchanged', async () => {
    const mine = (await admin.post('/api/member-categories', { name: 'Privée' })).json<{ id: string }>();
    expect((await globexAdmin.request('PATCH', `/api/member-categories/${mine.id}`, { name: 'Volée' })).statusCode).toBe(404);
    expect((await globexAdmin.request('DELETE', `/api/member-categories/${mine.id}`)).statusCode).toBe(404);
    expect(await ctx.db.memberCategory.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ name: 'Privée' });
    expect((await admin.request('DELETE', '/api/member-categories/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('groups', () => {
  it('creates a group owned by the creator unless told, lists it with its owner, marks it default, renames it', async () => {
    const created = await groupsUpdater.post('/api/groups', { name: 'Cartographes', description: 'Équipe SIG' });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json<{ id: string; owner: { username: string }; isDefault: boolean; canEdit: boolean; canManageMembers: boolean }>();
    expect(group).toMatchObject({ owner: { username: 'groups.updater' }, isDefault: false, canEdit: true, canManageMembers: true });
    expect(await lastEvent('group.created')).toMatchObject({ targetLabel: 'Cartographes', after: { name: 'Cartographes', owner: { username: 'groups.updater' } } });

    const made = await groupsUpdater.request('PATCH', `/api/groups/${group.id}`, { isDefault: true, name: 'Cartographie' });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ name: 'Cartographie', isDefault: true });
    const defaults = (await admin.get('/api/organization')).json<{ defaultGroupIds: string[] }>().defaultGroupIds;
    expect(defaults).toContain(group.id);
    const event = await lastEvent('group.updated');
    expect(event.before).toEqual({ name: 'Cartographes', isDefault: false });
    expect(event.after).toEqual({ name: 'Cartographie', isDefault: true });

    const listed = (await groupsViewer.get('/api/groups')).json<{ items: { id: string; ownerName: string; isDefault: boolean; memberCount: number }[] }>().items;
    expect(listed.find((g) => g.id === group.id)).toMatchObject({ ownerName: 'Test groups.updater', isDefault: true, memberCount: 0 });

    // Saving what it already is changes nothing and records nothing.
    const before = await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'group.updated' } });
    expect((await groupsUpdater.request('PATCH', `/api/groups/${group.id}`, { name: 'Cartographie' })).statusCode).toBe(200);
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'group.updated' } })).toBe(before);
  });

  it('refuses a taken name (409), an owner from another organization or not active (400 on ownerId), and Update without the level (403)', async () => {
    expect((await admin.post('/api/groups', { name: 'cartographie' })).json()).toMatchObject({ code: 'name_taken' });
    const foreign = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
    const res = await admin.post('/api/groups', { name: 'Étrangers', ownerId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'ownerId', code: 'unknown_member' })]);
    const pending = await makeMember('pending.owner', 'user', { status: 'pending' });
    expect((await admin.post('/api/groups', { name: 'En attente', ownerId: pending.id })).json().errors[0]).toMatchObject({ path: 'ownerId', code: 'member_not_active' });
    expect(await ctx.db.group.count({ where: { organizationId: acme(), name: { in: ['Étrangers', 'En attente'] } } })).toBe(0);

    expect((await groupsViewer.post('/api/groups', { name: 'Lecteurs' })).statusCode).toBe(403);
    expect((await groupsUpdater.post('/api/groups', { name: 'Lecteurs' })).statusCode).toBe(201);
  });

  it('adds and removes several members at once, all or nothing, pages them with search, and audits names', async () => {
    const group = (await admin.post('/api/groups', { name: 'Topographes' })).json<{ id: string }>();
    const members = await acmeMembers(5);
    const ids = members.map((m) => m.id);
    const added = await admin.post(`/api/groups/${group.id}/members`, { memberIds: ids });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ changed: 5, unchanged: 0, memberCount: 5 });
    expect(await lastEvent('group.members_added')).toMatchObject({ targetLabel: 'Topographes', after: { memberCount: 5, members: members.map(named) } });

    // Again, plus one id of another organization: refused whole, with the path of the bad id.
    const foreign = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
    const more = await acmeMembers(1, 5);
    const mixed = await admin.post(`/api/groups/${group.id}/members`, { memberIds: [more[0]?.id, foreign.id] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors).toEqual([expect.objectContaining({ path: 'memberIds.1', code: 'unknown_member' })]);
    expect(await ctx.db.groupMembership.count({ where: { groupId: group.id } })).toBe(5);

    const first = (await admin.get(`/api/groups/${group.id}/members?limit=2`)).json<{ items: { username: string }[]; total: number; nextCursor: string | null }>();
    expect(first.items.map((m) => m.username)).toEqual(members.slice(0, 2).map((m) => m.username));
    expect(first.total).toBe(5);
    const second = (await admin.get(`/api/groups/${group.id}/members?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)).json<{ items: { username: string }[] }>();
    expect(second.items.map((m) => m.username)).toEqual(members.slice(2, 4).map((m) => m.username));
    const searched = (await admin.get(`/api/groups/${group.id}/members?q=${encodeURIComponent(members[4]?.username ?? '')}`)).json<{ items: { id: string }[]; total: number }>();
    expect(searched.items.map((m) => m.id)).toEqual([members[4]?.id]);

    const removed = await admin.post(`/api/groups/${group.id}/members/remove`, { memberIds: [ids[0], ids[1], more[0]?.id] });
    expect(removed.json()).toEqual({ changed: 2, unchanged: 1, memberCount: 3 });
    expect((await lastEvent('group.members_removed')).after).toEqual({ members: [named(members[0]!), named(members[1]!)], memberCount: 3 });
  });

  it('lets a group’s owner without Update on groups manage its members only, and nothing else', async () => {
    const { member: owner, client: ownerClient } = await memberWith('group.owner', {}, 'viewer');
    const own = (await admin.post('/api/groups', { name: 'Du propriétaire', ownerId: owner.id })).json<{ id: string }>();
    const other = (await admin.post('/api/groups', { name: 'D’un autre' })).json<{ id: string }>();
    const [m] = await acmeMembers(1, 10);
    const detail = await ownerClient.get(`/api/groups/${own.id}`);
    expect(detail.json()).toMatchObject({ canEdit: false, canManageMembers: true });
    expect((await ownerClient.post(`/api/groups/${own.id}/members`, { memberIds: [m?.id] })).statusCode).toBe(200);
    expect((await ownerClient.get(`/api/groups/${own.id}/members`)).json().total).toBe(1);
    // Not another group, and not renaming or deleting their own.
    expect((await ownerClient.post(`/api/groups/${other.id}/members`, { memberIds: [m?.id] })).statusCode).toBe(403);
    expect((await ownerClient.get(`/api/groups/${other.id}/members`)).statusCode).toBe(403);
    expect((await ownerClient.request('PATCH', `/api/groups/${own.id}`, { name: 'Renommé' })).statusCode).toBe(403);
    expect((await ownerClient.request('DELETE', `/api/groups/${own.id}`)).statusCode).toBe(403);
    expect(await ctx.db.groupMembership.count({ where: { groupId: other.id } })).toBe(0);
  });

  it('offers whoever manages a group’s members the members not in it yet, searched and paged; nobody else', async () => {
    const { member: owner, client: ownerClient } = await memberWith('picker.owner', {}, 'viewer');
    const group = (await admin.post('/api/groups', { name: 'Choisis', ownerId: owner.id })).json<{ id: string }>();
    const other = (await admin.post('/api/groups', { name: 'Pas à lui' })).json<{ id: string }>();
    const [inside, outside] = await acmeMembers(2, 14);
    await admin.post(`/api/groups/${group.id}/members`, { memberIds: [inside?.id] });
    const total = await ctx.db.member.count({ where: { organizationId: acme() } });
    const all = (await ownerClient.get(`/api/groups/${group.id}/candidates?limit=200`)).json<{ items: { id: string }[]; total: number }>();
    expect(all.total).toBe(total - 1);
    expect(all.items.map((m) => m.id)).not.toContain(inside?.id);
    const found = (await ownerClient.get(`/api/groups/${group.id}/candidates?q=${encodeURIComponent(outside?.username ?? '')}`)).json<{ items: { id: string }[] }>();
    expect(found.items.map((m) => m.id)).toEqual([outside?.id]);
    expect((await ownerClient.get(`/api/groups/${other.id}/candidates`)).statusCode).toBe(403);
    expect((await groupsViewer.get(`/api/groups/${group.id}/candidates`)).statusCode).toBe(403);
    expect((await groupsUpdater.get(`/api/groups/${group.id}/candidates`)).statusCode).toBe(200);
    expect((await globexAdmin.get(`/api/groups/${group.id}/candidates`)).statusCode).toBe(404);
    expect((await admin.get(`/api/groups/${group.id}/candidates?limit=0`)).json().errors[0]).toMatchObject({ path: 'querystring.limit' });

    // Their own groups, without any level on groups; another member owns none.
    const owned = (await ownerClient.get('/api/groups/owned')).json<{ items: { id: string; memberCount: number }[] }>().items;
    expect(owned).toEqual([expect.objectContaining({ id: group.id, memberCount: 1 })]);
    expect((await ownerClient.get('/api/groups')).statusCode).toBe(403);
    expect((await groupsViewer.get('/api/groups/owned')).json().items).toEqual([]);
  });

  it('deletes a group: its memberships and default mark go, its members and content stay; another organization gets 404', async () => {
    const group = (await admin.post('/api/groups', { name: 'Éphémère', isDefault: true })).json<{ id: string }>();
    const members = await acmeMembers(2, 12);
    await admin.post(`/api/groups/${group.id}/members`, { memberIds: members.map((m) => m.id) });
    expect((await globexAdmin.request('DELETE', `/api/groups/${group.id}`)).statusCode).toBe(404);
    expect((await globexAdmin.get(`/api/groups/${group.id}`)).statusCode).toBe(404);
    expect((await globexAdmin.post(`/api/groups/${group.id}/members`, { memberIds: [members[0]?.id] })).statusCode).toBe(404);
    const res = await admin.request('DELETE', `/api/groups/${group.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: group.id, name: 'Éphémère', membersRemoved: 2 });
    expect(await ctx.db.member.count({ where: { id: { in: members.map((m) => m.id) } } })).toBe(2);
    expect(await ctx.db.organizationDefaultGroup.count({ where: { groupId: group.id } })).toBe(0);
    expect(await lastEvent('group.deleted')).toMatchObject({ targetLabel: 'Éphémère', before: { memberCount: 2 } });
  });
});
