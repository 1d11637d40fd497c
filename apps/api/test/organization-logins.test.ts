import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';
import { authnRequestId, freePort, idpMetadata, makeCertificate, oidcLogin, samlAssertion, samlResponse, startOidcProvider, type KeyPair, type OidcAccount } from './sso-peers.ts';

/** Issue 16: organization logins through OpenID Connect and SAML 2.0, against real peers on loopback. */
const PUBLIC_URL = 'http://sesame.test';
let ctx: TestContext;
let admin: Client;
let globexAdmin: Client;
let settingsViewer: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);
const acme = () => ctx.acme.organizationId;

const accounts = new Map<string, OidcAccount>();
let oidcPeer: Awaited<ReturnType<typeof startOidcProvider>>;
let oidcProviderId: string;
let samlProviderId: string;
let idpKeys: KeyPair;
const IDP_ENTITY = 'https://idp.example.test/saml';

async function orgMember(username: string, identityType: 'oidc' | 'saml', opts: { status?: 'active' | 'pending' | 'disabled'; org?: 'acme' | 'globex' } = {}) {
  const m = await makeMember(username, 'user', { ...(opts.org ? { org: opts.org } : {}), ...(opts.status === 'pending' ? { status: 'pending' } : {}) });
  return ctx.db.member.update({ where: { id: m.id }, data: { identityType, externalId: username, passwordHash: null, ...(opts.status === 'disabled' ? { status: 'disabled' } : {}) } });
}

/** Starts a round trip as a browser would: the 302 to the provider and the cookies set. */
async function start(providerId: string) {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/auth/sso/${providerId}/start` });
  expect(res.statusCode, res.body).toBe(302);
  const cookie = res.cookies.find((c) => c.name === 'sesame_sso');
  return { location: String(res.headers.location), cookie: cookie ? `sesame_sso=${cookie.value}` : '' };
}

async function callback(url: string, cookie: string) {
  const u = new URL(url);
  return ctx.app.inject({ method: 'GET', url: `${u.pathname}${u.search}`, headers: cookie ? { cookie } : {} });
}

const landed = (res: { statusCode: number; headers: Record<string, unknown> }) => ({ status: res.statusCode, location: String(res.headers.location) });
const sessionOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'sesame_session' && c.value)?.value;

async function meWith(session: string) {
  return ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sesame_session=${session}` } });
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 10, config: { publicUrl: PUBLIC_URL } });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  globexAdmin = new Client(ctx);
  expect((await globexAdmin.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  const viewer = await makeMember('settings.viewer', 'viewer');
  await ctx.db.memberPrivilege.create({ data: { organizationId: acme(), memberId: viewer.id, area: 'organization_settings', level: 'view' } });
  settingsViewer = await signedIn('settings.viewer');

  const port = await freePort();
  const created = await admin.post('/api/identity-providers', { type: 'oidc', name: 'Keycloak de test', issuer: `http://127.0.0.1:${port}`, clientId: 'sesame', clientSecret: 'client-secret-of-the-test' });
  expect(created.statusCode, created.body).toBe(201);
  oidcProviderId = created.json<{ id: string }>().id;
  oidcPeer = await startOidcProvider({ port, clientId: 'sesame', clientSecret: 'client-secret-of-the-test', redirectUris: [`${PUBLIC_URL}/api/auth/sso/${oidcProviderId}/callback`], accounts });

  idpKeys = makeCertificate();
  const saml = await admin.post('/api/identity-providers', { type: 'saml', name: 'ADFS', metadataXml: idpMetadata({ entityId: IDP_ENTITY, ssoUrl: 'https://idp.example.test/sso', certBase64: idpKeys.certBase64 }) });
  expect(saml.statusCode, saml.body).toBe(201);
  samlProviderId = saml.json<{ id: string }>().id;
}, 120_000);
afterAll(async () => {
  await oidcPeer?.close();
  await ctx?.close();
});

