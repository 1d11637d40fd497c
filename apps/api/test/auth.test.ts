import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@sesame/db/passwords';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
const MEMBER_PASSWORD = 'Member-pass-42';
/** Throttling used by this file: 3 failures per account and address, then waits of 60 s doubling up to 900 s. */
const SIGN_IN: Config['signIn'] = { maxFailures: 3, windowSeconds: 900, maxPerIp: 1000, waitSeconds: 60, maxWaitSeconds: 900 };

/** Gives a seeded member of `acme` a known password and the given status/role; returns its username. */
async function prepareMember(opts: { status?: 'active' | 'disabled'; roleKey?: string; mustChangePassword?: boolean; offset?: number }) {
  const member = await ctx.db.member.findFirstOrThrow({
    where: { organizationId: ctx.acme.organizationId, identityType: 'builtin', username: { not: 'admin' } },
    orderBy: { username: 'asc' },
    skip: opts.offset ?? 0,
  });
  const role = opts.roleKey
    ? await ctx.db.role.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: opts.roleKey } })
    : null;
  await ctx.db.member.update({
    where: { id: member.id },
    data: {
      passwordHash: await hashPassword(MEMBER_PASSWORD),
      status: opts.status ?? 'active',
      mustChangePassword: opts.mustChangePassword ?? false,
      ...(role ? { roleId: role.id } : {}),
    },
  });
  return member;
}

beforeAll(async () => {
  ctx = await createTestContext({ config: { signIn: { ...SIGN_IN, maxPerIp: 1000 } } });
});
afterAll(async () => ctx?.close());

