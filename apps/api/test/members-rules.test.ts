import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEvent, ActivityList } from '@sesame/contracts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/**
 * Rules of managing members that members-manage.test.ts leaves open: the self-edit rule,
 * selected transfers, the last administrator under concurrency, refused cases with their
 * precise codes (and nothing changed), and the audit trail as the Activity page reads it.
 */
let ctx: TestContext;
let admin: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

/** A role with Update on members and nothing else (not an administrator). */
async function memberManagerRole() {
  const organizationId = ctx.acme.organizationId;
  const existing = await ctx.db.role.findFirst({ where: { organizationId, key: 'rules_member_manager' } });
  if (existing) return existing;
  const role = await ctx.db.role.create({
    data: { organizationId, key: 'rules_member_manager', nameEn: 'Member manager', nameFr: 'Gestionnaire des membres', privileges: { create: [{ area: 'members', level: 'update' }] } },
  });
  for (const type of await ctx.db.userType.findMany({ where: { organizationId } })) await ctx.db.userTypeRole.create({ data: { userTypeId: type.id, roleId: role.id } });
  return role;
}

async function makeManager(username: string) {
  const role = await memberManagerRole();
  const m = await makeMember(username);
  await ctx.db.member.update({ where: { id: m.id }, data: { roleId: role.id } });
  return m;
}

/** What a refused change must leave as it was. */
async function snapshot(id: string) {
  const m = await ctx.db.member.findUniqueOrThrow({
    where: { id },
    include: { role: true, userType: true, licenses: true, groups: true, categories: true },
  });
  return {
    firstName: m.firstName,
    lastName: m.lastName,
    description: m.description,
    country: m.country,
    status: m.status,
    role: m.role.key,
    userType: m.userType.key,
    licenses: m.licenses.map((l) => l.licenseId).sort(),
    groups: m.groups.map((g) => g.groupId).sort(),
    categories: m.categories.map((c) => c.categoryId).sort(),
    thumbnailType: m.thumbnailType,
    passwordHash: m.passwordHash,
  };
}

const patch = (c: Client, id: string, body: unknown) => c.request('PATCH', `/api/members/${id}`, body);

/** The newest audit event about a member, read as the Activity page reads it. */
async function lastActivity(memberId: string, action: string): Promise<ActivityEvent> {
  const res = await admin.get(`/api/activity?member=${memberId}&action=${action}`);
  expect(res.statusCode, res.body).toBe(200);
  const { items } = res.json<ActivityList>();
  expect(items.length, `${action} for ${memberId}`).toBeGreaterThan(0);
  return items[0]!;
}

/** A 4xx rendered as problem+json with the given status and code. */
function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status, code });
}

/**
 * Holds the organization's row lock from outside the API while `start` sends requests, and
 * lets go only once `waiters` of them are queued behind it: two administrators acting on
 * each other are then both past authentication, and the lock decides their order. Polls
 * the database for waiting backends; no fixed sleep.
 */
async function withOrganizationLocked<T>(organizationId: string, waiters: number, start: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: ctx.url });
  await lock.connect();
  try {
    await lock.query('BEGIN');
    await lock.query('SELECT id FROM "Organization" WHERE id = $1 FOR UPDATE', [organizationId]);
    let settled = false;
    const running = start().finally(() => {
      settled = true;
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await lock.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]!.n >= waiters) break;
      if (settled || Date.now() > deadline) throw new Error(`only ${rows[0]!.n} of ${waiters} requests reached the organization lock`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await lock.query('COMMIT');
    return await running;
  } finally {
    await lock.end();
  }
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 10 });
  admin = await signedIn('admin', ADMIN_PASSWORD);
});
afterAll(async () => ctx?.close());

