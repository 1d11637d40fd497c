import { SAML, ValidateInResponseTo, type CacheItem, type CacheProvider, type Profile } from '@node-saml/node-saml';
import type { SsoFailureReason } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import * as oidc from 'openid-client';
import { audit } from '../../lib/audit.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { startSession } from '../auth/session.ts';
import { CLIENT_SECRET_PURPOSE, callbackPath, spEntityId, type Base, type Identity, type IdentityProviderDeps, type ProviderRow } from './service.ts';
import { toPem } from './saml-metadata.ts';
import { checkRegistration, createRegisteredMember, isUsernameConflict, type RegistrationRefusal } from './registration.ts';

/** How long a round trip with the identity provider may take. */
const ROUND_TRIP_MS = 10 * 60_000;
/** Clock difference accepted between the IdP and this server (SAML NotBefore / NotOnOrAfter). */
export const SAML_CLOCK_SKEW_MS = 2 * 60_000;

/** A sign-in through a provider that did not end in a session: the sign-in page says why. */
export class SsoFailure extends Error {
  /** The test round trip this failure ends, when it is one (the settings page shows why). */
  testLoginId?: string;
  constructor(
    readonly reason: SsoFailureReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/** Marks a failure as the end of round trip `login` when that was a test. */
function within<T>(login: { id: string; purpose: string } | null | undefined, run: () => Promise<T>): Promise<T> {
  return run().catch((error: unknown) => {
    if (error instanceof SsoFailure && login?.purpose === 'test') error.testLoginId = login.id;
    throw error;
  });
}

// ---------------------------------------------------------------------------------------------
// OpenID Connect (openid-client 6): authorization code + PKCE (S256) + state + nonce.

/** http issuers are accepted only on loopback outside production (test peers, local trials). */
function allowHttp(deps: IdentityProviderDeps, issuer: string): boolean {
  const url = new URL(issuer);
  return deps.config.env !== 'production' && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const discovered = new Map<string, { at: number; config: oidc.Configuration }>();

async function oidcConfiguration(deps: IdentityProviderDeps, p: ProviderRow): Promise<oidc.Configuration> {
  const key = `${p.id}:${p.updatedAt.getTime()}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < 10 * 60_000) return cached.config;
  if (!p.issuer || !p.clientId || !p.clientSecretSealed || !deps.secrets) throw new SsoFailure('provider_unavailable', 'incomplete settings');
  const secret = deps.secrets.open(p.clientSecretSealed, CLIENT_SECRET_PURPOSE);
  try {
    const config = await oidc.discovery(new URL(p.issuer), p.clientId, secret, undefined, {
      ...(allowHttp(deps, p.issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    discovered.set(key, { at: Date.now(), config });
    return config;
  } catch (error) {
    throw new SsoFailure('provider_unavailable', error instanceof Error ? error.message : String(error));
  }
}

async function startOidc(deps: IdentityProviderDeps, p: ProviderRow, base: Base, purpose: 'sign_in' | 'test', testedById?: string): Promise<{ location: string; state: string }> {
  const config = await oidcConfiguration(deps, p);
  const state = newToken();
  const nonce = newToken();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await deps.db.ssoLogin.create({
    data: { id: hashToken(`oidc:${state}`), organizationId: p.organizationId, providerId: p.id, codeVerifier, nonce, purpose, testedById: testedById ?? null, expiresAt: new Date(Date.now() + ROUND_TRIP_MS) },
  });
  const scopes = new Set(['openid', 'email', 'profile', ...(p.scopes ?? '').split(' ').filter(Boolean)]);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${base.publicBase}${callbackPath(p.id)}`,
    scope: [...scopes].join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { location: url.href, state };
}

/** The round trip of `state`, consumed once (a replayed callback finds it used). */
async function consumeRoundTrip(db: Db, id: string, providerId: string) {
  const login = await db.ssoLogin.findUnique({ where: { id } });
  if (!login || login.providerId !== providerId || login.expiresAt < new Date()) throw new SsoFailure('request_expired');
  const { count } = await db.ssoLogin.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: new Date() } });
  if (count !== 1) throw new SsoFailure('request_expired', 'already used');
  return login;
}

