import { SsoFailureReason, CreateIdentityProviderBody, IdentityProvider, IdentityProviderIdParams, IdentityProviderList, PublicProviderList, PublicProvidersQuery, UpdateIdentityProviderBody } from '@sesame/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, SESSION_COOKIE, sessionCookieOptions, type RouteAccess } from '../../lib/auth.ts';
import { notFound } from '../../lib/errors.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';
import { finishSignIn, recordTest, samlServiceProviderMetadata, SsoFailure, startSignIn } from './sso.ts';

const DeleteProviderResponse = z.object({ id: z.string(), name: z.string() });
const ProviderParams = z.object({ providerId: z.uuid('The id must be a UUID') });
/** A round trip's answer: the browser is sent on (no body); failures go to the sign-in page the same way. */
const Redirect = z.null().describe('Sent on with a Location header');

const TestParams = z.object({ id: z.uuid('The id must be a UUID'), testId: z.string().regex(/^[0-9a-f]{64}$/, 'Not a test id') });
const TestResult = z.union([
  z.object({ ok: z.literal(true), identity: z.object({ subject: z.string(), email: z.string().nullable(), emailVerified: z.boolean(), firstName: z.string().nullable(), lastName: z.string().nullable() }) }),
  z.object({ ok: z.literal(false), reason: SsoFailureReason }),
  z.object({ ok: z.null() }),
]);
/** Where a test round trip ends: the settings page, which reads the result. */
const testPage = (providerId: string, testId: string) => `/organization/settings?${new URLSearchParams({ identityTest: testId, provider: providerId })}`;

/** The cookie that binds an OIDC round trip to the browser that started it. */
const ROUND_TRIP_COOKIE = 'sesame_sso';

/**
 * Identity providers for organization logins (issue 16; shared/API.md "Organization logins"):
 * administered with Update on organization settings (read with View); the sign-in round trips
 * are public routes.
 */