describe('PATCH /api/members/:id — editing one’s own profile without Update on members', () => {
  it('a member with View (User role) or no level on members (Viewer) saves their own profile and settings', async () => {
    for (const [username, role] of [
      ['self.user', 'user'],
      ['self.viewer', 'viewer'],
    ] as const) {
      const m = await makeMember(username, role);
      const me = await signedIn(username);
      const res = await patch(me, m.id, { firstName: 'Renée', description: 'Géomaticienne', country: 'France', language: 'en', profileVisibility: 'organization' });
      expect(res.statusCode, res.body).toBe(200);
      expect(await ctx.db.member.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
        firstName: 'Renée',
        description: 'Géomaticienne',
        country: 'France',
        language: 'en',
        profileVisibility: 'organization',
      });
      const event = await lastActivity(m.id, 'member.updated');
      expect(event).toMatchObject({ actor: { id: m.id, username } });
      expect(event.after).toMatchObject({ firstName: 'Renée', country: 'France' });
      expect(event.before).toMatchObject({ firstName: 'Test', country: null });
    }
  });

  it('refuses their own role, user type, licences, groups and categories (403, nothing changed), which an administrator may set', async () => {
    const org = ctx.acme.organizationId;
    const m = await makeMember('self.access');
    const me = await signedIn('self.access');
    const license = await ctx.db.license.findFirstOrThrow({ where: { organizationId: org, key: 'desktop_pro' } });
    const group = await ctx.db.group.create({ data: { organizationId: org, name: 'Groupe convoité', ownerId: ctx.acme.adminId } });
    const category = await ctx.db.memberCategory.create({ data: { organizationId: org, name: 'Catégorie convoitée' } });
    const before = await snapshot(m.id);
    const refusedBodies = [
      { role: 'publisher' },
      // Even the role they already have: the field itself is out of reach.
      { role: 'user' },
      { userType: 'creator' },
      { licenses: [license.id] },
      { licenses: [] },
      { groups: [group.id] },
      { categories: [category.id] },
      // A profile change carrying an access field is refused as a whole.
      { firstName: 'Sneaky', groups: [group.id] },
    ];
    for (const body of refusedBodies) {
      const res = await patch(me, m.id, body);
      expectProblem(res, 403, 'forbidden');
      expect(await snapshot(m.id), JSON.stringify(body)).toEqual(before);
    }
    expect((await admin.get(`/api/activity?member=${m.id}&action=member.updated`)).json<ActivityList>().items).toHaveLength(0);

    const given = await patch(admin, m.id, { role: 'publisher', licenses: [license.id], groups: [group.id], categories: [category.id] });
    expect(given.statusCode, given.body).toBe(200);
    expect(await snapshot(m.id)).toMatchObject({ role: 'publisher', licenses: [license.id], groups: [group.id], categories: [category.id] });
  });

  it('refuses someone else’s profile without Update on members (403), which a member manager may change', async () => {
    const other = await makeMember('someone.else');
    const before = await snapshot(other.id);
    const user = await signedIn((await makeMember('nosy.user')).username);
    const viewer = await signedIn((await makeMember('nosy.viewer', 'viewer')).username);
    for (const c of [user, viewer]) {
      expectProblem(await patch(c, other.id, { firstName: 'Changed' }), 403, 'forbidden');
      expectProblem(await patch(c, other.id, { description: 'x' }), 403, 'forbidden');
    }
    expect(await snapshot(other.id)).toEqual(before);
    const manager = await signedIn((await makeManager('rules.manager')).username);
    const res = await patch(manager, other.id, { firstName: 'Changed' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await snapshot(other.id)).firstName).toBe('Changed');
  });
});

