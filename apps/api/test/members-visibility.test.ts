import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MemberDirectoryResponse } from '@sesame/contracts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/**
 * Who sees whom (decision 014): a member without View on members (the Viewer role) sees the
 * others only as their profile visibility allows — name and picture, private ones not at
 * all — and their own record in full; with View on members, nothing changes.
 */
let ctx: TestContext;
let admin: Client;
let viewer: Client;
let viewerId: string;
const ids: Record<string, string> = {};
const { makeMember, signedIn } = memberFixtures(() => ctx);

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 6 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  viewerId = (await makeMember('vis-viewer', 'viewer')).id;
  await ctx.db.member.update({ where: { id: viewerId }, data: { profileVisibility: 'private' } });
  for (const visibility of ['private', 'organization', 'everyone'] as const) {
    const m = await makeMember(`vis-${visibility}`, 'publisher');
    await ctx.db.member.update({ where: { id: m.id }, data: { profileVisibility: visibility, thumbnail: new Uint8Array(PNG), thumbnailType: 'image/png' } });
    ids[visibility] = m.id;
  }
  viewer = await signedIn('vis-viewer');
});
afterAll(async () => ctx?.close());

async function everything(client: Client, query = ''): Promise<MemberDirectoryResponse['items']> {
  const items: MemberDirectoryResponse['items'] = [];
  let cursor: string | null = null;
  do {
    const res = await client.get(`/api/members?limit=5${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<MemberDirectoryResponse>();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('the members list without View on members', () => {
  it('lists names and pictures only, leaves private profiles out, and shows the caller’s own record in full', async () => {
    const items = await everything(viewer);
    const byId = new Map(items.map((m) => [m.id, m]));
    expect(byId.has(ids.private!)).toBe(false);
    expect(byId.get(ids.organization!)).toEqual({ id: ids.organization, username: 'vis-organization', firstName: 'Test', lastName: 'vis-organization', fullName: 'Test vis-organization', hasThumbnail: true });
    expect(Object.keys(byId.get(ids.everyone!)!).sort()).toEqual(['firstName', 'fullName', 'hasThumbnail', 'id', 'lastName', 'username']);
    // No email, role, status, licence or date of anyone but oneself.
    for (const m of items.filter((x) => x.id !== viewerId)) {
      for (const field of ['email', 'role', 'userType', 'status', 'licenses', 'createdAt', 'lastSignInAt', 'groups', 'categories']) expect(m, field).not.toHaveProperty(field);
    }
    // One's own record is full, although one's own profile is private.
    expect(byId.get(viewerId)).toMatchObject({ username: 'vis-viewer', email: 'vis-viewer@example.com', role: { key: 'viewer' }, status: 'active' });
    const res = await viewer.get('/api/members?limit=200');
    const visible = await ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId, OR: [{ id: viewerId }, { profileVisibility: { not: 'private' } }] } });
    expect(res.json<MemberDirectoryResponse>().total).toBe(visible);
  });

  it('searches names but not emails, and refuses filters and sorts on administrative fields', async () => {
    expect((await everything(viewer, '&q=vis-org')).map((m) => m.id)).toEqual([ids.organization]);
    // The fixtures' emails end in @example.com: searching them finds nobody (oneself included).
    expect(await everything(viewer, '&q=example.com')).toEqual([]);
    expect(await everything(admin, '&q=vis-private@example.com')).toHaveLength(1);
    for (const query of ['status=active', 'role=publisher', 'userType=professional_plus', 'sort=email', 'sort=createdAt', 'sort=lastSignInAt']) {
      const res = await viewer.get(`/api/members?${query}`);
      expect(res.statusCode, query).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
      expect(res.json().errors.map((e: { path: string }) => e.path.replace(/^querystring\./, ''))).toEqual([query.split('=')[0]]);
    }
    expect((await viewer.get('/api/members?sort=username&order=desc')).statusCode).toBe(200);
  });

  it('administrators see everyone in full, private profiles included (unchanged)', async () => {
    const items = (await everything(admin)) as Member[];
    const priv = items.find((m) => m.id === ids.private);
    expect(priv).toMatchObject({ email: 'vis-private@example.com', role: { key: 'publisher' }, profileVisibility: 'private', status: 'active' });
    expect(items.every((m) => typeof m.email === 'string' && m.role && m.createdAt)).toBe(true);
  });

  it('a member with View on members (the Publisher role) sees everyone in full', async () => {
    const publisher = await signedIn('vis-organization');
    const items = (await everything(publisher)) as Member[];
    expect(items.find((m) => m.id === ids.private)).toMatchObject({ email: 'vis-private@example.com' });
  });
});

describe('a member’s page and picture without View on members', () => {
  it('a private member is 404; a visible one shows name and picture only; one’s own page is full', async () => {
    const priv = await viewer.get(`/api/members/${ids.private}`);
    expect(priv.statusCode).toBe(404);
    expect(priv.json()).toMatchObject({ code: 'not_found' });
    expect((await viewer.get(`/api/members/${ids.private}/thumbnail`)).statusCode).toBe(404);

    const org = await viewer.get(`/api/members/${ids.organization}`);
    expect(org.statusCode).toBe(200);
    expect(org.json()).toEqual({ id: ids.organization, username: 'vis-organization', firstName: 'Test', lastName: 'vis-organization', fullName: 'Test vis-organization', hasThumbnail: true });
    const picture = await viewer.get(`/api/members/${ids.everyone}/thumbnail`);
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');

    const own = await viewer.get(`/api/members/${viewerId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ email: 'vis-viewer@example.com', role: { key: 'viewer' }, privileges: { members: 'none' } });

    // The administrator still gets the full page of the private member.
    const full = await admin.get(`/api/members/${ids.private}`);
    expect(full.json()).toMatchObject({ email: 'vis-private@example.com', profileVisibility: 'private' });
    expect((await admin.get(`/api/members/${ids.private}/thumbnail`)).statusCode).toBe(200);
  });

  it('another organization’s members stay out of reach, visible or not', async () => {
    const theirs = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
    await ctx.db.member.update({ where: { id: theirs.id }, data: { profileVisibility: 'everyone' } });
    expect((await viewer.get(`/api/members/${theirs.id}`)).statusCode).toBe(404);
    expect((await everything(viewer)).some((m) => m.id === theirs.id)).toBe(false);
  });

  it('needs a session', async () => {
    expect((await new Client(ctx).get('/api/members')).statusCode).toBe(401);
    expect((await new Client(ctx).get(`/api/members/${ids.everyone}`)).statusCode).toBe(401);
  });
});
