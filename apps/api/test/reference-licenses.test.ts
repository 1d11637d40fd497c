import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivilegeArea, PrivilegeLevel } from '@sesame/db';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/** Issue 15: add-on licences and user types administered through the API (shared/API.md). */
let ctx: TestContext;
let admin: Client;
let licensesViewer: Client;
let licensesUpdater: Client;
let globexAdmin: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);
let seq = 0;

const acme = () => ctx.acme.organizationId;
const typeOf = (key: string) => ctx.db.userType.findFirstOrThrow({ where: { organizationId: acme(), key } });
const lastEvent = (action: string) => ctx.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme(), action }, orderBy: { id: 'desc' } });

/** `n` new active members of the user type `typeKey`. */
async function membersOfType(typeKey: string, n: number): Promise<string[]> {
  const type = await typeOf(typeKey);
  const role = await ctx.db.role.findFirstOrThrow({ where: { organizationId: acme(), key: 'viewer' } });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const username = `lic.${typeKey}.${++seq}`;
    const m = await ctx.db.member.create({
      data: { organizationId: acme(), username, firstName: 'Lic', lastName: username, email: `${username}@example.com`, roleId: role.id, userTypeId: type.id, status: 'active' },
    });
    ids.push(m.id);
  }
  return ids;
}

async function memberWith(username: string, levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>) {
  const m = await makeMember(username, 'viewer');
  await ctx.db.memberPrivilege.createMany({ data: Object.entries(levels).map(([area, level]) => ({ organizationId: m.organizationId, memberId: m.id, area: area as PrivilegeArea, level: level as PrivilegeLevel })) });
  return signedIn(username);
}