describe('transfer ownership of selected items', () => {
  it('moves only the selected content and groups, leaves the rest with the owner, and records it', async () => {
    const org = ctx.acme.organizationId;
    const owner = await makeMember('sel.owner');
    const heir = await makeMember('sel.heir');
    const items = await Promise.all(
      ['Carte A', 'Carte B', 'Carte C'].map((title) => ctx.db.contentItem.create({ data: { organizationId: org, ownerId: owner.id, title, kind: 'map' } })),
    );
    const groups = await Promise.all(['Groupe A', 'Groupe B'].map((name) => ctx.db.group.create({ data: { organizationId: org, name, ownerId: owner.id } })));
    const res = await admin.post(`/api/members/${owner.id}/transfer-ownership`, {
      toMemberId: heir.id,
      // A repeated id counts once.
      contentIds: [items[0]!.id, items[1]!.id, items[0]!.id],
      groupIds: [groups[1]!.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ contentTransferred: 2, groupsTransferred: 1 });
    const ownerOf = async (id: string) => (await ctx.db.contentItem.findUniqueOrThrow({ where: { id } })).ownerId;
    expect([await ownerOf(items[0]!.id), await ownerOf(items[1]!.id), await ownerOf(items[2]!.id)]).toEqual([heir.id, heir.id, owner.id]);
    const groupOwners = await ctx.db.group.findMany({ where: { id: { in: groups.map((g) => g.id) } }, orderBy: { name: 'asc' }, select: { ownerId: true } });
    expect(groupOwners.map((g) => g.ownerId)).toEqual([owner.id, heir.id]);
    expect((await admin.get(`/api/members/${owner.id}`)).json()).toMatchObject({ ownedContentTotal: 1, ownedGroupsTotal: 1, ownedContent: [{ title: 'Carte C' }] });

    const event = await lastActivity(owner.id, 'member.ownership_transferred');
    expect(event).toMatchObject({ actor: { id: ctx.acme.adminId, username: 'admin' }, target: { type: 'member', id: owner.id, label: 'sel.owner' } });
    expect(event.before).toEqual({ owner: 'sel.owner' });
    expect(event.after).toEqual({ owner: 'sel.heir', content: 2, groupsTransferred: 1 });

    // Only these groups, and no content: the empty list selects nothing.
    const groupsOnly = await admin.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: heir.id, contentIds: [], groupIds: [groups[0]!.id] });
    expect(groupsOnly.json()).toEqual({ contentTransferred: 0, groupsTransferred: 1 });
    expect(await ownerOf(items[2]!.id)).toBe(owner.id);
  });

  it('refuses a selected item the member does not own, or another organization’s, with 400 not_owned and moves nothing', async () => {
    const org = ctx.acme.organizationId;
    const owner = await makeMember('bad.owner');
    const heir = await makeMember('bad.heir');
    const bystander = await makeMember('bad.bystander');
    const mine = await ctx.db.contentItem.create({ data: { organizationId: org, ownerId: owner.id, title: 'À moi', kind: 'map' } });
    const myGroup = await ctx.db.group.create({ data: { organizationId: org, name: 'Mon groupe', ownerId: owner.id } });
    const theirs = await ctx.db.contentItem.create({ data: { organizationId: org, ownerId: bystander.id, title: 'À un autre', kind: 'map' } });
    const theirGroup = await ctx.db.group.create({ data: { organizationId: org, name: 'Son groupe', ownerId: bystander.id } });
    const elsewhere = await ctx.db.contentItem.create({ data: { organizationId: ctx.globex.organizationId, ownerId: ctx.globex.adminId, title: 'Chez Globex', kind: 'map' } });
    const elsewhereGroup = await ctx.db.group.create({ data: { organizationId: ctx.globex.organizationId, name: 'Groupe Globex', ownerId: ctx.globex.adminId } });
    const owners = async () => {
      const [c, g] = await Promise.all([
        ctx.db.contentItem.findMany({ where: { id: { in: [mine.id, theirs.id, elsewhere.id] } }, select: { id: true, ownerId: true }, orderBy: { id: 'asc' } }),
        ctx.db.group.findMany({ where: { id: { in: [myGroup.id, theirGroup.id, elsewhereGroup.id] } }, select: { id: true, ownerId: true }, orderBy: { id: 'asc' } }),
      ]);
      return { c, g };
    };
    const before = await owners();
    const transfer = (body: Record<string, unknown>) => admin.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: heir.id, ...body });

    const someoneElses = await transfer({ contentIds: [mine.id, theirs.id], groupIds: [myGroup.id] });
    expectProblem(someoneElses, 400, 'validation_failed');
    expect(someoneElses.json().errors).toEqual([{ path: 'contentIds.1', code: 'not_owned', message: expect.stringContaining(theirs.id), params: { kind: 'content', id: theirs.id, owner: expect.any(String) } }]);
    const otherOrg = await transfer({ contentIds: [elsewhere.id] });
    expectProblem(otherOrg, 400, 'validation_failed');
    expect(otherOrg.json().errors).toEqual([{ path: 'contentIds.0', code: 'not_owned', message: expect.any(String), params: { kind: 'content', id: elsewhere.id, owner: expect.any(String) } }]);
    const groupsRefused = await transfer({ contentIds: [mine.id], groupIds: [myGroup.id, elsewhereGroup.id, theirGroup.id] });
    expectProblem(groupsRefused, 400, 'validation_failed');
    expect(groupsRefused.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['groupIds.1', 'not_owned'],
      ['groupIds.2', 'not_owned'],
    ]);
    const unknown = await transfer({ contentIds: ['7f1d8f0e-1c59-4c52-9d6b-3b1a2f0c9e11'] });
    expectProblem(unknown, 400, 'validation_failed');
    expect(unknown.json().errors[0]).toMatchObject({ code: 'not_owned' });
    expectProblem(await transfer({ contentIds: ['not-a-uuid'] }), 400, 'validation_failed');

    expect(await owners()).toEqual(before);
    expect((await admin.get(`/api/activity?member=${owner.id}&action=member.ownership_transferred`)).json<ActivityList>().items).toHaveLength(0);
    // Nobody without Update on members transfers anything, even what is selectable.
    const user = await signedIn((await makeMember('bad.user')).username);
    expectProblem(await user.post(`/api/members/${owner.id}/transfer-ownership`, { toMemberId: heir.id, contentIds: [mine.id] }), 403, 'forbidden');
    expect(await owners()).toEqual(before);
    // The same request with only what the member owns goes through.
    expect((await transfer({ contentIds: [mine.id], groupIds: [myGroup.id] })).json()).toEqual({ contentTransferred: 1, groupsTransferred: 1 });
  });
});