export async function identityProviderRoutes(app: App, deps: service.IdentityProviderDeps) {
  const tags = ['identity-providers'];
  const read: RouteAccess = { privilege: ['organization_settings', 'view'] };
  const write: RouteAccess = { privilege: ['organization_settings', 'update'] };
  const base = (req: FastifyRequest): service.Base => ({ publicBase: publicBaseUrl(deps.config, req) });
  const client = (req: FastifyRequest) => ({ ip: req.ip, ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}) });

  app.get('/api/identity-providers', {
    config: read,
    schema: { operationId: 'listIdentityProviders', tags, description: 'The organization’s identity providers (secrets are never returned: `hasClientSecret`).', response: { 200: IdentityProviderList, ...commonProblems } },
    handler: (req) => service.listProviders(deps, authOf(req), base(req)),
  });
  app.post('/api/identity-providers', {
    config: write,
    schema: {
      operationId: 'createIdentityProvider',
      tags,
      description: 'Adds an OpenID Connect provider (issuer with discovery, client id and secret) or a SAML 2.0 one (metadata XML, or entry point + certificate + issuer). The client secret is stored encrypted with SECRETS_KEY.',
      body: CreateIdentityProviderBody,
      response: { 201: IdentityProvider, ...commonProblems, ...problems(409) },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createProvider(deps, authOf(req), req.body, base(req), client(req))),
  });
  app.patch('/api/identity-providers/:id', {
    config: write,
    schema: { operationId: 'updateIdentityProvider', tags, description: 'Changes a provider; a secret not given is kept.', params: IdentityProviderIdParams, body: UpdateIdentityProviderBody, response: { 200: IdentityProvider, ...commonProblems, ...problems(404, 409) } },
    handler: (req) => service.updateProvider(deps, authOf(req), req.params.id, req.body, base(req), client(req)),
  });
  app.delete('/api/identity-providers/:id', {
    config: write,
    schema: { operationId: 'deleteIdentityProvider', tags, description: 'Removes a provider; its members stay (they can no longer sign in through it).', params: IdentityProviderIdParams, response: { 200: DeleteProviderResponse, ...commonProblems, ...problems(404) } },
    handler: (req) => service.deleteProvider(deps, authOf(req), req.params.id, client(req)),
  });
  app.get('/api/identity-providers/:id/saml/metadata', {
    config: { public: true },
    schema: { operationId: 'getServiceProviderMetadata', tags, description: 'The service provider’s SAML metadata for this provider (public, as identity providers fetch it).', params: IdentityProviderIdParams, produces: ['application/samlmetadata+xml'], response: { 200: z.string(), ...problems(404) } },
    handler: async (req, reply) => {
      const p = await deps.db.identityProvider.findFirst({ where: { id: req.params.id, type: 'saml' } });
      if (!p) throw notFound('identity_provider');
      return reply.type('application/samlmetadata+xml; charset=utf-8').send(samlServiceProviderMetadata(deps, p, base(req)));
    },
  });

  app.get('/api/identity-providers/:id/test', {
    config: write,
    schema: {
      operationId: 'testIdentityProvider',
      tags,
      description: 'Starts a test round trip with the provider (302): it signs nobody in; its end lands on the settings page, which reads what the provider sent from `GET …/tests/:testId`.',
      params: IdentityProviderIdParams,
      response: { 302: Redirect, ...commonProblems, ...problems(404) },
    },
    handler: async (req, reply) => {
      const auth = authOf(req);
      const p = await service.getProvider(deps, auth.organizationId, req.params.id);
      try {
        const started = await startSignIn(deps, p, base(req), 'test', auth.memberId);
        if (started.state) reply.setCookie(ROUND_TRIP_COOKIE, started.state, { ...sessionCookieOptions(deps.config, req), path: '/api/auth/sso', maxAge: 600 });
        reply.header('cache-control', 'no-store');
        return reply.redirect(started.location, 302);
      } catch (error) {
        if (!(error instanceof SsoFailure)) throw error;
        return reply.redirect(`/organization/settings?${new URLSearchParams({ identityTestError: error.reason, provider: p.id })}`, 302);
      }
    },
  });
  app.get('/api/identity-providers/:id/tests/:testId', {
    config: write,
    schema: {
      operationId: 'getIdentityProviderTest',
      tags,
      description: 'What a test round trip found: the identity the provider sent, or why it failed (`ok: null` while it is under way).',
      params: TestParams,
      response: { 200: TestResult, ...commonProblems, ...problems(404) },
    },
    handler: async (req) => {
      const auth = authOf(req);
      const login = await deps.db.ssoLogin.findFirst({ where: { id: req.params.testId, providerId: req.params.id, organizationId: auth.organizationId, purpose: 'test' }, select: { result: true } });
      if (!login) throw notFound('identity_provider');
      return (login.result ?? { ok: null }) as z.infer<typeof TestResult>;
    },
  });

  // ---- Public: the sign-in page's buttons and the round trips.
  app.get('/api/auth/providers', {
    config: { public: true },
    schema: { operationId: 'listSignInProviders', tags: ['auth'], description: 'The sign-in buttons of an organization: its providers’ names (public).', querystring: PublicProvidersQuery, response: { 200: PublicProviderList, ...problems(400) } },
    handler: (req) => service.publicProviders(deps, req.query.organization),
  });

  /** Where a failed round trip lands: the sign-in page, which words the reason in the member's language. */
  async function failed(reply: FastifyReply, req: FastifyRequest, providerId: string, error: unknown) {
    if (!(error instanceof SsoFailure)) throw error;
    req.log.info({ providerId, reason: error.reason, detail: error.detail }, 'organization login refused');
    if (error.testLoginId) {
      await recordTest(deps.db, error.testLoginId, { ok: false, reason: error.reason });
      reply.clearCookie(ROUND_TRIP_COOKIE, { path: '/api/auth/sso' });
      return reply.redirect(testPage(providerId, error.testLoginId), 302);
    }
    const org = await deps.db.identityProvider.findUnique({ where: { id: providerId }, select: { organization: { select: { slug: true } } } });
    const query = new URLSearchParams({ sso_error: error.reason, ...(org ? { organization: org.organization.slug } : {}) });
    reply.clearCookie(ROUND_TRIP_COOKIE, { path: '/api/auth/sso' });
    return reply.redirect(`/sign-in?${query}`, 302);
  }

  app.get('/api/auth/sso/:providerId/start', {
    config: { public: true },
    schema: { operationId: 'startOrganizationLogin', tags: ['auth'], description: 'Sends the browser to the identity provider (302).', params: ProviderParams, response: { 302: Redirect } },
    handler: async (req, reply) => {
      const p = await deps.db.identityProvider.findUnique({ where: { id: req.params.providerId } });
      if (!p) return failed(reply, req, req.params.providerId, new SsoFailure('provider_unavailable'));
      try {
        const started = await startSignIn(deps, p, base(req), 'sign_in');
        if (started.state) {
          reply.setCookie(ROUND_TRIP_COOKIE, started.state, { ...sessionCookieOptions(deps.config, req), path: '/api/auth/sso', maxAge: 600 });
        }
        reply.header('cache-control', 'no-store');
        return reply.redirect(started.location, 302);
      } catch (error) {
        return failed(reply, req, p.id, error);
      }
    },
  });

  const finish = async (req: FastifyRequest<{ Params: { providerId: string } }>, reply: FastifyReply, input: Parameters<typeof finishSignIn>[3]) => {
    const p = await deps.db.identityProvider.findUnique({ where: { id: req.params.providerId } });
    if (!p) return failed(reply, req, req.params.providerId, new SsoFailure('provider_unavailable'));
    try {
      const done = await finishSignIn(deps, p, base(req), input, client(req));
      reply.clearCookie(ROUND_TRIP_COOKIE, { path: '/api/auth/sso' });
      reply.header('cache-control', 'no-store');
      if (done.kind === 'test') return reply.redirect(testPage(p.id, done.loginId), 302);
      reply.setCookie(SESSION_COOKIE, done.token, sessionCookieOptions(deps.config, req));
      return reply.redirect('/', 302);
    } catch (error) {
      return failed(reply, req, p.id, error);
    }
  };

  app.get('/api/auth/sso/:providerId/callback', {
    config: { public: true },
    schema: { operationId: 'finishOpenIdConnectLogin', tags: ['auth'], description: 'OpenID Connect redirect URI: signs the member in and sends them into the portal (302), or to the sign-in page saying why.', params: ProviderParams, response: { 302: Redirect } },
    handler: (req, reply) => finish(req, reply, { callbackUrl: new URL(req.url, 'http://callback.invalid'), boundState: req.cookies[ROUND_TRIP_COOKIE] }),
  });

  // The SAML assertion consumer service: an HTML form POST from the IdP.
  await app.register(async (child) => {
    const acs = child.withTypeProvider<ZodTypeProvider>();
    acs.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    acs.post('/api/auth/sso/:providerId/callback', {
      config: { public: true },
      schema: {
        operationId: 'finishSamlLogin',
        tags: ['auth'],
        description: 'SAML assertion consumer service (HTTP-POST binding).',
        params: ProviderParams,
        body: z.object({ SAMLResponse: z.string().min(1).max(1_000_000), RelayState: z.string().max(2000).optional() }),
        response: { 302: Redirect },
      },
      handler: (req, reply) => finish(req, reply, { samlResponse: req.body.SAMLResponse }),
    });
  });
}
