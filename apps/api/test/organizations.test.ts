import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, isSlugTaken } from '@sesame/db/organizations';
import { seedOrganization } from '@sesame/db/seed';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { Client, createTestDatabase } from './helpers.ts';

/**
 * Several organizations on one instance (issue 14): the same username in two organizations,
 * each with its own password. Sign-in finds the account whose password matches, or the one of
 * the organization named; each administrator sees only their own members.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;
const NORD = 'Nord-admin-pass-59';
const SUD = 'Sud-admin-pass-13';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedOrganization(database.db, { slug: 'nord', name: 'Nord', adminUsername: 'admin', adminPassword: NORD, adminMustChangePassword: false, memberCount: 7, randomSeed: 3 });
  await seedOrganization(database.db, { slug: 'sud', name: 'Sud', adminUsername: 'admin', adminPassword: SUD, adminMustChangePassword: false, memberCount: 4, randomSeed: 4, emailDomain: 'sud.example.org' });
  app = await buildApp({ db: database.db, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), logger: false });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function membersSeenBy(c: Client): Promise<{ usernames: string[]; total: number }> {
  const res = await c.get('/api/members?limit=100');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ items: { id: string; username: string }[]; total: number }>();
  return { usernames: body.items.map((m) => m.username), total: body.total };
}

describe('two organizations, each with a member named admin', () => {
  it('each admin signs in to their own organization with their own password, without naming it', async () => {
    for (const [password, slug, count] of [[NORD, 'nord', 8], [SUD, 'sud', 5]] as const) {
      const c = new Client({ app }, `10.60.0.${count}`);
      const res = await c.signIn('admin', password);
      expect(res.statusCode, res.body).toBe(200);
      expect((await c.get('/api/auth/me')).json().organization.slug).toBe(slug);
      const seen = await membersSeenBy(c);
      expect(seen.total).toBe(count);
      const own = await database.db.member.findMany({ where: { organization: { slug } }, select: { username: true } });
      expect(seen.usernames.sort()).toEqual(own.map((m) => m.username).sort());
    }
  });

  it('naming the organization signs in to that one only: the other organization’s password is refused', async () => {
    const nord = new Client({ app }, '10.61.0.1');
    expect((await nord.signIn('admin', NORD, { organization: 'nord' })).statusCode).toBe(200);
    expect((await nord.get('/api/auth/me')).json().organization.slug).toBe('nord');
    const sud = new Client({ app }, '10.61.0.2');
    expect((await sud.signIn('admin', SUD, { organization: 'sud' })).statusCode).toBe(200);
    expect((await sud.get('/api/auth/me')).json().organization.slug).toBe('sud');
    expect((await membersSeenBy(sud)).total).toBe(5);

    const crossed = await new Client({ app }, '10.61.0.3').signIn('admin', NORD, { organization: 'sud' });
    expect(crossed.statusCode).toBe(401);
    expect(crossed.json().code).toBe('invalid_credentials');
    const unknown = await new Client({ app }, '10.61.0.4').signIn('admin', NORD, { organization: 'ouest' });
    expect(unknown.statusCode).toBe(401);
  });

  it('a member of one organization never reads the other’s member by id', async () => {
    const nord = new Client({ app }, '10.62.0.1');
    expect((await nord.signIn('admin', NORD)).statusCode).toBe(200);
    const sudAdmin = await database.db.member.findFirstOrThrow({ where: { username: 'admin', organization: { slug: 'sud' } } });
    expect((await nord.get(`/api/members/${sudAdmin.id}`)).statusCode).toBe(404);
  });
});

describe('createOrganization', () => {
  it('refuses a taken slug on the unique index, recognised as such, and leaves nothing behind', async () => {
    const before = await database.db.role.count();
    const error = await database.db
      .$transaction((tx) =>
        createOrganization(tx, { slug: 'nord', name: 'Nord again', administrator: { username: 'admin', email: 'a@nord.example', firstName: 'A', lastName: 'B', passwordHash: null } }),
      )
      .catch((e: unknown) => e);
    expect(isSlugTaken(error)).toBe(true);
    expect(isSlugTaken(new Error('other'))).toBe(false);
    expect(await database.db.organization.count()).toBe(2);
    expect(await database.db.role.count()).toBe(before);
  });
});
