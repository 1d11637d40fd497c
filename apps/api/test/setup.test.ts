import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@sesame/db';
import { builtInRoles, builtInUserTypes } from '@sesame/db/seed';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { prepareFirstRun } from '../src/first-run.ts';
import { issueSetupToken } from '../src/features/setup/token.ts';
import { Client, createTestDatabase } from './helpers.ts';

/** First run (decision 013): an empty database, no demo. */
type Ctx = { db: Db; app: Awaited<ReturnType<typeof buildApp>>; drop: () => Promise<void> };
let ctx: Ctx;
const config: Config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: 'postgresql://unused@127.0.0.1/x' }) };

async function emptyInstance(): Promise<Ctx> {
  const database = await createTestDatabase();
  const app = await buildApp({ db: database.db, config, logger: false });
  await app.ready();
  return { db: database.db, app, drop: async () => { await app.close(); await database.drop(); } };
}

const body = (token: string, slug = 'mairie-de-lyon') => ({
  token,
  organization: { name: 'Mairie de Lyon', slug },
  administrator: { username: 'c.dupont', email: 'claire.dupont@lyon.example', firstName: 'Claire', lastName: 'Dupont', password: 'Bastille-1789-lyon' },
});

describe('first run without the demo', () => {
  beforeEach(async () => {
    ctx = await emptyInstance();
  });
  afterEach(async () => ctx?.drop());

  it('DEMO_ORGANIZATION=false on an empty database creates nothing and stores a setup token, hashed', async () => {
    const demoOff = loadConfig({ NODE_ENV: 'development', DEMO_ORGANIZATION: 'false', PUBLIC_URL: 'https://portal.example.org/' });
    const first = await prepareFirstRun(ctx.db, demoOff);
    expect(first.kind).toBe('setup');
    if (first.kind !== 'setup') return;
    expect(first.setupUrl).toBe(`https://portal.example.org/setup?token=${first.token}`);
    expect(await ctx.db.organization.count()).toBe(0);
    expect(await ctx.db.member.count()).toBe(0);
    const stored = await ctx.db.setupToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(first.token);
    expect(stored[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    // GET /api/setup says so, and the printed token works.
    const anon = new Client(ctx);
    expect((await anon.get('/api/setup')).json()).toEqual({ needed: true });
    expect((await anon.post('/api/setup', body(first.token))).statusCode).toBe(201);
    // Once set up, a restart neither seeds nor issues a token.
    expect(await prepareFirstRun(ctx.db, demoOff)).toEqual({ kind: 'ready' });
    expect(await ctx.db.setupToken.count()).toBe(0);
  });

  it('SETUP_TOKEN fixes the printed token for tests (the same at each start), and is refused in production', async () => {
    const fixed = loadConfig({ NODE_ENV: 'test', DEMO_ORGANIZATION: 'false', SETUP_TOKEN: 'e2e-first-run-token-0001' });
    const first = await prepareFirstRun(ctx.db, fixed);
    expect(first.kind === 'setup' && first.token).toBe('e2e-first-run-token-0001');
    await prepareFirstRun(ctx.db, fixed);
    expect(await ctx.db.setupToken.count()).toBe(1);
    expect((await new Client(ctx).post('/api/setup', body('e2e-first-run-token-0001'))).statusCode).toBe(201);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/d', SETUP_TOKEN: 'e2e-first-run-token-0001' })).toThrow(/SETUP_TOKEN/);
  });

  it('DEMO_ORGANIZATION defaults: on with the embedded database outside production, off otherwise; the demo seeds an empty database', async () => {
    expect(loadConfig({ NODE_ENV: 'development' }).demoOrganization).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).demoOrganization).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demoOrganization).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://u@h/d' }).demoOrganization).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/d', DEMO_ORGANIZATION: 'true' }).demoOrganization).toBe(true);
    const first = await prepareFirstRun(ctx.db, { ...config, demoOrganization: true, adminPassword: 'Demo-pass-2026' });
    expect(first).toEqual({ kind: 'demo', generatedPassword: undefined });
    expect(await ctx.db.organization.findMany({ select: { slug: true } })).toEqual([{ slug: 'demo' }]);
    expect(await ctx.db.setupToken.count()).toBe(0);
  }, 60_000);

  it('the right token creates exactly one organization, built-in roles and user types, the administrator as primary contact, and signs them in', async () => {
    const { token } = await issueSetupToken(ctx.db, 24);
    const anon = new Client(ctx, '10.1.0.1');
    const res = await anon.post('/api/setup', body(token));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.organization).toMatchObject({ slug: 'mairie-de-lyon', name: 'Mairie de Lyon' });
    expect(created.member).toMatchObject({ username: 'c.dupont', status: 'active', identityType: 'builtin', role: { key: 'administrator' } });
    expect(created.mustChangePassword).toBe(false);

    const orgs = await ctx.db.organization.findMany();
    expect(orgs).toHaveLength(1);
    const org = orgs[0]!;
    expect(org).toMatchObject({ slug: 'mairie-de-lyon', name: 'Mairie de Lyon', allowAdminAtCreation: false, autoRegisterOrgLogins: false, namedUserLimit: null });
    const roles = await ctx.db.role.findMany({ where: { organizationId: org.id } });
    expect(roles.map((r) => r.key).sort()).toEqual(builtInRoles.map((r) => r.key).sort());
    expect(roles.every((r) => r.builtIn)).toBe(true);
    const types = await ctx.db.userType.findMany({ where: { organizationId: org.id }, include: { roles: true, licenses: true } });
    expect(types.map((t) => t.key).sort()).toEqual(builtInUserTypes.map((t) => t.key).sort());
    expect(org.defaultRoleId).toBe(roles.find((r) => r.key === 'user')!.id);
    expect(org.defaultUserTypeId).toBe(types.find((t) => t.key === 'creator')!.id);
    // Nothing invented: no licences, groups, categories, content, and no member but the administrator.
    expect(await ctx.db.license.count()).toBe(0);
    expect(await ctx.db.group.count()).toBe(0);
    expect(await ctx.db.memberCategory.count()).toBe(0);
    expect(await ctx.db.contentItem.count()).toBe(0);
    const members = await ctx.db.member.findMany();
    expect(members).toHaveLength(1);
    expect(members[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await ctx.db.organizationContact.findMany({ select: { memberId: true, kind: true } })).toEqual([{ memberId: members[0]!.id, kind: 'primary' }]);
    expect(await ctx.db.auditEvent.findMany({ select: { action: true, actorUsername: true } })).toEqual([{ action: 'organization.created', actorUsername: 'c.dupont' }]);

    // Signed in at once: the session works, with its CSRF token, and writes go through.
    const me = await anon.get('/api/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ organization: { slug: 'mairie-de-lyon' }, member: { username: 'c.dupont' }, isAdministrator: true });
    anon.csrf = (await anon.get('/api/auth/csrf')).json().token;
    expect((await anon.request('PATCH', '/api/organization', { name: 'Ville de Lyon' })).statusCode).toBe(200);
    // And they sign in again with their password.
    expect((await new Client(ctx, '10.1.0.2').signIn('c.dupont', 'Bastille-1789-lyon')).statusCode).toBe(200);

    // Done once: GET says no, a second setup is 409 setup_done, even with the same token.
    expect((await anon.get('/api/setup')).json()).toEqual({ needed: false });
    const again = await new Client(ctx, '10.1.0.3').post('/api/setup', body(token, 'autre'));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('setup_done');
    expect(await ctx.db.organization.count()).toBe(1);
  });

  it('a wrong or expired token is 403 setup_token_invalid, and nothing is created', async () => {
    await issueSetupToken(ctx.db, 24);
    const anon = new Client(ctx, '10.2.0.1');
    const wrong = await anon.post('/api/setup', body('not-the-token'));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('setup_token_invalid');
    const expired = await issueSetupToken(ctx.db, 1, new Date(Date.now() - 2 * 3_600_000));
    const late = await new Client(ctx, '10.2.0.2').post('/api/setup', body(expired.token));
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('setup_token_invalid');
    expect(await ctx.db.organization.count()).toBe(0);
    expect(late.cookies.find((c) => c.name === 'sesame_session')).toBeUndefined();
  });

  it('wrong tokens from one source are throttled (429 with Retry-After), other sources are not', async () => {
    const { token } = await issueSetupToken(ctx.db, 24);
    const attacker = new Client(ctx, '10.3.0.1');
    for (let i = 0; i < config.signIn.maxFailures; i++) expect((await attacker.post('/api/setup', body(`guess-${i}`))).statusCode).toBe(403);
    const throttled = await attacker.post('/api/setup', body('guess-again'));
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right token waits from that source; the operator's own source is not locked out.
    expect((await attacker.post('/api/setup', body(token))).statusCode).toBe(429);
    expect((await new Client(ctx, '10.3.0.2').post('/api/setup', body(token))).statusCode).toBe(201);
  });

  it('bad input is 400 with field paths relative to the body, the product’s password rule included', async () => {
    const { token } = await issueSetupToken(ctx.db, 24);
    const anon = new Client(ctx, '10.4.0.1');
    const bad = await anon.post('/api/setup', {
      token,
      organization: { name: ' ', slug: 'Mairie Lyon' },
      administrator: { username: 'ab', email: "o'neil@example.org", firstName: 'Claire', lastName: 'Dupont', password: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ''));
    expect(paths).toEqual(expect.arrayContaining(['organization.name', 'organization.slug', 'administrator.username', 'administrator.email', 'administrator.password']));
    const common = await anon.post('/api/setup', { ...body(token), administrator: { ...body(token).administrator, password: 'password1' } });
    expect(common.statusCode).toBe(400);
    expect(common.json().code).toBe('weak_password');
    expect(common.json().errors).toEqual([expect.objectContaining({ path: 'administrator.password', code: 'password_common' })]);
    for (const slug of ['-lyon', 'lyon-', 'ly--on', 'lyon_2', 'a']) {
      const res = await anon.post('/api/setup', body(token, slug));
      expect(res.statusCode, slug).toBe(400);
    }
    expect(await ctx.db.organization.count()).toBe(0);
  });

  it('five setups sent together create exactly one organization', async () => {
    const { token } = await issueSetupToken(ctx.db, 24);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => new Client(ctx, `10.5.0.${i + 1}`).post('/api/setup', body(token, `ville-${i}`))),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    expect(await ctx.db.organization.count()).toBe(1);
    expect(await ctx.db.member.count()).toBe(1);
  });
});

describe('GET /api/setup once organizations exist', () => {
  beforeAll(async () => {
    ctx = await emptyInstance();
  });
  afterAll(async () => ctx?.drop());
  it('is false with an organization, and POST is 409 whatever the token', async () => {
    await prepareFirstRun(ctx.db, { ...config, demoOrganization: false });
    const { token } = await issueSetupToken(ctx.db, 24);
    expect((await new Client(ctx).post('/api/setup', body(token))).statusCode).toBe(201);
    expect((await new Client(ctx).get('/api/setup')).json()).toEqual({ needed: false });
    const res = await new Client(ctx).post('/api/setup', body('whatever'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('setup_done');
  });
});