describe('identity providers administration', () => {
  it('never returns a secret; lists, changes and deletes with Update on organization settings, each audited with names', async () => {
    const list = await admin.get('/api/identity-providers');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('client-secret-of-the-test');
    const oidc = list.json<{ id: string; hasClientSecret: boolean; redirectUri: string }[]>().find((p) => p.id === oidcProviderId);
    expect(oidc).toMatchObject({ hasClientSecret: true, redirectUri: `${PUBLIC_URL}/api/auth/sso/${oidcProviderId}/callback` });
    const stored = await ctx.db.identityProvider.findUniqueOrThrow({ where: { id: oidcProviderId } });
    expect(stored.clientSecretSealed).not.toContain('client-secret-of-the-test');

    const extra = await admin.post('/api/identity-providers', { type: 'oidc', name: 'Okta', issuer: 'https://example.okta.com', clientId: 'abc', clientSecret: 'okta-secret-value' });
    expect(extra.statusCode).toBe(201);
    const id = extra.json<{ id: string }>().id;
    const renamed = await admin.request('PATCH', `/api/identity-providers/${id}`, { name: 'Okta (personnel)', clientSecret: 'rotated-secret' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.body).not.toContain('rotated-secret');
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme(), action: 'identity_provider.updated' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ targetLabel: 'Okta (personnel)', before: { name: 'Okta', clientSecret: 'set' }, after: { name: 'Okta (personnel)', clientSecret: 'changed' } });
    expect(JSON.stringify({ before: event.before, after: event.after })).not.toContain('rotated-secret');
    const deleted = await admin.request('DELETE', `/api/identity-providers/${id}`);
    expect(deleted.statusCode).toBe(200);
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'identity_provider.deleted', targetLabel: 'Okta (personnel)' } })).toBe(1);
  });

  it('reads with View and refuses writes below Update; another organization’s provider is not found', async () => {
    expect((await settingsViewer.get('/api/identity-providers')).statusCode).toBe(200);
    const refused = await settingsViewer.post('/api/identity-providers', { type: 'oidc', name: 'X', issuer: 'https://x.example', clientId: 'x', clientSecret: 'y' });
    expect(refused.statusCode).toBe(403);
    expect((await settingsViewer.request('DELETE', `/api/identity-providers/${oidcProviderId}`)).statusCode).toBe(403);
    const other = await globexAdmin.request('PATCH', `/api/identity-providers/${oidcProviderId}`, { name: 'Pris' });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'not_found' });
    expect((await globexAdmin.request('DELETE', `/api/identity-providers/${samlProviderId}`)).statusCode).toBe(404);
    expect((await globexAdmin.get('/api/identity-providers')).json()).toEqual([]);
  });

  it('refuses bad input with the field: unusable metadata, missing SAML values, a field of the other type, a taken name', async () => {
    const bad = await admin.post('/api/identity-providers', { type: 'saml', name: 'Cassé', metadataXml: '<html>pas du SAML</html>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'metadataXml', code: 'saml_metadata_invalid' }] });
    const missing = await admin.post('/api/identity-providers', { type: 'saml', name: 'Incomplet', entryPoint: 'https://idp.example/sso' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: { path: string }[] }>().errors.map((e) => e.path).sort()).toEqual(['idpCert', 'idpIssuer']);
    const cert = await admin.post('/api/identity-providers', { type: 'saml', name: 'Certif', entryPoint: 'https://idp.example/sso', idpIssuer: 'x', idpCert: 'not a certificate' });
    expect(cert.json()).toMatchObject({ errors: [{ path: 'idpCert', code: 'certificate_invalid' }] });
    const foreign = await admin.request('PATCH', `/api/identity-providers/${samlProviderId}`, { clientSecret: 'x' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ errors: [{ path: 'clientSecret', code: 'field_not_for_type' }] });
    const http = await admin.post('/api/identity-providers', { type: 'oidc', name: 'Ftp', issuer: 'ftp://x', clientId: 'x', clientSecret: 'y' });
    expect(http.statusCode).toBe(400);
    expect(http.json()).toMatchObject({ errors: [{ path: 'issuer' }] });
    const taken = await admin.post('/api/identity-providers', { type: 'oidc', name: 'KEYCLOAK DE TEST', issuer: 'https://x.example', clientId: 'x', clientSecret: 'y' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'name_taken', errors: [{ path: 'name' }] });
    expect(await ctx.db.identityProvider.count({ where: { organizationId: acme() } })).toBe(2);
  });

  it('lists the sign-in buttons publicly (names only) and serves the SAML service provider metadata', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/providers?organization=acme' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: samlProviderId, type: 'saml', name: 'ADFS' },
      { id: oidcProviderId, type: 'oidc', name: 'Keycloak de test' },
    ]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/providers?organization=globex' })).json()).toEqual([]);
    const metadata = await ctx.app.inject({ method: 'GET', url: `/api/identity-providers/${samlProviderId}/saml/metadata` });
    expect(metadata.statusCode).toBe(200);
    expect(metadata.body).toContain(`entityID="${PUBLIC_URL}/api/identity-providers/${samlProviderId}/saml/metadata"`);
    expect(metadata.body).toContain(`Location="${PUBLIC_URL}/api/auth/sso/${samlProviderId}/callback"`);
  });
});