describe('health and documentation', () => {
  it('answers ok when the database answers', async () => {
    const res = await new Client(ctx).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI document with every route named', async () => {
    const res = await new Client(ctx).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, Record<string, { operationId?: string }>> }>();
    expect(doc.paths['/api/auth/sign-in']?.post?.operationId).toBe('signIn');
    expect(doc.paths['/api/members']?.get?.operationId).toBe('listMembers');
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) expect(op.operationId).toBeTruthy();
    const page = await new Client(ctx).get('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const res = await new Client(ctx).get('/api/no-such-route');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('sign-in', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const client = new Client(ctx);
    const res = await client.signIn('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ member: { username: string }; mustChangePassword: boolean }>();
    expect(body.member.username).toBe('admin');
    expect(body.mustChangePassword).toBe(false);
    const cookie = res.cookies.find((c) => c.name === 'sesame_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(res.headers['set-cookie']).not.toContain(ADMIN_PASSWORD);

    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      member: { username: 'admin' },
      organization: { slug: 'acme', name: 'Acme' },
      privileges: { members: 'update', account_documents: 'view' },
      mustChangePassword: false,
    });
  });

  it('stores only a hash of the session token', async () => {
    const client = new Client(ctx);
    await client.signIn('admin', ADMIN_PASSWORD);
    const token = decodeURIComponent(client.cookie.split('=')[1]!);
    expect(await ctx.db.session.count({ where: { id: token } })).toBe(0);
    expect(await ctx.db.session.count({ where: { id: { not: token } } })).toBeGreaterThan(0);
  });

  it('marks the cookie Secure when configured for HTTPS', async () => {
    const secure = await createTestContext({ config: { cookieSecure: true } });
    try {
      const res = await new Client(secure).signIn('admin', ADMIN_PASSWORD);
      expect(res.cookies.find((c) => c.name === 'sesame_session')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('answers a wrong password and an unknown username with the same generic 401', async () => {
    const wrong = await new Client(ctx, '10.0.0.1').signIn('admin', 'Not-the-password-1');
    const unknown = await new Client(ctx, '10.0.0.1').signIn('nobody-here', 'Not-the-password-1');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, code: 'invalid_credentials', detail: 'Incorrect username or password' });
      expect(res.cookies.find((c) => c.name === 'sesame_session')).toBeUndefined();
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
    const audit = await ctx.db.auditEvent.findFirst({ where: { organizationId: ctx.acme.organizationId, action: 'auth.sign_in_failed' } });
    expect(audit?.targetLabel).toBe('admin');
  });

  it('refuses a disabled member with 403, and a wrong password for them with the generic 401', async () => {
    const member = await prepareMember({ status: 'disabled', offset: 0 });
    const res = await new Client(ctx).signIn(member.username, MEMBER_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'member_disabled' });
    const wrong = await new Client(ctx).signIn(member.username, 'Wrong-pass-99');
    expect(wrong.statusCode).toBe(401);
  });

  it('ends the sessions of a member who is disabled after signing in', async () => {
    const member = await prepareMember({ status: 'active', offset: 1, roleKey: 'user' });
    const client = new Client(ctx);
    expect((await client.signIn(member.username, MEMBER_PASSWORD)).statusCode).toBe(200);
    expect((await client.get('/api/members')).statusCode).toBe(200);
    await ctx.db.member.update({ where: { id: member.id }, data: { status: 'disabled' } });
    const after = await client.get('/api/members');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('rate-limits repeated failures for a username from one address, even with the right password afterwards', async () => {
    const member = await prepareMember({ status: 'active', offset: 2 });
    const client = new Client(ctx, '10.0.0.2');
    for (let i = 0; i < 3; i++) expect((await client.signIn(member.username, `Wrong-pass-${i}`)).statusCode).toBe(401);
    const limited = await client.signIn(member.username, MEMBER_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is not affected.
    expect((await client.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per IP address', async () => {
    const limited = await createTestContext({ config: { signIn: { ...SIGN_IN, maxFailures: 100, maxPerIp: 4 } } });
    try {
      const client = new Client(limited, '10.9.9.9');
      for (let i = 0; i < 4; i++) expect((await client.signIn(`someone${i}`, 'Wrong-pass-1')).statusCode).toBe(401);
      expect((await client.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(429);
      expect((await new Client(limited, '10.9.9.10').signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('rejects a malformed body with a precise 400', async () => {
    const res = await new Client(ctx).post('/api/auth/sign-in', { username: 'admin' });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.path)).toContain('password');
    expect(body.errors.find((e) => e.path === 'password')).toMatchObject({ code: 'required' });
  });

  it('gives the detail of common 4xx in French when the caller prefers French, with the same codes', async () => {
    // An unknown username and an IP of its own: no other test's sign-in counters move.
    const fr = await new Client(ctx, '10.7.7.1').post('/api/auth/sign-in', { username: 'nobody-fr', password: 'not-the-password-1' }, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' });
    expect(fr.statusCode).toBe(401);
    expect(fr.headers['content-language']).toBe('fr');
    expect(fr.json()).toMatchObject({ code: 'invalid_credentials', detail: 'Identifiant ou mot de passe incorrect' });
    const invalid = await new Client(ctx, '10.7.7.1').post('/api/auth/sign-in', { username: 'nobody-fr' }, { 'accept-language': 'fr' });
    expect(invalid.json().detail).toMatch(/^Une valeur est invalide\. password\u00a0: /);
    expect(invalid.json().errors[0]).toMatchObject({ path: 'password', code: 'required' });
    const en = await new Client(ctx, '10.7.7.1').post('/api/auth/sign-in', { username: 'nobody-en', password: 'not-the-password-1' }, { 'accept-language': 'en-GB,fr;q=0.5' });
    expect(en.json().detail).toBe('Incorrect username or password');
    expect(en.headers['content-language']).toBeUndefined();
  });
});

describe('sign-in throttling', () => {
  const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

  it('does not let a stranger lock a member out: the right password from an address that has not failed gets in', async () => {
    const member = await prepareMember({ offset: 4 });
    const attacker = new Client(ctx, '10.20.0.1');
    for (let i = 0; i < 3; i++) expect((await attacker.signIn(member.username, `Wrong-pass-${i}`)).statusCode).toBe(401);
    const blocked = await attacker.signIn(member.username, MEMBER_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(retryAfter(blocked)).toBeGreaterThan(800);

    expect((await new Client(ctx, '10.20.0.2').signIn(member.username, MEMBER_PASSWORD)).statusCode).toBe(200);
    // The member's success does not reopen the attacker's address.
    expect((await attacker.signIn(member.username, MEMBER_PASSWORD)).statusCode).toBe(429);
  });

  it('makes addresses that failed wait longer with each failure across addresses, up to the ceiling; a success resets the wait', async () => {
    const member = await prepareMember({ offset: 5 });
    const first = new Client(ctx, '10.21.0.1');
    for (let i = 0; i < 3; i++) expect((await first.signIn(member.username, `Wrong-pass-${i}`)).statusCode).toBe(401);
    // Failures 4 to 7 come from four other addresses: each is checked once (a clean address),
    // then that address waits 120, 240, 480 and 900 s (960 capped by the 900 s ceiling).
    for (const [i, wait] of [120, 240, 480, 900].entries()) {
      const source = new Client(ctx, `10.21.0.${i + 2}`);
      expect((await source.signIn(member.username, 'Wrong-pass-x')).statusCode).toBe(401);
      const refused = await source.signIn(member.username, MEMBER_PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'rate_limited' });
      expect(retryAfter(refused)).toBeGreaterThan(wait - 10);
      expect(retryAfter(refused)).toBeLessThanOrEqual(wait);
    }
    // During the wait the right password from a clean address is checked and gets in…
    expect((await new Client(ctx, '10.21.0.99').signIn(member.username, MEMBER_PASSWORD)).statusCode).toBe(200);
    // …and the success ends the wait: an address with one failure is checked again.
    expect((await new Client(ctx, '10.21.0.2').signIn(member.username, MEMBER_PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures per organization: the same username in another organization is not throttled', async () => {
    const acmeMember = await prepareMember({ offset: 6 });
    const globexMember = await ctx.db.member.findFirstOrThrow({
      where: { organizationId: ctx.globex.organizationId, identityType: 'builtin', username: { not: 'globex-admin' } },
      orderBy: { username: 'asc' },
    });
    await ctx.db.member.update({
      where: { id: globexMember.id },
      data: { username: acmeMember.username, passwordHash: await hashPassword(MEMBER_PASSWORD), status: 'active', mustChangePassword: false },
    });
    const client = new Client(ctx, '10.22.0.1');
    for (let i = 0; i < 3; i++) {
      expect((await client.signIn(acmeMember.username, `Wrong-pass-${i}`, { organization: 'acme' })).statusCode).toBe(401);
    }
    expect((await client.signIn(acmeMember.username, MEMBER_PASSWORD, { organization: 'acme' })).statusCode).toBe(429);
    const globex = await new Client(ctx, '10.22.0.1').signIn(acmeMember.username, MEMBER_PASSWORD, { organization: 'globex' });
    expect(globex.statusCode).toBe(200);
    expect(globex.json()).toMatchObject({ member: { id: globexMember.id } });
    // Without an organization, only the account that is not throttled for this address is checked.
    const either = await new Client(ctx, '10.22.0.1').signIn(acmeMember.username, MEMBER_PASSWORD);
    expect(either.statusCode).toBe(200);
    expect(either.json()).toMatchObject({ member: { id: globexMember.id } });
  });

  it('counts each attempt before checking it: of 30 parallel wrong passwords, only the limit is checked', async () => {
    const member = await prepareMember({ offset: 7 });
    const client = new Client(ctx, '10.23.0.1');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => client.signIn(member.username, `Wrong-pass-${i}`)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(27);
    // Each checked password leaves one audit event: exactly the limit were verified.
    expect(await ctx.db.auditEvent.count({ where: { targetId: member.id, action: 'auth.sign_in_failed' } })).toBe(3);
  });

  it('never refuses the right password for attempts still being checked: 10 parallel sign-ins of one account from one address all get in', async () => {
    const member = await prepareMember({ offset: 11 });
    const clients = Array.from({ length: 10 }, () => new Client(ctx, '10.23.0.2'));
    const results = await Promise.all(clients.map((c) => c.signIn(member.username, MEMBER_PASSWORD)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    // Each success cleared what it counted: a wrong password afterwards is checked, not throttled.
    expect((await new Client(ctx, '10.23.0.2').signIn(member.username, 'Wrong-pass-after')).statusCode).toBe(401);
  });

  it('answers a member without a password as slowly as one with a password (one hash per refused sign-in)', async () => {
    const withPassword = await prepareMember({ offset: 8 });
    const invitee = await prepareMember({ offset: 9 });
    await ctx.db.member.update({ where: { id: invitee.id }, data: { status: 'pending', passwordHash: null } });
    const orgLogin = await prepareMember({ offset: 10 });
    await ctx.db.member.update({ where: { id: orgLogin.id }, data: { identityType: 'saml', externalId: orgLogin.username, passwordHash: null } });
    const kinds = { withPassword: withPassword.username, invitee: invitee.username, orgLogin: orgLogin.username, unknown: 'nobody-timing' };
    const names = Object.keys(kinds) as (keyof typeof kinds)[];
    const times: Record<keyof typeof kinds, number[]> = { withPassword: [], invitee: [], orgLogin: [], unknown: [] };
    // Every attempt comes from an address of its own, so no throttle refuses it; the kinds
    // take turns (in a rotating order) so that load on the machine falls on all of them alike.
    for (let round = -3; round < 30; round++) {
      for (let k = 0; k < names.length; k++) {
        const kind = names[(round + 3 + k) % names.length]!;
        const client = new Client(ctx, `10.24.${round + 3}.${k}`);
        const start = performance.now();
        const res = await client.signIn(kinds[kind], 'Wrong-pass-timing');
        const elapsed = performance.now() - start;
        expect(res.statusCode).toBe(401);
        if (round >= 0) times[kind].push(elapsed);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const twoDecimals = (x: number) => Math.round(x * 100) / 100;
    // Each round's times are compared with the member with a password in the same round, so
    // that a burst of load elsewhere weighs on both sides of a ratio.
    const ratios = Object.fromEntries(names.map((n) => [n, median(times[n].map((t, i) => t / times.withPassword[i]!))]));
    console.info('sign-in refusal medians (ms):', Object.fromEntries(names.map((n) => [n, twoDecimals(median(times[n]))])));
    console.info('median ratio to a member with a password:', Object.fromEntries(names.map((n) => [n, twoDecimals(ratios[n]!)])));
    // Members without a password were answered in about a quarter of the time before.
    // (Unknown names are measured for the record: they skip the audit event, a few ms.)
    for (const kind of ['invitee', 'orgLogin'] as const) expect(Math.abs(ratios[kind]! - 1), `ratio of ${kind}`).toBeLessThanOrEqual(0.25);
  });
});

describe('TRUST_PROXY', () => {
  const trustProxy = (value?: string) => loadConfig({ NODE_ENV: 'test', ...(value === undefined ? {} : { TRUST_PROXY: value }) }).trustProxy;

  it('reads no proxy or the proxies’ addresses, and refuses `true`, hop counts and malformed values at startup', () => {
    expect(trustProxy()).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
    expect(trustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trustProxy(' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8, loopback ')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    expect(() => trustProxy('true')).toThrow(/TRUST_PROXY=true trusts any X-Forwarded-For.*Give the addresses of your proxies instead/);
    expect(() => trustProxy('1')).toThrow(/TRUST_PROXY=1: a hop count trusts X-Forwarded-For from any peer/);
    for (const bad of ['yes', '10.0.0.0/33', '300.1.1.1', '10.0.0.1,', '-1', '1.5']) expect(() => trustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });

  /** An app over the file's database, with a per-IP cap of 4 and the given proxy trust. */
  async function appTrusting(value: string | undefined) {
    const config: Config = { ...ctx.config, trustProxy: trustProxy(value), signIn: { ...SIGN_IN, maxFailures: 100, maxPerIp: 4 } };
    const app = await buildApp({ db: ctx.db, config, logger: false });
    await app.ready();
    return app;
  }

  /** Five sign-ins from `peer`, each with a new forged address in X-Forwarded-For (followed by `suffix`). */
  async function rotate(app: Awaited<ReturnType<typeof appTrusting>>, peer: string, suffix = '') {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await new Client({ app }, peer).post('/api/auth/sign-in', { username: `someone-${peer}-${i}`, password: 'Wrong-pass-1' }, {
        'x-forwarded-for': `198.51.100.${i + 1}${suffix}`,
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  }

  it('does not let a rotating X-Forwarded-For escape the per-IP limit when no proxy is trusted', async () => {
    const app = await appTrusting(undefined);
    try {
      expect(await rotate(app, '10.25.0.1')).toEqual([401, 401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });

  it('trusts X-Forwarded-For only from the configured proxies, and only the hop the proxy added', async () => {
    const app = await appTrusting('10.25.1.1');
    try {
      // Through the proxy, the client's forged entries come first and the proxy appends the
      // address it saw: that one is the client's, and it is limited.
      expect(await rotate(app, '10.25.1.1', ', 203.0.113.7')).toEqual([401, 401, 401, 401, 429]);
      const other = await new Client({ app }, '10.25.1.1').post('/api/auth/sign-in', { username: 'admin', password: ADMIN_PASSWORD }, { 'x-forwarded-for': '203.0.113.8' });
      expect(other.statusCode).toBe(200);
      // A peer that is not a configured proxy is limited by its own address, whatever it forwards.
      expect(await rotate(app, '10.25.1.2')).toEqual([401, 401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the header or with a wrong one, and accepts the right one', async () => {
    const client = new Client(ctx);
    await client.signIn('admin', ADMIN_PASSWORD);
    const token = client.csrf;
    client.csrf = '';
    const missing = await client.post('/api/auth/sign-out');
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf_failed' });
    const wrong = await client.post('/api/auth/sign-out', {}, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    client.csrf = token;
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('does not accept one session’s token for another session', async () => {
    const a = new Client(ctx);
    const b = new Client(ctx);
    await a.signIn('admin', ADMIN_PASSWORD);
    await b.signIn('admin', ADMIN_PASSWORD);
    expect(a.csrf).not.toBe(b.csrf);
    const res = await a.post('/api/auth/sign-out', {}, { 'x-csrf-token': b.csrf });
    expect(res.statusCode).toBe(403);
  });
});

describe('forced password change', () => {
  it('blocks every other route until the password is changed, then lets the member through', async () => {
    const member = await prepareMember({ status: 'active', offset: 3, roleKey: 'publisher', mustChangePassword: true });
    const client = new Client(ctx);
    const res = await client.signIn(member.username, MEMBER_PASSWORD);
    expect(res.json()).toMatchObject({ mustChangePassword: true });

    const blocked = await client.get('/api/members');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password_change_required' });
    expect((await client.get('/api/roles')).statusCode).toBe(403);
    expect((await client.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    expect((await client.get('/api/auth/csrf')).statusCode).toBe(200);

    const wrongCurrent = await client.post('/api/auth/change-password', { currentPassword: 'nope-1234', newPassword: 'Brand-new-2026' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json()).toMatchObject({ code: 'wrong_password', errors: [{ path: 'currentPassword', code: 'wrong_password' }] });
    const weak = await client.post('/api/auth/change-password', { currentPassword: MEMBER_PASSWORD, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([expect.objectContaining({ path: 'newPassword', code: 'password_needs_digit' })]);
    const common = await client.post('/api/auth/change-password', { currentPassword: MEMBER_PASSWORD, newPassword: 'Password123' });
    expect(common.statusCode).toBe(400);
    expect(common.json()).toMatchObject({ code: 'weak_password', errors: [{ path: 'newPassword', code: 'password_common' }] });
    const same = await client.post('/api/auth/change-password', { currentPassword: MEMBER_PASSWORD, newPassword: MEMBER_PASSWORD });
    expect(same.statusCode).toBe(400);

    const other = new Client(ctx);
    await other.signIn(member.username, MEMBER_PASSWORD);
    const ok = await client.post('/api/auth/change-password', { currentPassword: MEMBER_PASSWORD, newPassword: 'Brand-new-2026' });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/members')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: false });
    // The member's other sessions end; the old password no longer works, the new one does.
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Client(ctx).signIn(member.username, MEMBER_PASSWORD)).statusCode).toBe(401);
    expect((await new Client(ctx).signIn(member.username, 'Brand-new-2026')).statusCode).toBe(200);

    const stored = await ctx.db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(stored.passwordHash!.split('$')[3]!.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    const audit = await ctx.db.auditEvent.findFirst({ where: { targetId: member.id, action: 'member.password_changed' } });
    expect(audit).not.toBeNull();
  });

  it('refuses unauthenticated requests with 401', async () => {
    const res = await new Client(ctx).get('/api/members');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('maintenance', () => {
  it('purges expired sessions and rate-limit windows, and keeps live ones', async () => {
    const { purgeExpired } = await import('../src/lib/maintenance.ts');
    const client = new Client(ctx);
    await client.signIn('admin', ADMIN_PASSWORD);
    const live = await ctx.db.session.count();
    const member = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: 'admin' } });
    await ctx.db.session.create({
      data: { id: 'expired-session', organizationId: ctx.acme.organizationId, memberId: member.id, csrfToken: 'x', expiresAt: new Date(Date.now() - 1000) },
    });
    await ctx.db.rateLimitBucket.create({ data: { key: 'old', count: 3, windowStart: new Date(0), expiresAt: new Date(1000) } });
    const purged = await purgeExpired(ctx.db);
    expect(purged.sessions).toBe(1);
    expect(purged.counters).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.session.count()).toBe(live);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });
});
