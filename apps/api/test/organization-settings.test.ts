import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivilegeArea, PrivilegeLevel } from '@sesame/db';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/** PATCH /api/organization (issue 14): Update on organization settings, the shared rules, one audit event. */
let ctx: TestContext;
let admin: Client;
let updater: Client;
let viewer: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

async function memberWith(username: string, levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>) {
  const m = await makeMember(username, 'viewer');
  await ctx.db.memberPrivilege.createMany({ data: Object.entries(levels).map(([area, level]) => ({ organizationId: m.organizationId, memberId: m.id, area: area as PrivilegeArea, level: level! })) });
  return signedIn(username);
}

const acme = () => ctx.acme.organizationId;
const roleId = async (key: string, organizationId = acme()) => (await ctx.db.role.findFirstOrThrow({ where: { organizationId, key } })).id;
const typeId = async (key: string, organizationId = acme()) => (await ctx.db.userType.findFirstOrThrow({ where: { organizationId, key } })).id;
const licenseId = async (key: string, organizationId = acme()) => (await ctx.db.license.findFirstOrThrow({ where: { organizationId, key } })).id;
const patch = (c: Client, body: unknown) => c.request('PATCH', '/api/organization', body);
const pathsOf = (res: { json: () => { errors?: { path: string; code?: string }[] } }) => (res.json().errors ?? []).map((e) => ({ path: e.path.replace(/^body\./, ''), code: e.code }));

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 5 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  updater = await memberWith('settings.updater', { organization_settings: 'update' });
  viewer = await memberWith('settings.viewer', { organization_settings: 'view' });
}, 120_000);
afterAll(async () => ctx?.close());

