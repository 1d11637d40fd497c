import { ChangePasswordBody, CsrfResponse, MeResponse, OkResponse, SignInBody, SignInResponse } from '@sesame/contracts';
import { authOf, SESSION_COOKIE, sessionCookieOptions } from '../../lib/auth.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

export async function authRoutes(app: App, deps: service.AuthDeps) {
  const tags = ['auth'];

  app.post('/api/auth/sign-in', {
    config: { public: true },
    schema: { operationId: 'signIn', tags, body: SignInBody, response: { 200: SignInResponse, ...commonProblems, ...problems(429) } },
    handler: async (req, reply) => {
      const { token, response } = await service.signIn(deps, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config, req));
      return response;
    },
  });

  app.post('/api/auth/sign-out', {
    config: { allowDuringPasswordChange: true },
    schema: { operationId: 'signOut', tags, response: { 200: OkResponse, ...commonProblems } },
    handler: async (req, reply) => {
      await service.signOut(deps, authOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/me', {
    config: { allowDuringPasswordChange: true },
    schema: { operationId: 'getMe', tags, response: { 200: MeResponse, ...commonProblems } },
    handler: (req) => service.me(deps, authOf(req)),
  });

  app.get('/api/auth/csrf', {
    config: { allowDuringPasswordChange: true },
    schema: { operationId: 'getCsrfToken', tags, response: { 200: CsrfResponse, ...commonProblems } },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: authOf(req).csrfToken };
    },
  });

  app.post('/api/auth/change-password', {
    config: { allowDuringPasswordChange: true },
    schema: { operationId: 'changePassword', tags, body: ChangePasswordBody, response: { 200: OkResponse, ...commonProblems } },
    handler: async (req) => {
      await service.changePassword(deps, authOf(req), req.body, { ip: req.ip });
      return { ok: true as const };
    },
  });
}