async function finishOidc(deps: IdentityProviderDeps, p: ProviderRow, base: Base, callbackUrl: URL, boundState: string | undefined): Promise<{ identity: Identity; purpose: string; loginId: string }> {
  const state = callbackUrl.searchParams.get('state');
  if (!state) throw new SsoFailure('response_invalid', 'no state');
  // The round trip belongs to the browser that started it (its cookie), so nobody can hand a victim their own callback.
  if (!boundState || boundState !== state) throw new SsoFailure('request_expired', 'state not bound to this browser');
  const login = await consumeRoundTrip(deps.db, hashToken(`oidc:${state}`), p.id);
  return within(login, () => exchangeOidc(deps, p, base, callbackUrl, state, login));
}

async function exchangeOidc(
  deps: IdentityProviderDeps,
  p: ProviderRow,
  base: Base,
  callbackUrl: URL,
  state: string,
  login: { id: string; purpose: string; codeVerifier: string | null; nonce: string | null },
): Promise<{ identity: Identity; purpose: string; loginId: string }> {
  if (callbackUrl.searchParams.get('error')) throw new SsoFailure('response_invalid', callbackUrl.searchParams.get('error') ?? undefined);
  const config = await oidcConfiguration(deps, p);
  // openid-client compares the redirect_uri it is given with the callback's own address.
  const current = new URL(`${base.publicBase}${callbackPath(p.id)}${callbackUrl.search}`);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: login.codeVerifier ?? '', expectedState: state, expectedNonce: login.nonce ?? '', idTokenExpected: true });
  } catch (error) {
    throw new SsoFailure('response_invalid', error instanceof Error ? error.message : String(error));
  }
  const claims = tokens.claims();
  if (!claims?.sub) throw new SsoFailure('response_invalid', 'no sub');
  // Email and names are read from one payload, userinfo when the provider has it (the id_token often lacks them).
  let info: Record<string, unknown> = claims;
  if (config.serverMetadata().userinfo_endpoint) {
    try {
      info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    } catch (error) {
      throw new SsoFailure('response_invalid', error instanceof Error ? error.message : String(error));
    }
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    purpose: login.purpose,
    loginId: login.id,
    identity: {
      subject: claims.sub,
      email: str(info.email),
      emailVerified: info.email_verified === true || info.email_verified === 'true',
      firstName: str(info.given_name),
      lastName: str(info.family_name),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// SAML 2.0 (@node-saml/node-saml ≥ 5.1): signed response and assertion, InResponseTo checked
// against the database (shared by every API process), audience and issuer, bounded clock skew.

/** node-saml's request-id cache over SsoLogin: a request id is accepted once. */
class DbRequestCache implements CacheProvider {
  consumed = false;
  constructor(
    private readonly db: Db,
    private readonly p: ProviderRow,
    private readonly purpose: 'sign_in' | 'test' = 'sign_in',
    private readonly testedById?: string,
  ) {}
  private id = (key: string) => hashToken(`saml:${key}`);
  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    const created = new Date();
    await this.db.ssoLogin.create({ data: { id: this.id(key), organizationId: this.p.organizationId, providerId: this.p.id, purpose: this.purpose, testedById: this.testedById ?? null, nonce: value, createdAt: created, expiresAt: new Date(created.getTime() + ROUND_TRIP_MS) } });
    return { value, createdAt: created.getTime() };
  }
  async getAsync(key: string): Promise<string | null> {
    const login = await this.db.ssoLogin.findUnique({ where: { id: this.id(key) } });
    if (!login || login.providerId !== this.p.id || login.consumedAt || login.expiresAt < new Date()) return null;
    return login.nonce;
  }
  async removeAsync(key: string | null): Promise<string | null> {
    if (!key) return null;
    const { count } = await this.db.ssoLogin.updateMany({ where: { id: this.id(key), providerId: this.p.id, consumedAt: null }, data: { consumedAt: new Date() } });
    if (count === 1) this.consumed = true;
    return count === 1 ? key : null;
  }
  roundTrip = (key: string) => this.db.ssoLogin.findFirst({ where: { id: this.id(key), providerId: this.p.id }, select: { id: true, purpose: true } });
}

function samlFor(deps: IdentityProviderDeps, p: ProviderRow, base: Base, cache: CacheProvider): SAML {
  if (!p.samlEntryPoint || !p.samlIdpCert || !p.samlIdpIssuer) throw new SsoFailure('provider_unavailable', 'incomplete settings');
  const entity = spEntityId(base, p.id);
  return new SAML({
    callbackUrl: `${base.publicBase}${callbackPath(p.id)}`,
    entryPoint: p.samlEntryPoint,
    issuer: entity,
    audience: entity,
    idpIssuer: p.samlIdpIssuer,
    idpCert: p.samlIdpCert.split('\n').filter(Boolean).map(toPem),
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: ROUND_TRIP_MS,
    cacheProvider: cache,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
  });
}

async function startSaml(deps: IdentityProviderDeps, p: ProviderRow, base: Base, purpose: 'sign_in' | 'test', testedById?: string): Promise<{ location: string }> {
  const saml = samlFor(deps, p, base, new DbRequestCache(deps.db, p, purpose, testedById));
  return { location: await saml.getAuthorizeUrlAsync('', undefined, {}) };
}

const first = (profile: Profile, ...names: string[]): string | null => {
  for (const name of names) {
    const v = (profile as Record<string, unknown>)[name];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string' && s.trim()) return s.trim();
  }
  return null;
};

/** The request a response says it answers (read before any check, only to tell a test round trip's failure apart). */
function claimedRequestId(samlResponse: string): string | null {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  return /<(?:\w+:)?Response\b[^>]*\sInResponseTo="([^"]{1,200})"/.exec(xml)?.[1] ?? null;
}

