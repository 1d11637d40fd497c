import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

// GET /api/imports/:id/members: the members a committed file created (issue 13, item 5).

let ctx: TestContext;
let admin: Client;
let globexAdmin: Client;

type Page = {
  items: { username: string; fullName: string; email: string; role: { key: string; nameFr: string }; userType: { key: string }; status: string }[];
  total: number;
  nextCursor: string | null;
};

const CSV = [
  'Email,Role,User Type,First Name,Last Name,Username,Password',
  'im.one@email.com,publisher,creator,Ines,One,imone01,imone.1234',
  'im.two@email.com,user,Creator,Ivo,Two,imtwo02,imtwo.1234',
  'im.three@email.com,viewer,viewer,Ida,Three,imthree03,imthree.1234',
].join('\r\n');

const upload = async (client: Client, csv: string) => {
  const res = await client.request('POST', '/api/imports?format=builtin&mode=credentials&fileName=m.csv', csv, { 'content-type': 'text/csv' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};

async function commit(id: string) {
  expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
  for (let i = 0; i < 600; i++) {
    const job = (await admin.get(`/api/imports/${id}?limit=0`)).json<{ status: string }>();
    if (job.status === 'committed') return;
    if (job.status !== 'committing') throw new Error(`commit ended ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('commit did not finish');
}

let committed: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = new Client(ctx);
  globexAdmin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  expect((await globexAdmin.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  committed = await upload(admin, CSV);
  await commit(committed);
});
afterAll(async () => ctx?.close());

describe('GET /api/imports/:id/members', () => {
  it('lists the members the file created, in row order, with role, user type and status', async () => {
    const res = await admin.get(`/api/imports/${committed}/members`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Page>();
    expect(page.total).toBe(3);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((m) => [m.username, m.fullName, m.email, m.role.key, m.userType.key, m.status])).toEqual([
      ['imone01', 'Ines One', 'im.one@email.com', 'publisher', 'creator', 'active'],
      ['imtwo02', 'Ivo Two', 'im.two@email.com', 'user', 'creator', 'active'],
      ['imthree03', 'Ida Three', 'im.three@email.com', 'viewer', 'viewer', 'active'],
    ]);
  });

  it('pages with limit and cursor, and leaves out members deleted since', async () => {
    const first = (await admin.get(`/api/imports/${committed}/members?limit=2`)).json<Page>();
    expect(first.items.map((m) => m.username)).toEqual(['imone01', 'imtwo02']);
    expect(first.total).toBe(3);
    expect(first.nextCursor).toBe('3');
    const second = (await admin.get(`/api/imports/${committed}/members?limit=2&cursor=${first.nextCursor}`)).json<Page>();
    expect(second.items.map((m) => m.username)).toEqual(['imthree03']);
    expect(second.nextCursor).toBeNull();

    const again = await upload(admin, CSV.replaceAll('im', 'jm'));
    await commit(again);
    await ctx.db.member.deleteMany({ where: { organizationId: ctx.acme.organizationId, username: 'jmtwo02' } });
    const after = (await admin.get(`/api/imports/${again}/members?limit=1&cursor=2`)).json<Page>();
    expect(after.items.map((m) => m.username)).toEqual(['jmthree03']);
    expect(after.total).toBe(2);
  });

  it('is refused before the commit (409), in another organization (404) and without the privilege (403)', async () => {
    const pending = await upload(admin, CSV.replaceAll('im', 'km'));
    const early = await admin.get(`/api/imports/${pending}/members`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'conflict' });

    const elsewhere = await globexAdmin.get(`/api/imports/${committed}/members`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ code: 'not_found' });

    const batch = await admin.post('/api/members/batch', { mode: 'credentials', members: [{ firstName: 'Plain', lastName: 'User', email: 'plain@example.com', username: 'plainuser', role: 'user', userType: 'creator', password: 'plain.1234' }] });
    expect(batch.statusCode, batch.body).toBe(201);
    await ctx.db.member.updateMany({ where: { organizationId: ctx.acme.organizationId, username: 'plainuser' }, data: { mustChangePassword: false } });
    const plain = new Client(ctx);
    expect((await plain.signIn('plainuser', 'plain.1234')).statusCode).toBe(200);
    const forbidden = await plain.get(`/api/imports/${committed}/members`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'forbidden' });

    expect((await new Client(ctx).get(`/api/imports/${committed}/members`)).statusCode).toBe(401);
  });

  it('refuses bad input with 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
      ['limit=two', 'querystring.limit'],
      ['cursor=abc', 'querystring.cursor'],
      ['cursor=-1', 'querystring.cursor'],
    ] as const) {
      const res = await admin.get(`/api/imports/${committed}/members?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ code: 'validation_failed', errors: [{ path }] });
    }
    const badId = await admin.get('/api/imports/not-a-uuid/members');
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'params.id' }] });
  });
});