describe('OpenID Connect sign-in', () => {
  const callbackPrefix = () => `${PUBLIC_URL}/api/auth/sso/${oidcProviderId}/callback`;

  it('signs in an existing member by `sub` exactly; a pending member becomes active; the round trip is PKCE with state and nonce', async () => {
    const member = await orgMember('oidc-Anne-7f3a', 'oidc', { status: 'pending' });
    accounts.set('oidc-Anne-7f3a', { sub: 'oidc-Anne-7f3a', email: 'anne@example.com', email_verified: true, given_name: 'Anne' });
    const { location, cookie } = await start(oidcProviderId);
    const auth = new URL(location);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const back = await oidcLogin(location, 'oidc-Anne-7f3a', callbackPrefix());
    const res = await callback(back, cookie);
    expect(landed(res)).toEqual({ status: 302, location: '/' });
    const session = sessionOf(res);
    expect(session).toBeTruthy();
    const me = await meWith(session!);
    expect(me.json()).toMatchObject({ member: { username: 'oidc-Anne-7f3a', status: 'active' } });
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'member.activated', targetId: member.id } })).toBe(1);
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'auth.sso_signed_in', targetId: member.id } })).toBe(1);

    // The same callback again (a replayed code and state) is refused.
    const replay = await callback(back, cookie);
    expect(landed(replay)).toEqual({ status: 302, location: '/sign-in?sso_error=request_expired&organization=acme' });
    expect(sessionOf(replay)).toBeUndefined();
  });

  it('matches `sub` case-sensitively, refuses unknown people and disabled members, and saying why', async () => {
    await orgMember('oidc-case-Sub', 'oidc');
    accounts.set('OIDC-CASE-SUB', { sub: 'OIDC-CASE-SUB', email: 'case@example.com', email_verified: true });
    let { location, cookie } = await start(oidcProviderId);
    let res = await callback(await oidcLogin(location, 'OIDC-CASE-SUB', callbackPrefix()), cookie);
    expect(landed(res).location).toBe('/sign-in?sso_error=unknown_account&organization=acme');
    expect(sessionOf(res)).toBeUndefined();

    await orgMember('oidc-disabled-1', 'oidc', { status: 'disabled' });
    accounts.set('oidc-disabled-1', { sub: 'oidc-disabled-1' });
    ({ location, cookie } = await start(oidcProviderId));
    res = await callback(await oidcLogin(location, 'oidc-disabled-1', callbackPrefix()), cookie);
    expect(landed(res).location).toBe('/sign-in?sso_error=member_disabled&organization=acme');
    expect(await ctx.db.auditEvent.count({ where: { organizationId: acme(), action: 'auth.sso_refused' } })).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong state, a callback without the browser’s round-trip cookie, and a wrong nonce', async () => {
    await orgMember('oidc-state-01', 'oidc');
    accounts.set('oidc-state-01', { sub: 'oidc-state-01' });
    let back = new URL(await oidcLogin((await start(oidcProviderId)).location, 'oidc-state-01', callbackPrefix()));
    back.searchParams.set('state', 'forged-state');
    expect(landed(await callback(back.href, 'sesame_sso=forged-state')).location).toBe('/sign-in?sso_error=request_expired&organization=acme');
    back = new URL(await oidcLogin((await start(oidcProviderId)).location, 'oidc-state-01', callbackPrefix()));
    expect(landed(await callback(back.href, '')).location).toBe('/sign-in?sso_error=request_expired&organization=acme');

    // The id_token's nonce is not the one this round trip expects.
    const { location, cookie } = await start(oidcProviderId);
    const state = new URL(location).searchParams.get('state')!;
    back = new URL(await oidcLogin(location, 'oidc-state-01', callbackPrefix()));
    const { hashToken } = await import('@sesame/db/tokens');
    await ctx.db.ssoLogin.update({ where: { id: hashToken(`oidc:${state}`) }, data: { nonce: 'another-nonce' } });
    const res = await callback(back.href, cookie);
    expect(landed(res).location).toBe('/sign-in?sso_error=response_invalid&organization=acme');
    expect(sessionOf(res)).toBeUndefined();
  });

  it('another organization’s provider can’t be used to enter this one', async () => {
    // A Globex member with the same `sub` as an Acme account: Acme's provider finds only Acme's members.
    await orgMember('oidc-globex-9', 'oidc', { org: 'globex' });
    accounts.set('oidc-globex-9', { sub: 'oidc-globex-9' });
    const { location, cookie } = await start(oidcProviderId);
    const res = await callback(await oidcLogin(location, 'oidc-globex-9', callbackPrefix()), cookie);
    expect(landed(res).location).toBe('/sign-in?sso_error=unknown_account&organization=acme');
  });
});