async function finishSaml(deps: IdentityProviderDeps, p: ProviderRow, base: Base, samlResponse: string): Promise<{ identity: Identity; purpose: string; loginId: string | null }> {
  const cache = new DbRequestCache(deps.db, p);
  const claimed = claimedRequestId(samlResponse);
  const login = claimed ? await cache.roundTrip(claimed) : null;
  return within(login, () => validateSaml(deps, p, base, samlResponse, cache, login));
}

async function validateSaml(
  deps: IdentityProviderDeps,
  p: ProviderRow,
  base: Base,
  samlResponse: string,
  cache: DbRequestCache,
  login: { id: string; purpose: string } | null,
): Promise<{ identity: Identity; purpose: string; loginId: string | null }> {
  const saml = samlFor(deps, p, base, cache);
  let profile: Profile | null;
  try {
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw new SsoFailure('response_invalid', error instanceof Error ? error.message : String(error));
  }
  // The response answered a request of ours that no other response used (two replays at once: one wins).
  if (!profile || !cache.consumed) throw new SsoFailure('response_invalid', 'request already answered');
  if (!profile.nameID) throw new SsoFailure('response_invalid', 'no NameID');
  // node-saml checked that the response answers a request of ours (InResponseTo): the one read above.
  const answered = profile.inResponseTo ? await cache.roundTrip(String(profile.inResponseTo)) : null;
  if (!answered || answered.id !== login?.id) throw new SsoFailure('response_invalid', 'InResponseTo');
  const purpose = answered.purpose;
  const email = first(profile, 'email', 'mail', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'urn:oid:0.9.2342.19200300.100.1.3');
  return {
    purpose,
    loginId: answered.id,
    identity: {
      subject: profile.nameID,
      email,
      // A SAML IdP asserts what it signs: an email attribute it sends counts as verified by it.
      emailVerified: email !== null,
      firstName: first(profile, 'firstName', 'givenName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'urn:oid:2.5.4.42'),
      lastName: first(profile, 'lastName', 'sn', 'surname', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'urn:oid:2.5.4.4'),
    },
  };
}

export function samlServiceProviderMetadata(deps: IdentityProviderDeps, p: ProviderRow, base: Base): string {
  return samlFor(deps, p, base, new DbRequestCache(deps.db, p)).generateServiceProviderMetadata(null, null);
}

// ---------------------------------------------------------------------------------------------

export async function startSignIn(deps: IdentityProviderDeps, p: ProviderRow, base: Base, purpose: 'sign_in' | 'test', testedById?: string): Promise<{ location: string; state?: string }> {
  return p.type === 'oidc' ? startOidc(deps, p, base, purpose, testedById) : startSaml(deps, p, base, purpose, testedById);
}

export type Finished = { kind: 'signed_in'; token: string } | { kind: 'test'; loginId: string };

/** What a test round trip found, kept on it for the settings page (GET …/tests/:testId). */
export async function recordTest(db: Db, loginId: string, result: { ok: true; identity: Identity } | { ok: false; reason: SsoFailureReason }) {
  await db.ssoLogin.update({ where: { id: loginId }, data: { result } });
}

/**
 * Ends a round trip: the member is found by identity type + external id = NameID / `sub`,
 * exactly (opaque, case-sensitive); a disabled member is refused; a pending member becomes
 * active. An unknown person is registered when the organization allows it (registration.ts),
 * else refused. Every refusal is audited with its reason.
 */
export async function finishSignIn(
  deps: IdentityProviderDeps,
  p: ProviderRow,
  base: Base,
  input: { callbackUrl: URL; boundState?: string | undefined } | { samlResponse: string },
  client: { ip: string; userAgent?: string },
): Promise<Finished> {
  const { identity, purpose, loginId } = 'samlResponse' in input ? await finishSaml(deps, p, base, input.samlResponse) : await finishOidc(deps, p, base, input.callbackUrl, input.boundState);
  if (purpose === 'test' && loginId) {
    await recordTest(deps.db, loginId, { ok: true, identity });
    return { kind: 'test', loginId };
  }
  const { db } = deps;
  const refuse = async (refusal: RegistrationRefusal, target?: { id: string; username: string }) => {
    await audit(db, {
      organizationId: p.organizationId,
      action: 'auth.sso_refused',
      targetType: target ? 'member' : 'identity_provider',
      targetId: target?.id ?? p.id,
      targetLabel: target?.username ?? p.name,
      after: { reason: refusal.reason, provider: p.name, subject: identity.subject, ...refusal.detail },
      ip: client.ip,
    });
    return new SsoFailure(refusal.reason);
  };
  // Two first sign-ins of one person at once: the second finds the member the first registered.
  for (let attempt = 0; ; attempt++) {
    const member = await findOrgLoginMember(db, p, identity.subject);
    if (member?.status === 'disabled') throw await refuse({ reason: 'member_disabled' }, member);
    const registration = member ? null : await checkRegistration(db, p, identity);
    if (registration && 'refusal' in registration) throw await refuse(registration.refusal);
    const now = new Date();
    try {
      const outcome = await db.$transaction(async (tx) => {
        let signedIn: { id: string; username: string };
        if (member) {
          signedIn = member;
          if (member.status === 'pending') {
            await tx.member.update({ where: { id: member.id, organizationId: p.organizationId }, data: { status: 'active', activatedAt: now, externalId: identity.subject } });
            await audit(tx, { organizationId: p.organizationId, actorId: member.id, actorUsername: member.username, action: 'member.activated', targetType: 'member', targetId: member.id, targetLabel: member.username, after: { status: 'active', provider: p.name }, ip: client.ip });
          }
        } else if (registration && 'plan' in registration) {
          const created = await createRegisteredMember(tx, p, identity, registration.plan, now, client.ip);
          if ('refusal' in created) return created;
          signedIn = created.member;
        } else {
          throw new Error('no member and no registration plan');
        }
        await tx.member.update({ where: { id: signedIn.id, organizationId: p.organizationId }, data: { lastSignInAt: now } });
        await audit(tx, { organizationId: p.organizationId, actorId: signedIn.id, actorUsername: signedIn.username, action: 'auth.sso_signed_in', targetType: 'member', targetId: signedIn.id, targetLabel: signedIn.username, after: { provider: p.name, type: p.type }, ip: client.ip });
        return { token: await startSession(tx, deps.config, { organizationId: p.organizationId, memberId: signedIn.id }, client, now) };
      });
      if ('token' in outcome) return { kind: 'signed_in', token: outcome.token };
      // Refused under the capacity lock: unless the same person's other sign-in registered them meanwhile.
      if (attempt === 0 && (await findOrgLoginMember(db, p, identity.subject))) continue;
      throw await refuse(outcome.refusal);
    } catch (error) {
      if (!member && attempt === 0 && isUsernameConflict(error)) continue;
      throw error;
    }
  }
}

/** The organization's member for this login: identity type + external id (or, before their first sign-in, username), exactly. */
async function findOrgLoginMember(db: Db, p: ProviderRow, subject: string) {
  const candidates = await db.member.findMany({
    where: { organizationId: p.organizationId, identityType: p.type, OR: [{ externalId: subject }, { externalId: null, username: subject }] },
    select: { id: true, username: true, status: true, externalId: true },
    take: 2,
  });
  return candidates.find((m) => m.externalId === subject) ?? candidates[0];
}
