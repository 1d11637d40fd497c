import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '@sesame/db';
import type { Config } from './config.ts';
import { authPlugin } from './lib/auth.ts';
import type { App } from './lib/route-types.ts';
import { frameworkErrors, registerErrorHandler } from './lib/errors.ts';
import { documentFrameworkProblems, problemMediaTypes } from './lib/openapi.ts';
import { activityRoutes } from './features/activity/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { devMailRoutes } from './features/mail/routes.ts';
import { invitationRoutes } from './features/invitations/routes.ts';
import { memberRoutes } from './features/members/routes.ts';
import { organizationRoutes } from './features/organization/routes.ts';
import type { EnqueueEmail } from './lib/mail-port.ts';
import { enqueueEmail as enqueueInOutbox } from './features/mail/outbox.ts';
import { referenceRoutes } from './features/reference/routes.ts';
import { createCommitRunner, type CommitHooks } from './features/imports/commit.ts';
import { importRoutes } from './features/imports/routes.ts';
import { accessRequestRoutes } from './features/access-requests/routes.ts';
import { contactRoutes } from './features/contacts/routes.ts';

type NotFound = ReturnType<typeof registerErrorHandler>['notFound'];

export type AppDeps = {
  db: Db;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /** How services queue emails; by default, the transactional outbox. */
  enqueueEmail?: EnqueueEmail;
  /** The development mail catcher runs: expose what it caught at /api/dev/mail. */
  devMail?: boolean;
  /** Test hooks of the CSV import's commit. */
  importCommitHooks?: CommitHooks;
};

export async function buildApp({ db, config, logger, enqueueEmail = enqueueInOutbox, devMail = false, importCommitHooks }: AppDeps) {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    // Above every documented path parameter (tokens: at most 200): longer segments get 414.
    routerOptions: { maxParamLength: 256 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const { notFound } = registerErrorHandler(app);
  documentFrameworkProblems(app);

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  // Commits of CSV imports run in the background; closing the server waits for them.
  const importCommits = createCommitRunner(db, app.log, importCommitHooks);
  app.addHook('onClose', () => importCommits.close());

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Sésame API', version: '0.1.0', description: 'Member administration portal' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sesame_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Errors are application/problem+json, whatever the route produces.
    transformObject: (doc) => ('openapiObject' in doc ? problemMediaTypes(doc) : doc.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { db, config });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    await healthRoutes(api, { db });
    await authRoutes(api, { db, config });
    await memberRoutes(api, { db, config, enqueueEmail });
    await invitationRoutes(api, { db, config, enqueueEmail });
    await organizationRoutes(api, { db });
    await referenceRoutes(api, { db });
    await accessRequestRoutes(api, { db, config, enqueueEmail, log: app.log });
    await contactRoutes(api, { db });
    await activityRoutes(api, { db });
    await importRoutes(api, { db, config, commits: importCommits });
    // Public and unauthenticated: never in production, whatever the caller asks.
    if (devMail && config.env !== 'production') await devMailRoutes(api, { db });
  });

  serveWebApp(app, config.webDist, notFound);
  return app;
}

/** Serves the built SPA with history fallback; /api stays JSON. */
function serveWebApp(app: App, webDist: string, notFound: NotFound) {
  const indexHtml = path.join(webDist, 'index.html');
  if (!existsSync(indexHtml)) return;
  void app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/')) {
      return notFound(req, reply);
    }
    const file = path.join(webDist, url);
    if (url !== '/' && file.startsWith(webDist) && existsSync(file) && !url.endsWith('/')) {
      return reply.header('cache-control', url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(url.slice(1));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