describe('SAML 2.0 sign-in', () => {
  const acs = () => `${PUBLIC_URL}/api/auth/sso/${samlProviderId}/callback`;
  const audience = () => `${PUBLIC_URL}/api/identity-providers/${samlProviderId}/saml/metadata`;

  async function startSaml() {
    const { location } = await start(samlProviderId);
    expect(location.startsWith('https://idp.example.test/sso?')).toBe(true);
    return authnRequestId(location);
  }
  const post = (samlResponseBase64: string) =>
    ctx.app.inject({ method: 'POST', url: `/api/auth/sso/${samlProviderId}/callback`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ SAMLResponse: samlResponseBase64 }).toString() });
  const base = (inResponseTo: string, nameId: string) => ({ idpIssuer: IDP_ENTITY, audience: audience(), acs: acs(), inResponseTo, nameId, attributes: { email: `${nameId}@example.com` } });

  it('signs in by NameID on a signed response and assertion; a replayed response is refused', async () => {
    const member = await orgMember('saml-Noe-2041', 'saml', { status: 'pending' });
    const requestId = await startSaml();
    const response = samlResponse(base(requestId, 'saml-Noe-2041'), idpKeys);
    const res = await post(response);
    expect(landed(res)).toEqual({ status: 302, location: '/' });
    expect((await meWith(sessionOf(res)!)).json()).toMatchObject({ member: { username: 'saml-Noe-2041', status: 'active' } });
    expect((await ctx.db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active');

    const replay = await post(response);
    expect(landed(replay).location).toBe('/sign-in?sso_error=response_invalid&organization=acme');
    expect(sessionOf(replay)).toBeUndefined();
  });

  it('refuses a tampered NameID, the wrong certificate, an injected unsigned assertion, the wrong audience and an expired assertion', async () => {
    await orgMember('saml-victim-1', 'saml');
    await orgMember('saml-attacker', 'saml');
    const refusedFor = async (make: (requestId: string) => string) => {
      const res = await post(make(await startSaml()));
      expect(sessionOf(res)).toBeUndefined();
      return landed(res).location;
    };
    const invalid = '/sign-in?sso_error=response_invalid&organization=acme';
    // NameID changed after signing.
    expect(await refusedFor((id) => samlResponse(base(id, 'saml-attacker'), idpKeys, { signedAssertion: (a) => a.replace('>saml-attacker<', '>saml-victim-1<') }))).toBe(invalid);
    // Signed by another key.
    const other = makeCertificate('evil.example.test');
    expect(await refusedFor((id) => samlResponse(base(id, 'saml-victim-1'), other))).toBe(invalid);
    // Signature wrapping: the signed assertion of the attacker kept, an unsigned one for the victim injected first.
    expect(
      await refusedFor((id) =>
        samlResponse(base(id, 'saml-attacker'), idpKeys, { signResponse: false, signedAssertion: (signed) => samlAssertion(base(id, 'saml-victim-1')) + signed }),
      ),
    ).toBe(invalid);
    // The same injection inside a response that is signed as a whole: still one signed assertion only, refused.
    expect(
      await refusedFor((id) => samlResponse(base(id, 'saml-attacker'), idpKeys, { signedAssertion: (signed) => samlAssertion(base(id, 'saml-victim-1')) + signed })),
    ).toBe(invalid);
    // An audience that is not ours.
    expect(await refusedFor((id) => samlResponse({ ...base(id, 'saml-victim-1'), audience: 'https://other-sp.example/metadata' }, idpKeys))).toBe(invalid);
    // Expired well beyond the accepted clock skew.
    expect(await refusedFor((id) => samlResponse({ ...base(id, 'saml-victim-1'), notBeforeMs: -3_600_000, notOnOrAfterMs: -30 * 60_000 }, idpKeys))).toBe(invalid);
    // A response answering no request of ours.
    expect(await refusedFor(() => samlResponse(base('_not-our-request', 'saml-victim-1'), idpKeys))).toBe(invalid);
    // The positive control: the same shapes, untampered, sign in.
    const ok = await post(samlResponse(base(await startSaml(), 'saml-victim-1'), idpKeys));
    expect(landed(ok).location).toBe('/');
  });
});