async function newLicense(seats: number, typeKeys: string[], client = admin) {
  const userTypeIds = await Promise.all(typeKeys.map(async (k) => (await typeOf(k)).id));
  const res = await client.post('/api/licenses', { name: `Extension ${++seq}`, seats, userTypeIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; name: string; seatsTotal: number; seatsUsed: number; userTypeIds: string[] }>();
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 10 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  globexAdmin = new Client(ctx);
  expect((await globexAdmin.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  licensesViewer = await memberWith('licenses.viewer', { licenses: 'view' });
  licensesUpdater = await memberWith('licenses.updater', { licenses: 'update' });
}, 120_000);
afterAll(async () => ctx?.close());

describe('add-on licences', () => {
  it('creates a licence with seats and user types, assigns it to 3 members and refuses the 4th for want of seats', async () => {
    const license = await newLicense(3, ['creator'], licensesUpdater);
    expect(license).toMatchObject({ seatsTotal: 3, seatsUsed: 0, userTypeIds: [(await typeOf('creator')).id] });
    expect(await lastEvent('license.created')).toMatchObject({ targetId: license.id, after: { seats: 3, userTypes: [{ name: 'Creator' }] } });

    const [a, b, c, d] = await membersOfType('creator', 4);
    const three = await licensesUpdater.post(`/api/licenses/${license.id}/assignments`, { memberIds: [a, b, c] });
    expect(three.statusCode, three.body).toBe(200);
    expect(three.json()).toEqual({ changed: 3, unchanged: 0, memberCount: 3 });
    const fourth = await licensesUpdater.post(`/api/licenses/${license.id}/assignments`, { memberIds: [d] });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({ code: 'seats_exhausted', errors: [{ path: 'memberIds', code: 'license_seats', params: { name: license.name, left: 0, requested: 1, short: 1 } }] });
    expect(await ctx.db.licenseAssignment.count({ where: { licenseId: license.id } })).toBe(3);
    // Assigning a member who already holds it takes no seat.
    expect((await licensesUpdater.post(`/api/licenses/${license.id}/assignments`, { memberIds: [a] })).json()).toEqual({ changed: 0, unchanged: 1, memberCount: 3 });

    const page = (await licensesViewer.get(`/api/licenses/${license.id}/assignments?limit=2`)).json<{ items: { id: string }[]; total: number; nextCursor: string | null }>();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    expect((await licensesViewer.get('/api/licenses')).json<{ items: { id: string; seatsUsed: number }[] }>().items.find((l) => l.id === license.id)?.seatsUsed).toBe(3);

    const removed = await licensesUpdater.post(`/api/licenses/${license.id}/assignments/remove`, { memberIds: [a, b] });
    expect(removed.json()).toEqual({ changed: 2, unchanged: 0, memberCount: 1 });
    expect((await lastEvent('license.unassigned')).after).toMatchObject({ members: [{ id: a }, { id: b }], seatsUsed: 1 });
  });

  it('offers the picker every member with whether they hold it and, when their user type does not suit it, the refusal an assignment gives', async () => {
    const license = await newLicense(3, ['creator']);
    const [holder, free] = await membersOfType('creator', 2);
    const [viewer] = await membersOfType('viewer', 1);
    await admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: [holder] });
    const url = `/api/licenses/${license.id}/candidates?q=lic.&limit=200`;
    const page = (await licensesViewer.get(url)).json<{ items: { id: string; holds: boolean; eligible: boolean; refusal: { code: string; params: Record<string, string> } | null; userType: { key: string } }[]; seatsTotal: number; seatsUsed: number; total: number }>();
    expect(page).toMatchObject({ seatsTotal: 3, seatsUsed: 1 });
    const of = (id: string | undefined) => page.items.find((m) => m.id === id);
    expect(of(holder)).toMatchObject({ holds: true, eligible: true, refusal: null, userType: { key: 'creator' } });
    expect(of(free)).toMatchObject({ holds: false, eligible: true, refusal: null });
    expect(of(viewer)).toMatchObject({ holds: false, eligible: false, refusal: { code: 'incompatible_license', params: { name: license.name, userType: 'Viewer', userTypeFr: 'Lecteur' } } });
    // The same code and params the assignment itself refuses the member with.
    const refused = await admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: [viewer] });
    expect(refused.json().errors[0]).toMatchObject({ code: 'incompatible_license', params: of(viewer)?.refusal?.params });
    // Searched and paged like the other member lists.
    const searched = (await licensesViewer.get(`/api/licenses/${license.id}/candidates?q=${encodeURIComponent(`lic.viewer.`)}&limit=1`)).json<{ items: { userType: { key: string } }[]; nextCursor: string | null }>();
    expect(searched.items).toHaveLength(1);
    expect(searched.items[0]?.userType.key).toBe('viewer');
    // The assignment event names the licence and the members.
    await admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: [free] });
    const event = await lastEvent('license.assigned');
    expect(event).toMatchObject({ targetLabel: license.name, after: { membersCount: 1, seatsUsed: 2, seats: 3, members: [{ id: free, name: expect.stringContaining('Lic lic.creator.') }] } });
    // View on licences reads it; a member without it, and another organization, cannot.
    const plain = await memberWith('licenses.none', {});
    expect((await plain.get(url)).statusCode).toBe(403);
    expect((await globexAdmin.get(url)).statusCode).toBe(404);
    expect((await admin.get(`/api/licenses/${license.id}/candidates?limit=0`)).statusCode).toBe(400);
  });

  it('refuses a member whose user type the licence does not suit, with the wizard’s code and params, and assigns nobody', async () => {
    const license = await newLicense(5, ['creator']);
    const [creator] = await membersOfType('creator', 1);
    const [viewer] = await membersOfType('viewer', 1);
    const res = await admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: [creator, viewer] });
    expect(res.statusCode).toBe(400);
    const [error] = res.json().errors;
    expect(error).toMatchObject({ path: 'memberIds.1', code: 'incompatible_license', params: { name: license.name, userType: 'Viewer', userTypeFr: 'Lecteur' } });
    expect(await ctx.db.licenseAssignment.count({ where: { licenseId: license.id } })).toBe(0);
    // The same code the batch gives for the same licence and user type.
    const batch = await admin.post('/api/members/batch', {
      mode: 'invite',
      members: [{ firstName: 'Ines', lastName: 'Compat', email: `ines.compat${++seq}@example.com`, username: `ines.compat${seq}`, role: 'viewer', userType: 'viewer' }],
      properties: { licenses: [license.id] },
    });
    expect(batch.statusCode).toBe(400);
    const { username: _username, ...sameParams } = error.params;
    expect(batch.json().errors[0]).toMatchObject({ code: 'incompatible_license', params: sameParams });
  });

  it('never exceeds the seats when two administrators assign the last seats at once', async () => {
    const license = await newLicense(2, ['creator']);
    const [a, b, c, d] = await membersOfType('creator', 4);
    const second = new Client(ctx, '10.9.9.9');
    expect((await second.signIn('licenses.updater', 'Member-pass-42')).statusCode).toBe(200);
    const results = await Promise.all([admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: [a, b] }), second.post(`/api/licenses/${license.id}/assignments`, { memberIds: [c, d] })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await ctx.db.licenseAssignment.count({ where: { licenseId: license.id } })).toBe(2);
  });

  it('changes seats but never below those used, and keeps a user type whose members hold it', async () => {
    const license = await newLicense(4, ['creator', 'professional']);
    const creators = await membersOfType('creator', 3);
    await admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: creators });
    const below = await admin.request('PATCH', `/api/licenses/${license.id}`, { seats: 2 });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({ code: 'seats_below_used', errors: [{ path: 'seats', code: 'seats_below_used', params: { used: 3, seats: 2 } }] });
    const ok = await admin.request('PATCH', `/api/licenses/${license.id}`, { seats: 3, name: `${license.name} bis` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ seatsTotal: 3, name: `${license.name} bis` });
    expect(await lastEvent('license.updated')).toMatchObject({ before: { seats: 4, name: license.name }, after: { seats: 3 } });

    const professional = await typeOf('professional');
    const dropCreator = await admin.request('PATCH', `/api/licenses/${license.id}`, { userTypeIds: [professional.id] });
    expect(dropCreator.statusCode).toBe(409);
    expect(dropCreator.json()).toMatchObject({ code: 'compatibility_in_use', errors: [{ path: 'userTypeIds', params: { count: 3, item: 'Creator', itemFr: 'Créateur' } }] });
    const dropProfessional = await admin.request('PATCH', `/api/licenses/${license.id}`, { userTypeIds: [(await typeOf('creator')).id] });
    expect(dropProfessional.statusCode, dropProfessional.body).toBe(200);
    expect(dropProfessional.json().userTypeIds).toEqual([(await typeOf('creator')).id]);
  });

  it('deletes a licence still assigned only when confirmed, taking it from its members and from the defaults', async () => {
    const license = await newLicense(3, ['creator']);
    const holders = await membersOfType('creator', 2);
    await admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: holders });
    await admin.request('PATCH', '/api/organization', { defaultUserTypeId: (await typeOf('creator')).id, defaultLicenseIds: [license.id] });
    const refused = await admin.request('DELETE', `/api/licenses/${license.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('license_in_use');
    expect(refused.json().detail).toContain('2 members');
    expect(refused.json().detail).toContain(license.name);
    const done = await admin.request('DELETE', `/api/licenses/${license.id}?removeAssignments=true`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ id: license.id, name: license.name, assignmentsRemoved: 2 });
    expect((await admin.get('/api/organization')).json().defaultLicenseIds).not.toContain(license.id);
    expect(await lastEvent('license.deleted')).toMatchObject({ targetLabel: license.name, before: { assignments: 2 } });
    const unassigned = await newLicense(1, ['creator']);
    expect((await admin.request('DELETE', `/api/licenses/${unassigned.id}`)).statusCode).toBe(200);
  });

  it('refuses View where Update is needed (with a positive control), bad input with the field, a taken name, and another organization’s licence', async () => {
    const creator = (await typeOf('creator')).id;
    expect((await licensesViewer.post('/api/licenses', { name: 'Refusée', seats: 1, userTypeIds: [creator] })).statusCode).toBe(403);
    expect(await ctx.db.license.count({ where: { organizationId: acme(), name: 'Refusée' } })).toBe(0);
    const made = await newLicense(1, ['creator'], licensesUpdater);
    const bad = [{ name: 'X', seats: -1, userTypeIds: [] }, { name: 'X', seats: 1.5, userTypeIds: [] }, { name: '', seats: 1, userTypeIds: [] }, { name: 'X', seats: 1, userTypeIds: ['nope'] }];
    for (const body of bad) expect((await admin.post('/api/licenses', body)).statusCode, JSON.stringify(body)).toBe(400);
    const foreignType = await ctx.db.userType.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
    const foreign = await admin.post('/api/licenses', { name: 'Étrangère', seats: 1, userTypeIds: [foreignType.id] });
    expect(foreign.json().errors).toEqual([expect.objectContaining({ path: 'userTypeIds.0', code: 'unknown_user_type' })]);
    expect((await admin.post('/api/licenses', { name: made.name.toUpperCase(), seats: 1, userTypeIds: [] })).json()).toMatchObject({ code: 'name_taken' });
    for (const [method, url, body] of [
      ['PATCH', `/api/licenses/${made.id}`, { seats: 9 }],
      ['DELETE', `/api/licenses/${made.id}`, undefined],
      ['POST', `/api/licenses/${made.id}/assignments`, { memberIds: [(await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } })).id] }],
      ['GET', `/api/licenses/${made.id}/assignments`, undefined],
    ] as const) {
      expect((await globexAdmin.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await ctx.db.license.findUniqueOrThrow({ where: { id: made.id } })).seats).toBe(1);
  });
});

describe('user types', () => {
  it('changes seats (null: unlimited) but never below the members of the type', async () => {
    const type = await typeOf('mobile_worker');
    await membersOfType('mobile_worker', 2);
    const members = await ctx.db.member.count({ where: { userTypeId: type.id } });
    const below = await licensesUpdater.request('PATCH', `/api/user-types/${type.id}`, { seats: members - 1 });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({ code: 'seats_below_used', errors: [{ path: 'seats', params: { used: members, seats: members - 1 } }] });
    const exact = await licensesUpdater.request('PATCH', `/api/user-types/${type.id}`, { seats: members });
    expect(exact.statusCode, exact.body).toBe(200);
    expect(exact.json()).toMatchObject({ id: type.id, seatLimit: members, seatsUsed: members });
    expect(await lastEvent('user_type.updated')).toMatchObject({ targetLabel: 'Mobile Worker', before: { seats: null }, after: { seats: members } });
    expect((await licensesUpdater.request('PATCH', `/api/user-types/${type.id}`, { seats: null })).json().seatLimit).toBeNull();
  });

  it('keeps a compatible role or licence members of the type rely on, naming how many; removes one nobody relies on', async () => {
    const type = await typeOf('contributor');
    const roles = await ctx.db.role.findMany({ where: { organizationId: acme(), key: { in: ['viewer', 'data_editor'] } } });
    const viewerRole = roles.find((r) => r.key === 'viewer');
    const editorRole = roles.find((r) => r.key === 'data_editor');
    await membersOfType('contributor', 1); // role viewer
    const count = await ctx.db.member.count({ where: { userTypeId: type.id, roleId: viewerRole?.id } });
    const editors = await ctx.db.member.count({ where: { userTypeId: type.id, roleId: editorRole?.id } });
    const dropViewer = await admin.request('PATCH', `/api/user-types/${type.id}`, { roleIds: [editorRole?.id] });
    expect(dropViewer.statusCode).toBe(409);
    expect(dropViewer.json()).toMatchObject({ code: 'compatibility_in_use', errors: [{ path: 'roleIds', params: { count, item: 'Viewer', itemFr: 'Lecteur' } }] });
    if (editors === 0) {
      const dropEditor = await admin.request('PATCH', `/api/user-types/${type.id}`, { roleIds: [viewerRole?.id] });
      expect(dropEditor.statusCode, dropEditor.body).toBe(200);
      expect(dropEditor.json().compatibleRoles.map((r: { key: string }) => r.key)).toEqual(['viewer']);
    }

    const license = await newLicense(2, ['contributor']);
    const [holder] = await membersOfType('contributor', 1);
    await admin.post(`/api/licenses/${license.id}/assignments`, { memberIds: [holder] });
    const dropLicense = await admin.request('PATCH', `/api/user-types/${type.id}`, { licenseIds: [] });
    expect(dropLicense.statusCode).toBe(409);
    expect(dropLicense.json().errors).toContainEqual(expect.objectContaining({ path: 'licenseIds', code: 'compatibility_in_use', params: expect.objectContaining({ count: 1, item: license.name }) }));
  });

  it('refuses unknown ids with their path, View on licences (403, with a positive control), and another organization’s type (404)', async () => {
    const type = await typeOf('professional');
    const res = await admin.request('PATCH', `/api/user-types/${type.id}`, { roleIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'roleIds.0', code: 'unknown_role' });
    expect((await licensesViewer.request('PATCH', `/api/user-types/${type.id}`, { seats: null })).statusCode).toBe(403);
    expect((await licensesUpdater.request('PATCH', `/api/user-types/${type.id}`, { seats: null })).statusCode).toBe(200);
    expect((await globexAdmin.request('PATCH', `/api/user-types/${type.id}`, { seats: 1000 })).statusCode).toBe(404);
    expect((await admin.request('PATCH', `/api/user-types/${type.id}`, {})).statusCode).toBe(400);
  });
});