describe('refused requests: precise codes, clean problems, nothing changed', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 3)]);
  const putPicture = (c: Client, id: string) => c.request('PUT', `/api/members/${id}/thumbnail`, png, { 'content-type': 'image/png' });

  it('removing a picture needs Update on members unless it is one’s own (403); another organization’s member is 404', async () => {
    const other = await makeMember('pic.other');
    const self = await makeMember('pic.self');
    expect((await putPicture(admin, other.id)).statusCode).toBe(200);
    expect((await putPicture(admin, self.id)).statusCode).toBe(200);
    const c = await signedIn('pic.self');
    expectProblem(await c.request('DELETE', `/api/members/${other.id}/thumbnail`), 403, 'forbidden');
    expect((await snapshot(other.id)).thumbnailType).toBe('image/png');
    expect((await c.request('DELETE', `/api/members/${self.id}/thumbnail`)).statusCode).toBe(200);
    expect((await snapshot(self.id)).thumbnailType).toBeNull();

    await ctx.db.member.update({ where: { id: ctx.globex.adminId }, data: { thumbnail: new Uint8Array(png), thumbnailType: 'image/png' } });
    expectProblem(await admin.request('DELETE', `/api/members/${ctx.globex.adminId}/thumbnail`), 404, 'not_found');
    expect((await ctx.db.member.findUniqueOrThrow({ where: { id: ctx.globex.adminId } })).thumbnailType).toBe('image/png');
  });

  it('a picture is seen by whoever sees the member: a Viewer only when the profile is not private, a User always', async () => {
    const pictured = await makeMember('pic.shown');
    expect((await putPicture(admin, pictured.id)).statusCode).toBe(200);
    const viewer = await signedIn((await makeMember('pic.viewer', 'viewer')).username);
    expect((await viewer.get(`/api/members/${pictured.id}/thumbnail`)).statusCode).toBe(200);
    await ctx.db.member.update({ where: { id: pictured.id }, data: { profileVisibility: 'private' } });
    expectProblem(await viewer.get(`/api/members/${pictured.id}/thumbnail`), 404, 'not_found');
    const user = await signedIn((await makeMember('pic.user')).username);
    const seen = await user.get(`/api/members/${pictured.id}/thumbnail`);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
  });

  it('reset password: refused to a member manager who is not an administrator (403) and for a pending member (409 not_activated)', async () => {
    const target = await makeMember('reset.rules');
    const before = await snapshot(target.id);
    const manager = await signedIn((await makeManager('reset.manager')).username);
    const refused = await manager.post(`/api/members/${target.id}/reset-password`);
    expectProblem(refused, 403, 'administrator_required');
    expect(await snapshot(target.id)).toEqual(before);
    // The manager can update the member otherwise: the refusal is the administrator rule, not the level.
    expect((await patch(manager, target.id, { description: 'Revu' })).statusCode).toBe(200);

    const pending = await makeMember('reset.pending', 'user', { status: 'pending' });
    const notActivated = await admin.post(`/api/members/${pending.id}/reset-password`);
    expectProblem(notActivated, 409, 'not_activated');
    expect(notActivated.json().detail).toContain('resend the invitation');
    expect(await ctx.db.member.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ passwordHash: null, mustChangePassword: false });
    expect(await ctx.db.auditEvent.count({ where: { targetId: { in: [target.id, pending.id] }, action: 'member.password_reset' } })).toBe(0);
    expect((await admin.post(`/api/members/${target.id}/reset-password`)).statusCode).toBe(200);
  });

  it('answers a member id that is not a UUID with a clean 400 problem on every member action', async () => {
    const heir = await makeMember('uuid.heir');
    const attempts = [
      admin.post('/api/members/12345/reset-password'),
      admin.post('/api/members/not-a-uuid/disable'),
      admin.post('/api/members/not-a-uuid/enable'),
      admin.request('DELETE', '/api/members/not-a-uuid'),
      admin.post('/api/members/not-a-uuid/transfer-ownership', { toMemberId: heir.id }),
      admin.post(`/api/members/${heir.id}/transfer-ownership`, { toMemberId: 'not-a-uuid' }),
      admin.request('PATCH', '/api/members/not-a-uuid', { firstName: 'X' }),
      admin.request('DELETE', '/api/members/not-a-uuid/thumbnail'),
      admin.get('/api/members/not-a-uuid/thumbnail'),
    ];
    for (const res of await Promise.all(attempts)) {
      expectProblem(res, 400, 'validation_failed');
      expect(res.json().errors[0]).toMatchObject({ path: expect.stringMatching(/^(params\.id|toMemberId)$/) });
      expect(res.json().detail).not.toMatch(/prisma|uuid\b.*syntax|stack/i);
    }
  });

  it('refuses an activity export in an unknown language (400)', async () => {
    const res = await admin.get('/api/activity/export.csv?lang=de');
    expectProblem(res, 400, 'validation_failed');
    expect(res.json().errors[0]).toMatchObject({ path: 'querystring.lang' });
    expect((await admin.get('/api/activity/export.csv?lang=en')).statusCode).toBe(200);
  });

  describe('PATCH refusals', () => {
    it('unknown group, unknown category, another organization’s group, more than 20 categories, incompatible licence, unknown role or user type (400, nothing changed)', async () => {
      const org = ctx.acme.organizationId;
      const m = await makeMember('patch.refused');
      const license = await ctx.db.license.findFirstOrThrow({ where: { organizationId: org, key: 'field_apps' } });
      const group = await ctx.db.group.create({ data: { organizationId: org, name: 'Groupe initial', ownerId: ctx.acme.adminId } });
      const category = await ctx.db.memberCategory.create({ data: { organizationId: org, name: 'Catégorie initiale' } });
      expect((await patch(admin, m.id, { licenses: [license.id], groups: [group.id], categories: [category.id] })).statusCode).toBe(200);
      const before = await snapshot(m.id);

      const globexGroup = await ctx.db.group.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
      const globexCategory = await ctx.db.memberCategory.create({ data: { organizationId: ctx.globex.organizationId, name: 'Ailleurs' } });
      const lonely = await ctx.db.license.create({ data: { organizationId: org, key: 'no_type', name: 'Licence sans type', seats: 5 } });
      const many = await Promise.all(Array.from({ length: 21 }, (_, i) => ctx.db.memberCategory.create({ data: { organizationId: org, name: `Cat ${i}` } })));
      const cases: [unknown, string, string][] = [
        [{ groups: [group.id, '0b8f5f9a-8a55-4a86-9a55-2d1f7a3c4b21'] }, 'groups', 'unknown_group'],
        [{ groups: [globexGroup.id] }, 'groups', 'unknown_group'],
        [{ categories: ['0b8f5f9a-8a55-4a86-9a55-2d1f7a3c4b22'] }, 'categories', 'unknown_category'],
        [{ categories: [globexCategory.id] }, 'categories', 'unknown_category'],
        [{ categories: many.map((c) => c.id) }, 'categories', 'too_many'],
        // Each incompatible licence at its index in the request, as the batch and the grant name them (issue 12).
        [{ licenses: [license.id, lonely.id] }, 'licenses.1', 'incompatible_license'],
        [{ userType: 'contributor', role: 'data_editor', licenses: [license.id] }, 'licenses.0', 'incompatible_license'],
        [{ licenses: ['0b8f5f9a-8a55-4a86-9a55-2d1f7a3c4b23'] }, 'licenses', 'unknown_license'],
        [{ role: 'no_such_role' }, 'role', 'unknown_role'],
        [{ userType: 'no_such_type' }, 'userType', 'unknown_user_type'],
        // A profile change in the same request is not saved either.
        [{ firstName: 'Jamais', role: 'no_such_role' }, 'role', 'unknown_role'],
      ];
      for (const [body, path, code] of cases) {
        const res = await patch(admin, m.id, body);
        expectProblem(res, 400, 'validation_failed');
        expect(res.json().errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ path, code }));
        expect(await snapshot(m.id), JSON.stringify(body)).toEqual(before);
      }
      const detail = (await admin.get(`/api/members/${m.id}`)).json();
      expect(detail).toMatchObject({ role: { key: 'user' }, userType: { key: 'professional_plus' }, licenses: [{ id: license.id }], groups: [{ id: group.id }], categories: [{ id: category.id }] });
    });

    it('refuses a user type whose seats are all taken (409 seats_exhausted, user_type_seats) and accepts it once a seat is free', async () => {
      const org = ctx.acme.organizationId;
      const m = await makeMember('patch.seats');
      const type = await ctx.db.userType.findFirstOrThrow({ where: { organizationId: org, key: 'professional' } });
      const holder = await makeMember('seat.holder');
      await ctx.db.member.update({ where: { id: holder.id }, data: { userTypeId: type.id } });
      const used = await ctx.db.member.count({ where: { organizationId: org, userTypeId: type.id } });
      await ctx.db.userType.update({ where: { id: type.id }, data: { seatLimit: used } });
      try {
        const before = await snapshot(m.id);
        const res = await patch(admin, m.id, { userType: 'professional', firstName: 'Jamais' });
        expectProblem(res, 409, 'seats_exhausted');
        // The same params as the batch's and the grant's refusal (issue 12), no longer "N of N used".
        expect(res.json().errors).toEqual([
          { path: 'userType', code: 'user_type_seats', message: expect.stringContaining('Professional'), params: { name: type.nameEn, nameFr: type.nameFr, left: 0, requested: 1, short: 1 } },
        ]);
        expect(res.json().detail).toContain('0 seats left, 1 requested (1 short)');
        expect(await snapshot(m.id)).toEqual(before);
        // The members who already have it may still be edited.
        expect((await patch(admin, holder.id, { description: 'Toujours là' })).statusCode).toBe(200);
        expect((await patch(admin, holder.id, { userType: 'creator' })).statusCode).toBe(200);
        const moved = await patch(admin, m.id, { userType: 'professional' });
        expect(moved.statusCode, moved.body).toBe(200);
        expect(moved.json().userType.key).toBe('professional');
      } finally {
        await ctx.db.userType.update({ where: { id: type.id }, data: { seatLimit: null } });
      }
    });
  });
});