describe('the settings page’s test round trip', () => {
  it('reports what the OIDC provider sent, signs nobody in, and needs Update on organization settings', async () => {
    accounts.set('someone-at-idp', { sub: 'someone-at-idp', email: 'someone@example.com', email_verified: true, given_name: 'Léa', family_name: 'Test' });
    expect((await settingsViewer.get(`/api/identity-providers/${oidcProviderId}/test`)).statusCode).toBe(403);
    expect((await globexAdmin.get(`/api/identity-providers/${oidcProviderId}/test`)).statusCode).toBe(404);
    const started = await admin.get(`/api/identity-providers/${oidcProviderId}/test`);
    expect(started.statusCode).toBe(302);
    const cookie = `sesame_sso=${started.cookies.find((c) => c.name === 'sesame_sso')!.value}`;
    const back = await oidcLogin(String(started.headers.location), 'someone-at-idp', `${PUBLIC_URL}/api/auth/sso/${oidcProviderId}/callback`);
    const res = await callback(back, cookie);
    expect(res.statusCode).toBe(302);
    const landedOn = new URL(String(res.headers.location), PUBLIC_URL);
    expect(landedOn.pathname).toBe('/organization/settings');
    expect(sessionOf(res)).toBeUndefined();
    const testId = landedOn.searchParams.get('identityTest')!;
    const result = await admin.get(`/api/identity-providers/${oidcProviderId}/tests/${testId}`);
    expect(result.json()).toEqual({ ok: true, identity: { subject: 'someone-at-idp', email: 'someone@example.com', emailVerified: true, firstName: 'Léa', lastName: 'Test' } });
    expect((await settingsViewer.get(`/api/identity-providers/${oidcProviderId}/tests/${testId}`)).statusCode).toBe(403);
    expect((await globexAdmin.get(`/api/identity-providers/${oidcProviderId}/tests/${testId}`)).statusCode).toBe(404);
  });

  it('reports why a SAML test failed (a response signed by another key)', async () => {
    const started = await admin.get(`/api/identity-providers/${samlProviderId}/test`);
    expect(started.statusCode).toBe(302);
    const requestId = authnRequestId(String(started.headers.location));
    const response = samlResponse(
      { idpIssuer: IDP_ENTITY, audience: `${PUBLIC_URL}/api/identity-providers/${samlProviderId}/saml/metadata`, acs: `${PUBLIC_URL}/api/auth/sso/${samlProviderId}/callback`, inResponseTo: requestId, nameId: 'anyone-1' },
      makeCertificate('other.example.test'),
    );
    const res = await ctx.app.inject({ method: 'POST', url: `/api/auth/sso/${samlProviderId}/callback`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ SAMLResponse: response }).toString() });
    const landedOn = new URL(String(res.headers.location), PUBLIC_URL);
    expect(landedOn.pathname).toBe('/organization/settings');
    const result = await admin.get(`/api/identity-providers/${samlProviderId}/tests/${landedOn.searchParams.get('identityTest')}`);
    expect(result.json()).toEqual({ ok: false, reason: 'response_invalid' });
  });
});

