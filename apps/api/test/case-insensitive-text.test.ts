import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

/**
 * Prisma's case-insensitive filters are ILIKE patterns on PostgreSQL: without lib/text-match.ts,
 * `%` and `_` in a name, an email or an organization's address matched other rows, and a
 * trailing `\` answered 500. Each entry point that compares text whatever its case is tried here.
 */
let ctx: TestContext;
let admin: Client;
let ip = 1;
const acme = () => ctx.acme.organizationId;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
}, 120_000);
afterAll(async () => ctx?.close());

describe('case-insensitive comparisons of text', () => {
  it('takes LIKE wildcards and backslashes in reference names literally, still ignoring case', async () => {
    for (const [route, extra] of [
      ['/api/licenses', { seats: 1, userTypeIds: [] }],
      ['/api/groups', {}],
      ['/api/member-categories', {}],
    ] as const) {
      expect((await admin.post(route, { name: 'Atelier', ...extra })).statusCode, route).toBe(201);
      for (const name of ['%', 'A_elier', 'Atel%', '\\', 'x\\']) {
        const res = await admin.post(route, { name, ...extra });
        expect(res.statusCode, `${route} ${name}: ${res.body}`).toBe(201);
      }
      // The same names again, in another case: taken.
      for (const name of ['ATELIER', 'a_elier', '\\']) {
        const res = await admin.post(route, { name, ...extra });
        expect(res.statusCode, `${route} ${name}`).toBe(409);
        expect(res.json()).toMatchObject({ code: 'name_taken', errors: [{ path: 'name' }] });
      }
    }
  });

  it('keeps two access requests whose addresses differ where `_` stands, and sends none for the organization `%`', async () => {
    const send = (organization: string, email: string) =>
      new Client(ctx, `10.31.0.${ip++}`).post('/api/access-requests', { organization, firstName: 'Zoé', lastName: 'Durand', email });
    expect((await send('acme', 'jo_n@outside.org')).statusCode).toBe(202);
    expect((await send('acme', 'joxn@outside.org')).statusCode).toBe(202);
    expect(await ctx.db.accessRequest.count({ where: { organizationId: acme(), email: { in: ['jo_n@outside.org', 'joxn@outside.org'] } } })).toBe(2);

    expect((await send('%', 'nobody@outside.org')).statusCode).toBe(202);
    expect(await ctx.db.accessRequest.count({ where: { email: 'nobody@outside.org' } })).toBe(0);
    // The organization's address, whatever its case, still works.
    expect((await send('ACME', 'upper@outside.org')).statusCode).toBe(202);
    expect(await ctx.db.accessRequest.count({ where: { organizationId: acme(), email: 'upper@outside.org' } })).toBe(1);
  });

  it('searches members for `%` and `_` as characters', async () => {
    const everyone = (await admin.get('/api/members?pageSize=100')).json<{ total: number }>().total;
    expect(everyone).toBeGreaterThan(2);
    for (const q of ['%', '_', '\\']) {
      const res = await admin.get(`/api/members?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ total: number }>().total, q).toBe(0);
    }
  });
});
