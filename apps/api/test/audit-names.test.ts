import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEvent, ActivityList } from '@sesame/contracts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext, rendered } from './helpers.ts';

/**
 * Audit events that create a member keep role, user type, licences, groups and categories
 * with their names (decision 005), whichever way the member arrived: the Add Members batch
 * or a granted access request.
 */
let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 5 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

/** A confirmed (pending) access request, made and confirmed through the public API. */
async function pendingRequest(email: string, ip: string): Promise<string> {
  const anon = new Client(ctx, ip);
  const sent = await anon.post('/api/access-requests', { organization: 'acme', firstName: 'Yasmine', lastName: 'Roux', email, message: 'Bonjour' });
  expect(sent.statusCode, sent.body).toBe(202);
  const mail = rendered(await ctx.db.outboxMessage.findFirstOrThrow({ where: { to: email, kind: 'access_request_confirmation' }, orderBy: { createdAt: 'desc' } }));
  const token = /\/access-requests\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  expect((await anon.post('/api/access-requests/confirm', { token })).statusCode).toBe(200);
  return (await ctx.db.accessRequest.findFirstOrThrow({ where: { email, status: 'pending' } })).id;
}

async function invitedEvent(memberId: string): Promise<ActivityEvent> {
  const items = (await admin.get(`/api/activity?member=${memberId}&action=member.invited`)).json<ActivityList>().items;
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('audit events of new members carry names', () => {
  it('a granted access request records role, user type, licences and groups with their names, in the shape the Add Members batch uses', async () => {
    const org = ctx.acme.organizationId;
    const license = await ctx.db.license.findFirstOrThrow({ where: { organizationId: org, key: 'advanced_analysis' } });
    const group = await ctx.db.group.create({ data: { organizationId: org, name: 'Nouveaux arrivants', ownerId: ctx.acme.adminId } });

    const requestId = await pendingRequest('yasmine.roux@outside.org', '10.30.0.1');
    const granted = await admin.post(`/api/access-requests/${requestId}/grant`, {
      role: 'user',
      userType: 'creator',
      licenses: [license.id],
      groups: [group.id],
      levels: { reporting: 'view' },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const fromGrant = await invitedEvent(granted.json().id);
    expect(fromGrant).toMatchObject({ actor: { username: 'admin' }, target: { type: 'member', label: granted.json().username } });
    expect(fromGrant.after).toEqual({
      username: granted.json().username,
      firstName: 'Yasmine',
      lastName: 'Roux',
      email: 'yasmine.roux@outside.org',
      role: { key: 'user', name: 'User', nameFr: 'Utilisateur' },
      identityType: 'builtin',
      userType: { key: 'creator', name: 'Creator', nameFr: 'Créateur' },
      licenses: [{ id: license.id, name: 'Analyse avancée' }],
      groups: [{ id: group.id, name: 'Nouveaux arrivants' }],
      categories: [],
      mode: 'invite',
      levels: { reporting: 'view' },
      accessRequestId: requestId,
      accessRequest: { id: requestId, name: 'yasmine.roux@outside.org' },
    });

    // The Add Members batch, inviting the same way: every field it records, the grant records too.
    const batch = await admin.post('/api/members/batch', {
      mode: 'invite',
      members: [{ firstName: 'Bruno', lastName: 'Lemaire', email: 'bruno.lemaire@example.com', username: 'bruno.lemaire', role: 'user', userType: 'creator' }],
      properties: { licenses: [license.id], groups: [group.id] },
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const fromBatch = await invitedEvent(batch.json().created[0].id);
    const batchAfter = fromBatch.after as Record<string, unknown>;
    const grantAfter = fromGrant.after as Record<string, unknown>;
    for (const key of Object.keys(batchAfter)) expect(grantAfter, key).toHaveProperty(key);
    for (const key of ['role', 'userType', 'licenses', 'groups', 'categories', 'mode']) expect(grantAfter[key], key).toEqual(batchAfter[key]);
  });

  it('an access request granted with the organization’s defaults names them too', async () => {
    const org = ctx.acme.organizationId;
    const group = await ctx.db.group.create({ data: { organizationId: org, name: 'Groupe par défaut', ownerId: ctx.acme.adminId } });
    await ctx.db.organizationDefaultGroup.create({ data: { organizationId: org, groupId: group.id } });
    const requestId = await pendingRequest('defaults.roux@outside.org', '10.30.0.2');
    const granted = await admin.post(`/api/access-requests/${requestId}/grant`, { role: 'viewer', userType: 'viewer' });
    expect(granted.statusCode, granted.body).toBe(200);
    const event = await invitedEvent(granted.json().id);
    const defaults = await ctx.db.organizationDefaultGroup.findMany({ where: { organizationId: org }, select: { group: { select: { id: true, name: true } } } });
    expect(defaults.length).toBeGreaterThan(1);
    expect(event.after).toMatchObject({
      role: { key: 'viewer', name: 'Viewer', nameFr: 'Lecteur' },
      userType: { key: 'viewer', name: 'Viewer', nameFr: 'Lecteur' },
      levels: {},
    });
    const groups = (event.after as { groups: { id: string; name: string }[] }).groups;
    expect(groups).toHaveLength(defaults.length);
    expect(groups).toEqual(expect.arrayContaining(defaults.map((d) => d.group)));
    expect(groups).toContainEqual({ id: group.id, name: 'Groupe par défaut' });
  });
});