describe('PATCH /api/organization', () => {
  it('changes each field with Update on organization settings, answers the GET body, and GET shows it at once', async () => {
    const group = await ctx.db.group.findFirstOrThrow({ where: { organizationId: acme() } });
    const changes: Record<string, unknown>[] = [
      { name: 'Acme Industries' },
      { usernameFormat: 'flast' },
      { defaultRoleId: await roleId('publisher') },
      { defaultUserTypeId: await typeId('professional') },
      { defaultGroupIds: [group.id] },
      { defaultLicenseIds: [await licenseId('desktop_pro')] },
      { allowAdminAtCreation: true },
      { invitationTtlDays: 30 },
      { settings: { language: 'en', profileVisibility: 'private', locale: 'en-GB', units: 'imperial', startPage: 'groups' } },
      { allowedIdentityTypes: ['builtin', 'saml'] },
      { autoRegisterOrgLogins: true },
    ];
    for (const change of changes) {
      const res = await patch(updater, change);
      expect(res.statusCode, `${JSON.stringify(change)} ${res.body}`).toBe(200);
      const got = (await updater.get('/api/organization')).json();
      expect(res.json()).toEqual(got);
      const [field, value] = Object.entries(change)[0]!;
      if (field === 'settings') expect(got.settings).toEqual(value);
      else expect(got[field], field).toEqual(value);
    }
    // Each change wrote one event.
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'organization.updated' } })).toBe(changes.length);
  });

  it('refuses each field with View only (403), unauthenticated (401) and without the CSRF header (403); nothing changes', async () => {
    const before = (await admin.get('/api/organization')).json();
    const group = await ctx.db.group.findFirstOrThrow({ where: { organizationId: acme() } });
    const changes: Record<string, unknown>[] = [
      { name: 'Viewer was here' },
      { usernameFormat: 'email' },
      { defaultRoleId: await roleId('viewer') },
      { defaultUserTypeId: await typeId('viewer') },
      { defaultGroupIds: [group.id] },
      { defaultLicenseIds: [] },
      { allowAdminAtCreation: !before.allowAdminAtCreation },
      { invitationTtlDays: 2 },
      { settings: { language: 'fr' } },
      { allowedIdentityTypes: ['ldap'] },
      { autoRegisterOrgLogins: false },
    ];
    const anonymous = new Client(ctx);
    for (const change of changes) {
      const view = await patch(viewer, change);
      expect(view.statusCode, JSON.stringify(change)).toBe(403);
      expect(view.json().code).toBe('forbidden');
      expect((await patch(anonymous, change)).statusCode, JSON.stringify(change)).toBe(401);
      const noCsrf = await updater.request('PATCH', '/api/organization', change, { 'x-csrf-token': '' });
      expect(noCsrf.statusCode, JSON.stringify(change)).toBe(403);
      expect(noCsrf.json().code).toBe('csrf_failed');
    }
    // View still reads it.
    expect((await viewer.get('/api/organization')).statusCode).toBe(200);
    expect((await admin.get('/api/organization')).json()).toEqual(before);
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'organization.updated', actorUsername: { not: 'settings.updater' } } })).toBe(0);
  });

  it('refuses ids of another organization as unknown, each at its field', async () => {
    const globex = ctx.globex.organizationId;
    const globexGroup = await ctx.db.group.findFirstOrThrow({ where: { organizationId: globex } });
    const acmeGroup = await ctx.db.group.findFirstOrThrow({ where: { organizationId: acme() } });
    const res = await patch(admin, {
      defaultRoleId: await roleId('user', globex),
      defaultUserTypeId: await typeId('creator', globex),
      defaultGroupIds: [acmeGroup.id, globexGroup.id],
      defaultLicenseIds: [await licenseId('field_apps', globex)],
    });
    expect(res.statusCode).toBe(400);
    expect(pathsOf(res)).toEqual([
      { path: 'defaultRoleId', code: 'unknown_role' },
      { path: 'defaultUserTypeId', code: 'unknown_user_type' },
      { path: 'defaultGroupIds.1', code: 'unknown_group' },
      { path: 'defaultLicenseIds.0', code: 'unknown_license' },
    ]);
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: acme() }, include: { defaultGroups: true } });
    expect(org.defaultRoleId).not.toBe(await roleId('user', globex));
    expect(org.defaultGroups.map((g) => g.groupId)).not.toContain(globexGroup.id);
  });

  it('refuses bad values with a precise field and code, and writes nothing of a refused request', async () => {
    await patch(admin, { defaultRoleId: await roleId('user'), defaultUserTypeId: await typeId('creator'), defaultLicenseIds: [], allowAdminAtCreation: false });
    const before = (await admin.get('/api/organization')).json();
    const cases: [unknown, { path: string; code?: string }[]][] = [
      [{ usernameFormat: 'first-last' }, [{ path: 'usernameFormat', code: 'invalid_choice' }]],
      [{ invitationTtlDays: 0 }, [{ path: 'invitationTtlDays', code: 'too_small' }]],
      [{ invitationTtlDays: 91 }, [{ path: 'invitationTtlDays', code: 'too_big' }]],
      [{ allowedIdentityTypes: [] }, [{ path: 'allowedIdentityTypes', code: 'too_few' }]],
      [{ allowedIdentityTypes: ['kerberos'] }, [{ path: 'allowedIdentityTypes.0', code: 'invalid_choice' }]],
      [{ name: '' }, [{ path: 'name', code: 'required' }]],
      // Creator does not take Poste SIG professionnel: the licence is blamed.
      [{ name: 'Changed too', defaultLicenseIds: [await licenseId('desktop_pro')] }, [{ path: 'defaultLicenseIds.0', code: 'incompatible_license' }]],
      // Viewer takes only the Viewer role: with the role in the request, the role is blamed…
      [{ defaultUserTypeId: await typeId('viewer'), defaultRoleId: await roleId('publisher') }, [{ path: 'defaultRoleId', code: 'incompatible_role' }]],
      // …without it, the user type that no longer suits the default role (User).
      [{ defaultUserTypeId: await typeId('viewer') }, [{ path: 'defaultUserTypeId', code: 'incompatible_role' }]],
      // Nobody is given the Administrator role automatically.
      [{ defaultRoleId: await roleId('administrator'), allowAdminAtCreation: true }, [{ path: 'defaultRoleId', code: 'administrator_not_allowed' }]],
    ];
    for (const [body, expected] of cases) {
      const res = await patch(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(pathsOf(res), JSON.stringify(body)).toEqual(expected);
    }
    expect((await admin.get('/api/organization')).json()).toEqual(before);
    // A licence compatible with the default user type is accepted.
    expect((await patch(admin, { defaultLicenseIds: [await licenseId('field_apps')] })).statusCode).toBe(200);
  });

  it('writes one audit event with before and after of the changed fields only', async () => {
    await patch(admin, { name: 'Acme', invitationTtlDays: 14, settings: { language: 'fr' } });
    const since = new Date();
    const res = await patch(admin, { name: 'Acme SA', invitationTtlDays: 21, allowAdminAtCreation: false, settings: { language: 'en', units: 'metric' }, defaultUserTypeId: await typeId('professional') });
    expect(res.statusCode, res.body).toBe(200);
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: acme() } });
    expect(org.allowAdminAtCreation).toBe(false);
    const events = await ctx.db.auditEvent.findMany({ where: { organizationId: acme(), action: 'organization.updated', createdAt: { gte: since } } });
    expect(events).toHaveLength(1);
    const before = (await ctx.db.userType.findFirstOrThrow({ where: { organizationId: acme(), key: 'creator' } })).id;
    expect(events[0]).toMatchObject({
      actorUsername: 'admin',
      targetType: 'organization',
      targetId: acme(),
      before: { name: 'Acme', invitationTtlDays: 14, settings: { language: 'fr' }, defaultUserType: { id: before, key: 'creator', name: 'Creator', nameFr: 'Créateur' } },
      after: { name: 'Acme SA', invitationTtlDays: 21, settings: { language: 'en' }, defaultUserType: { key: 'professional', name: 'Professional', nameFr: 'Professionnel' } },
    });
    expect(Object.keys(events[0]!.after as object).sort()).toEqual(['defaultUserType', 'invitationTtlDays', 'name', 'settings']);
    // A PATCH that changes nothing writes nothing.
    expect((await patch(admin, { name: 'Acme SA' })).statusCode).toBe(200);
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'organization.updated', createdAt: { gte: since } } })).toBe(1);
  });

  it('the Add Members batch uses the new defaults at once (member settings, invitation lifetime)', async () => {
    expect((await patch(admin, { invitationTtlDays: 45, settings: { language: 'en', profileVisibility: 'everyone', locale: 'en-GB', units: 'imperial', startPage: 'content' } })).statusCode).toBe(200);
    const res = await admin.post('/api/members/batch', {
      mode: 'invite',
      members: [{ firstName: 'Nina', lastName: 'Keller', email: 'nina.keller@example.com', username: 'nina.keller', role: 'user', userType: 'creator' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const member = await ctx.db.member.findFirstOrThrow({ where: { organizationId: acme(), username: 'nina.keller' }, include: { invitations: true } });
    expect(member).toMatchObject({ language: 'en', profileVisibility: 'everyone', locale: 'en-GB', units: 'imperial', startPage: 'content' });
    const days = (member.invitations[0]!.expiresAt.getTime() - member.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(45);
  });
});