describe('auto-registration of organization logins', () => {
  const callbackPrefix = () => `${PUBLIC_URL}/api/auth/sso/${oidcProviderId}/callback`;
  const refusedWith = (reason: string) => `/sign-in?sso_error=${reason}&organization=acme`;
  async function signInOidc(sub: string, account: Omit<OidcAccount, 'sub'>) {
    accounts.set(sub, { sub, ...account });
    const { location, cookie } = await start(oidcProviderId);
    return callback(await oidcLogin(location, sub, callbackPrefix()), cookie);
  }
  const membersNamed = (username: string) => ctx.db.member.count({ where: { organizationId: acme(), username } });
  const refusals = (subject: string) =>
    ctx.db.auditEvent.findMany({ where: { organizationId: acme(), action: 'auth.sso_refused' }, select: { after: true } }).then((events) => events.map((e) => e.after as Record<string, unknown>).filter((a) => a.subject === subject));
  const setAutoRegistration = async (on: boolean) => expect((await admin.request('PATCH', '/api/organization', { autoRegisterOrgLogins: on })).statusCode).toBe(200);

  afterEach(async () => {
    await setAutoRegistration(false);
    await ctx.db.approvedDomain.deleteMany({ where: { organizationId: acme() } });
    await ctx.db.organization.update({ where: { id: acme() }, data: { namedUserLimit: null } });
  });

  it('is off by default: an unknown person is refused and no account is created', async () => {
    expect((await admin.get('/api/organization')).json()).toMatchObject({ autoRegisterOrgLogins: false });
    const res = await signInOidc('new-person-off', { email: 'new.off@example.com', email_verified: true });
    expect(landed(res).location).toBe(refusedWith('unknown_account'));
    expect(await membersNamed('new-person-off')).toBe(0);
    expect(await refusals('new-person-off')).toEqual([expect.objectContaining({ reason: 'unknown_account', provider: 'Keycloak de test' })]);
  });

  it('on: registers the person with the organization’s defaults (role, user type, licences, groups), active, then signs the same member in again', async () => {
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: acme() } });
    const license = await ctx.db.license.create({ data: { organizationId: acme(), key: 'registration-licence', name: 'Registration licence', seats: 5, userTypes: { create: { userTypeId: org.defaultUserTypeId! } } } });
    const owner = await ctx.db.member.findFirstOrThrow({ where: { organizationId: acme(), username: 'admin' } });
    const group = await ctx.db.group.create({ data: { organizationId: acme(), name: 'Newcomers', ownerId: owner.id } });
    await ctx.db.organizationDefaultLicense.create({ data: { organizationId: acme(), licenseId: license.id } });
    await ctx.db.organizationDefaultGroup.create({ data: { organizationId: acme(), groupId: group.id } });
    try {
      await setAutoRegistration(true);
      const res = await signInOidc('New-Person-8c1e', { email: 'camille.neuve@example.com', email_verified: true, given_name: 'Camille', family_name: 'Neuve' });
      expect(landed(res)).toEqual({ status: 302, location: '/' });
      const me = (await meWith(sessionOf(res)!)).json<{ member: { id: string } }>();
      const member = await ctx.db.member.findUniqueOrThrow({ where: { id: me.member.id }, include: { licenses: true, groups: true } });
      expect(member).toMatchObject({
        organizationId: acme(),
        username: 'New-Person-8c1e',
        externalId: 'New-Person-8c1e',
        identityType: 'oidc',
        email: 'camille.neuve@example.com',
        firstName: 'Camille',
        lastName: 'Neuve',
        status: 'active',
        passwordHash: null,
        roleId: org.defaultRoleId,
        userTypeId: org.defaultUserTypeId,
        language: org.defaultLanguage,
      });
      // Every default of the organization's (the seed's default group, the ones added here).
      const defaults = await ctx.db.organization.findUniqueOrThrow({ where: { id: acme() }, include: { defaultLicenses: true, defaultGroups: true } });
      expect(member.licenses.map((l) => l.licenseId).sort()).toEqual(defaults.defaultLicenses.map((l) => l.licenseId).sort());
      expect(member.groups.map((g) => g.groupId).sort()).toEqual(defaults.defaultGroups.map((g) => g.groupId).sort());
      expect(member.licenses.map((l) => l.licenseId)).toContain(license.id);
      expect(member.groups.map((g) => g.groupId)).toContain(group.id);
      const registered = await ctx.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme(), action: 'member.registered', targetId: member.id } });
      expect(registered.after).toMatchObject({ username: 'New-Person-8c1e', provider: 'Keycloak de test', identityType: 'oidc', licenses: expect.arrayContaining([{ id: license.id, name: 'Registration licence' }]), groups: expect.arrayContaining([{ id: group.id, name: 'Newcomers' }]) });

      // The next sign-in finds the member: no second account.
      const again = await signInOidc('New-Person-8c1e', { email: 'camille.neuve@example.com', email_verified: true });
      expect((await meWith(sessionOf(again)!)).json()).toMatchObject({ member: { id: member.id } });
      expect(await membersNamed('New-Person-8c1e')).toBe(1);
    } finally {
      await ctx.db.organizationDefaultLicense.deleteMany({ where: { licenseId: license.id } });
      await ctx.db.organizationDefaultGroup.deleteMany({ where: { groupId: group.id } });
    }
  });

  it('with approved domains: only a verified email in one of them is registered', async () => {
    await setAutoRegistration(true);
    await ctx.db.approvedDomain.create({ data: { organizationId: acme(), domain: 'acme-partner.example' } });
    let res = await signInOidc('outsider-1', { email: 'outsider@evil-acme-partner.example', email_verified: true });
    expect(landed(res).location).toBe(refusedWith('domain_not_approved'));
    res = await signInOidc('unverified-1', { email: 'unverified@acme-partner.example', email_verified: false });
    expect(landed(res).location).toBe(refusedWith('email_not_verified'));
    res = await signInOidc('no-email-1', {});
    expect(landed(res).location).toBe(refusedWith('email_missing'));
    for (const sub of ['outsider-1', 'unverified-1', 'no-email-1']) expect(await membersNamed(sub)).toBe(0);
    expect((await refusals('unverified-1'))[0]).toMatchObject({ reason: 'email_not_verified', email: 'unverified@acme-partner.example' });

    res = await signInOidc('partner-1', { email: 'Partner.One@ACME-partner.example', email_verified: true });
    expect(landed(res).location).toBe('/');
    expect(await membersNamed('partner-1')).toBe(1);
  });

  it('never links an existing account: not by email, not by a username of another identity type', async () => {
    await setAutoRegistration(true);
    // A built-in member whose username is the `sub`: refused, the built-in account untouched.
    const builtin = await makeMember('shared-identifier', 'user');
    let res = await signInOidc('shared-identifier', { email: 'someone.else@example.com', email_verified: true });
    expect(landed(res).location).toBe(refusedWith('username_taken'));
    expect((await ctx.db.member.findUniqueOrThrow({ where: { id: builtin.id } })).identityType).toBe('builtin');

    // Same email as an existing member: a new account of its own, never a session for the existing one.
    const existing = await ctx.db.member.findUniqueOrThrow({ where: { id: builtin.id } });
    res = await signInOidc('same-email-sub', { email: existing.email, email_verified: true });
    expect(landed(res).location).toBe('/');
    const me = (await meWith(sessionOf(res)!)).json<{ member: { id: string; username: string } }>();
    expect(me.member.id).not.toBe(existing.id);
    expect(me.member.username).toBe('same-email-sub');
  });

  it('is refused within the named-user limit and the seats, audited, nothing created; two first sign-ins at once make one member', async () => {
    await setAutoRegistration(true);
    const used = await ctx.db.member.count({ where: { organizationId: acme() } });
    await ctx.db.organization.update({ where: { id: acme() }, data: { namedUserLimit: used } });
    const res = await signInOidc('over-the-limit', { email: 'over@example.com', email_verified: true });
    expect(landed(res).location).toBe(refusedWith('seats_exhausted'));
    expect(sessionOf(res)).toBeUndefined();
    expect(await ctx.db.member.count({ where: { organizationId: acme() } })).toBe(used);
    expect((await refusals('over-the-limit'))[0]).toMatchObject({ reason: 'seats_exhausted', fields: ['named_user_limit'] });

    // Room for exactly one: the same person finishing two round trips at once gets one account.
    await ctx.db.organization.update({ where: { id: acme() }, data: { namedUserLimit: used + 1 } });
    accounts.set('twice-at-once', { sub: 'twice-at-once', email: 'twice@example.com', email_verified: true });
    const trips = await Promise.all([start(oidcProviderId), start(oidcProviderId)]);
    const backs = await Promise.all(trips.map((t) => oidcLogin(t.location, 'twice-at-once', callbackPrefix())));
    const results = await Promise.all(backs.map((back, i) => callback(back, trips[i]!.cookie)));
    expect(results.map((r) => landed(r).location)).toEqual(['/', '/']);
    expect(await membersNamed('twice-at-once')).toBe(1);
    expect(await ctx.db.member.count({ where: { organizationId: acme() } })).toBe(used + 1);
  });

  it('registers through SAML too, and refuses while the defaults can’t be given (no default user type)', async () => {
    await setAutoRegistration(true);
    const acs = `${PUBLIC_URL}/api/auth/sso/${samlProviderId}/callback`;
    const audience = `${PUBLIC_URL}/api/identity-providers/${samlProviderId}/saml/metadata`;
    const post = async (nameId: string) => {
      const { location } = await start(samlProviderId);
      const response = samlResponse({ idpIssuer: IDP_ENTITY, audience, acs, inResponseTo: authnRequestId(location), nameId, attributes: { email: `${nameId}@example.com`, givenName: 'Sam', sn: 'Le' } }, idpKeys);
      return ctx.app.inject({ method: 'POST', url: `/api/auth/sso/${samlProviderId}/callback`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ SAMLResponse: response }).toString() });
    };
    const res = await post('saml-newcomer-77');
    expect(landed(res).location).toBe('/');
    expect(await ctx.db.member.findFirstOrThrow({ where: { organizationId: acme(), username: 'saml-newcomer-77' } })).toMatchObject({ identityType: 'saml', firstName: 'Sam', lastName: 'Le', status: 'active' });

    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: acme() } });
    await ctx.db.organization.update({ where: { id: acme() }, data: { defaultUserTypeId: null } });
    try {
      const refused = await post('saml-newcomer-78');
      expect(landed(refused).location).toBe(refusedWith('registration_closed'));
      expect((await refusals('saml-newcomer-78'))[0]).toMatchObject({ reason: 'registration_closed', code: 'missing_defaults' });
    } finally {
      await ctx.db.organization.update({ where: { id: acme() }, data: { defaultUserTypeId: org.defaultUserTypeId } });
    }
  });
});

