import { SetupBody, SetupResponse, SetupStatus } from '@sesame/contracts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../lib/auth.ts';
import { problems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

/** First run (decision 013): public, since nobody can sign in yet; the printed one-time token is the credential. */
export async function setupRoutes(app: App, deps: service.SetupDeps) {
  const tags = ['setup'];

  app.get('/api/setup', {
    config: { public: true },
    schema: {
      operationId: 'getSetupStatus',
      tags,
      description: 'Whether the portal waits for its first organization (true only while the database holds none).',
      response: { 200: SetupStatus },
    },
    handler: async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.getSetupStatus(deps);
    },
  });

  app.post('/api/setup', {
    config: { public: true },
    schema: {
      operationId: 'runSetup',
      tags,
      description:
        'Creates the first organization and its administrator with the one-time token the server printed at start, and signs the administrator in. ' +
        '403 setup_token_invalid for a wrong or expired token (429 after repeated failures from one source); 409 setup_done once an organization exists.',
      body: SetupBody,
      response: { 201: SetupResponse, ...problems(400, 403, 409, 429) },
    },
    handler: async (req, reply) => {
      const { sessionToken, response } = await service.runSetup(deps, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, sessionToken, sessionCookieOptions(deps.config, req));
      return reply.status(201).send(response);
    },
  });
}