describe('audit before/after as GET /api/activity shows them', () => {
  it('records a picture change and removal', async () => {
    const m = await makeMember('audit.picture');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(8, 1)]);
    expect((await admin.request('PUT', `/api/members/${m.id}/thumbnail`, png, { 'content-type': 'image/png' })).statusCode).toBe(200);
    const changed = await lastActivity(m.id, 'member.thumbnail_changed');
    expect(changed).toMatchObject({ actor: { username: 'admin' }, target: { id: m.id, label: 'audit.picture' }, before: { thumbnail: null }, after: { thumbnail: 'image/png' } });
    expect((await admin.request('DELETE', `/api/members/${m.id}/thumbnail`)).statusCode).toBe(200);
    const removed = await lastActivity(m.id, 'member.thumbnail_removed');
    expect(removed).toMatchObject({ before: { thumbnail: 'image/png' }, after: { thumbnail: null } });
  });

  it('records an enterprise account unregistered, with what it was', async () => {
    const ldap = await makeMember('audit.ldap', 'publisher', { identityType: 'ldap' });
    expect((await admin.request('DELETE', `/api/members/${ldap.id}`)).json()).toEqual({ outcome: 'unregistered' });
    const event = await lastActivity(ldap.id, 'member.unregistered');
    expect(event).toMatchObject({ actor: { id: ctx.acme.adminId, username: 'admin' }, target: { type: 'member', id: ldap.id, label: 'audit.ldap' }, after: null });
    expect(event.before).toEqual({
      username: 'audit.ldap',
      email: 'audit.ldap@example.com',
      role: { key: 'publisher', name: 'Publisher', nameFr: 'Éditeur' },
      status: 'active',
      identityType: 'ldap',
    });
    expect((await admin.get(`/api/activity?member=${ldap.id}&action=member.deleted`)).json<ActivityList>().items).toHaveLength(0);
  });

  it('records a password reset without the password', async () => {
    const m = await makeMember('audit.reset');
    const res = await admin.post(`/api/members/${m.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const event = await lastActivity(m.id, 'member.password_reset');
    expect(event).toMatchObject({ actor: { username: 'admin' }, target: { label: 'audit.reset' }, before: null, after: { mustChangePassword: true, sessionsEnded: true } });
    expect(JSON.stringify(event)).not.toContain(res.json().temporaryPassword);
  });
});

/**
 * The last-administrator branches of delete and disable can't be reached one request at a
 * time: the actor must be an active administrator other than the target (own_account), so
 * another active administrator always remains. They guard the race where two administrators
 * remove each other at once. These tests make that race deterministic by holding the
 * organization's lock until both requests are queued behind it.
 */
describe('never without an active administrator (globex)', () => {
  const globexAdmins = () => ctx.db.member.count({ where: { organizationId: ctx.globex.organizationId, status: 'active', role: { isAdministrator: true } } });

  beforeAll(async () => {
    // Two fresh administrators, the only ones of globex; the seed's become plain users.
    const org = ctx.globex.organizationId;
    const userRole = await ctx.db.role.findFirstOrThrow({ where: { organizationId: org, key: 'user' } });
    await ctx.db.member.updateMany({ where: { organizationId: org, role: { isAdministrator: true } }, data: { roleId: userRole.id } });
  });

  it('of two administrators deleting each other at once, one is deleted and the other is refused with 409 last_administrator', async () => {
    const a = await makeMember('globex.admin.a', 'administrator', { org: 'globex' });
    const b = await makeMember('globex.admin.b', 'administrator', { org: 'globex' });
    const [ca, cb] = [await signedIn(a.username), await signedIn(b.username)];
    expect(await globexAdmins()).toBe(2);
    const [ra, rb] = await withOrganizationLocked(ctx.globex.organizationId, 2, () =>
      Promise.all([ca.request('DELETE', `/api/members/${b.id}`), cb.request('DELETE', `/api/members/${a.id}`)]),
    );
    const [won, lost] = ra.statusCode === 200 ? [ra, rb] : [rb, ra];
    expect(won.statusCode, won.body).toBe(200);
    expect(won.json()).toEqual({ outcome: 'deleted' });
    expectProblem(lost, 409, 'last_administrator');
    expect(lost.json().detail).toContain("cannot delete the organization's last administrator");
    expect(await globexAdmins()).toBe(1);
    expect(await ctx.db.auditEvent.count({ where: { targetId: { in: [a.id, b.id] }, action: 'member.deleted' } })).toBe(1);
  });

  it('of two administrators disabling each other at once, one is disabled and the other is refused with 409 last_administrator', async () => {
    const survivor = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId, status: 'active', role: { isAdministrator: true } } });
    const c = await makeMember('globex.admin.c', 'administrator', { org: 'globex' });
    const [cs, cc] = [await signedIn(survivor.username), await signedIn(c.username)];
    const [rs, rc] = await withOrganizationLocked(ctx.globex.organizationId, 2, () =>
      Promise.all([cs.post(`/api/members/${c.id}/disable`), cc.post(`/api/members/${survivor.id}/disable`)]),
    );
    const [won, lost] = rs.statusCode === 200 ? [rs, rc] : [rc, rs];
    expect(won.statusCode, won.body).toBe(200);
    expect(won.json().status).toBe('disabled');
    expectProblem(lost, 409, 'last_administrator');
    expect(lost.json().detail).toContain("cannot disable the organization's last administrator");
    expect(await globexAdmins()).toBe(1);
    const disabled = await ctx.db.member.findMany({ where: { id: { in: [survivor.id, c.id] }, status: 'disabled' } });
    expect(disabled).toHaveLength(1);
    // The disabled one's session ended; the remaining administrator still works.
    const [stillAdmin, gone] = won === rs ? [cs, cc] : [cc, cs];
    expect((await gone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await stillAdmin.get('/api/auth/me')).json()).toMatchObject({ isAdministrator: true });
  });
});
