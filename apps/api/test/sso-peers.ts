import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Provider from 'oidc-provider';
import { SignedXml } from 'xml-crypto';

// Real identity providers for the organization-login tests, on loopback: oidc-provider (an
// OpenID Connect provider driven through its development interactions) and a SAML IdP made of
// a certificate made here and responses signed with xml-crypto.

export type OidcAccount = { sub: string; email?: string; email_verified?: boolean; given_name?: string; family_name?: string };

/** A free loopback port (the provider's issuer must be known before the provider starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startOidcProvider(opts: { port: number; clientId: string; clientSecret: string; redirectUris: string[]; accounts: Map<string, OidcAccount> }) {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'] },
    cookies: { keys: ['sesame-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx, id) => {
      const account = opts.accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider', error));
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  return { issuer, provider, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Plays the person at the provider: follows the authorization URL through the login and
 * consent interactions as `accountId`, and answers the URL the provider sends the browser back
 * to (the portal's callback with `code` and `state`).
 */
export async function oidcLogin(authorizationUrl: string, accountId: string, callbackPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  let url = authorizationUrl;
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() } });
    remember(res);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      init = { method: 'GET' };
      continue;
    }
    const page = await res.text();
    const interaction = /\/interaction\/([\w-]+)/.exec(url);
    if (!interaction) throw new Error(`oidc-provider: unexpected page at ${url}: ${res.status} ${page.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? (page.includes('name="login"') ? 'login' : 'consent');
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt });
    init = { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    url = new URL(`/interaction/${interaction[1]}`, url).href;
  }
  throw new Error('oidc-provider: too many redirects');
}

// ---------------------------------------------------------------------------------------------
// SAML

export type KeyPair = { key: string; cert: string; certBase64: string };

/** A self-signed RSA certificate and its key (openssl). */
export function makeCertificate(cn = 'idp.example.test'): KeyPair {
  const dir = mkdtempSync(path.join(tmpdir(), 'sesame-saml-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', `/CN=${cn}`], { stdio: 'ignore' });
    const cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    return { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert, certBase64: cert.replace(/-----[^-]+-----|\s+/g, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function idpMetadata(opts: { entityId: string; ssoUrl: string; certBase64: string }): string {
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${opts.entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${opts.certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${opts.ssoUrl}/post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${opts.ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

/** The ID of the AuthnRequest in an HTTP-Redirect binding URL. */
export function authnRequestId(redirectUrl: string): string {
  const request = new URL(redirectUrl).searchParams.get('SAMLRequest');
  if (!request) throw new Error('no SAMLRequest');
  const xml = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
  const id = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error('no request ID');
  return id;
}

const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

export type SamlResponseOptions = {
  idpIssuer: string;
  audience: string;
  acs: string;
  inResponseTo: string;
  nameId: string;
  attributes?: Record<string, string>;
  /** Assertion validity relative to now (default −1 min … +5 min). */
  notBeforeMs?: number;
  notOnOrAfterMs?: number;
};

export function samlAssertion(o: SamlResponseOptions, id = `_a${randomUUID()}`): string {
  const attrs = Object.entries(o.attributes ?? {})
    .map(([name, value]) => `<saml:Attribute Name="${name}"><saml:AttributeValue>${value}</saml:AttributeValue></saml:Attribute>`)
    .join('');
  const notOnOrAfter = iso(o.notOnOrAfterMs ?? 5 * 60_000);
  return `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${iso(0)}"><saml:Issuer>${o.idpIssuer}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${o.nameId}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${o.inResponseTo}" NotOnOrAfter="${notOnOrAfter}" Recipient="${o.acs}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${iso(o.notBeforeMs ?? -60_000)}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${o.audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${iso(0)}" SessionIndex="_s${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attrs}</saml:AttributeStatement></saml:Assertion>`;
}

function sign(xml: string, keys: KeyPair, element: 'Assertion' | 'Response', id: string): string {
  const sig = new SignedXml({
    privateKey: keys.key,
    publicCert: keys.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: `//*[local-name(.)='${element}' and @ID='${id}']`,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, { location: { reference: `//*[local-name(.)='${element}' and @ID='${id}']/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

/** A Response answering `inResponseTo`, its assertion and itself signed with `keys`; `assertionXml` replaces the signed assertion (for tampering tests). */
export function samlResponse(o: SamlResponseOptions, keys: KeyPair, tweak?: { signedAssertion?: (signed: string) => string; signResponse?: boolean }): string {
  const assertionId = `_a${randomUUID()}`;
  let assertion = sign(samlAssertion(o, assertionId), keys, 'Assertion', assertionId);
  if (tweak?.signedAssertion) assertion = tweak.signedAssertion(assertion);
  const responseId = `_r${randomUUID()}`;
  const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${iso(0)}" Destination="${o.acs}" InResponseTo="${o.inResponseTo}"><saml:Issuer>${o.idpIssuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
  const xml = tweak?.signResponse === false ? response : sign(response, keys, 'Response', responseId);
  return Buffer.from(xml).toString('base64');
}