describe('members for organization logins, added with the batch', () => {
  const callbackPrefix = () => `${PUBLIC_URL}/api/auth/sso/${oidcProviderId}/callback`;
  const member = (username: string, extra: Record<string, unknown> = {}) => ({ firstName: 'Org', lastName: 'Login', email: `${username.toLowerCase()}@example.com`, username, role: 'user', userType: 'creator', ...extra });

  it('creates them with their identity type, the NameID / sub as external id and no password; they sign in through the provider', async () => {
    const res = await admin.post('/api/members/batch', { mode: 'credentials', members: [member('Batch-Sub-41aa', { identityType: 'oidc' }), member('batch.builtin.41aa')], properties: {} });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ created: { username: string; identityType: string; status: string }[]; temporaryPasswords: { username: string }[] }>();
    expect(body.created.find((m) => m.username === 'Batch-Sub-41aa')).toMatchObject({ identityType: 'oidc', status: 'active' });
    // A temporary password for the built-in account only.
    expect(body.temporaryPasswords.map((p) => p.username)).toEqual(['batch.builtin.41aa']);
    const row = await ctx.db.member.findFirstOrThrow({ where: { organizationId: acme(), username: 'Batch-Sub-41aa' } });
    expect(row).toMatchObject({ identityType: 'oidc', externalId: 'Batch-Sub-41aa', passwordHash: null, mustChangePassword: false });
    const created = await ctx.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme(), action: 'member.created', targetId: row.id } });
    expect(created.after).toMatchObject({ identityType: 'oidc' });

    accounts.set('Batch-Sub-41aa', { sub: 'Batch-Sub-41aa', email: 'batch-sub-41aa@example.com', email_verified: true });
    const { location, cookie } = await start(oidcProviderId);
    const signedIn = await callback(await oidcLogin(location, 'Batch-Sub-41aa', callbackPrefix()), cookie);
    expect(landed(signedIn).location).toBe('/');
    expect((await meWith(sessionOf(signedIn)!)).json()).toMatchObject({ member: { id: row.id } });
  });

  it('invites them by email: pending until their first sign-in through the provider', async () => {
    const res = await admin.post('/api/members/batch', { mode: 'invite', members: [member('saml-invited-52', { identityType: 'saml' })], properties: {} });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ created: { status: string; identityType: string }[] }>().created[0]).toMatchObject({ status: 'pending', identityType: 'saml' });
    expect(await ctx.db.outboxMessage.count({ where: { organizationId: acme(), kind: 'invitation', to: 'saml-invited-52@example.com' } })).toBe(1);
  });

  it('refuses, all or nothing, a password for an organization login, an identity type the organization does not allow, and an unknown type', async () => {
    const before = await ctx.db.member.count({ where: { organizationId: acme() } });
    let res = await admin.post('/api/members/batch', { mode: 'credentials', members: [member('with-password-1', { identityType: 'oidc', password: 'Un-mot-de-passe-42' }), member('fine.one.63')], properties: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string; code: string }[] }>().errors).toEqual([expect.objectContaining({ path: 'members.0.password', code: 'password_not_allowed' })]);

    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: acme() } });
    await ctx.db.organization.update({ where: { id: acme() }, data: { allowedIdentityTypes: ['builtin', 'oidc'] } });
    try {
      res = await admin.post('/api/members/batch', { mode: 'credentials', members: [member('saml-not-allowed', { identityType: 'saml' })], properties: {} });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { path: string; code: string; params: Record<string, string> }[] }>().errors).toEqual([
        expect.objectContaining({ path: 'members.0.identityType', code: 'identity_type_not_configured', params: { value: 'SAML', configured: 'OIDC' } }),
      ]);
    } finally {
      await ctx.db.organization.update({ where: { id: acme() }, data: { allowedIdentityTypes: org.allowedIdentityTypes } });
    }
    res = await admin.post('/api/members/batch', { mode: 'credentials', members: [member('ldap-typed', { identityType: 'kerberos' })], properties: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]).toMatchObject({ path: 'members.0.identityType' });
    expect(await ctx.db.member.count({ where: { organizationId: acme() } })).toBe(before);
  });
});
