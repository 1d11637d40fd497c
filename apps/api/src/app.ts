import { identityProviderRoutes } from './features/identity-providers/routes.ts';
import { serverSecretBox } from './lib/secret-box.ts';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '@sesame/db';
import type { Config } from './config.ts';
import { authPlugin } from './lib/auth.ts';
import type { App } from './lib/route-types.ts';
import { frameworkErrors, MAX_PATH_SEGMENT, registerErrorHandler } from './lib/errors.ts';
import { documentFrameworkProblems, problemMediaTypes } from './lib/openapi.ts';
import { compressOptions, contentSecurityPolicyHeader, helmetOptions } from './lib/security-headers.ts';
import { activityRoutes } from './features/activity/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { devMailRoutes } from './features/mail/routes.ts';
import { invitationRoutes } from './features/invitations/routes.ts';
import { memberRoutes } from './features/members/routes.ts';
import { organizationRoutes } from './features/organization/routes.ts';
import { setupRoutes } from './features/setup/routes.ts';
import type { EnqueueEmail } from './lib/mail-port.ts';
import { enqueueEmail as enqueueInOutbox } from './features/mail/outbox.ts';
import { referenceRoutes } from './features/reference/routes.ts';
import { categoryRoutes } from './features/categories/routes.ts';
import { groupRoutes } from './features/groups/routes.ts';
import { licenseRoutes } from './features/licenses/routes.ts';
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
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const { notFound } = registerErrorHandler(app);
  documentFrameworkProblems(app);

  // Security headers and compression on every response, the web app's files included
  // (compression must come before @fastify/static).
  await app.register(compress, compressOptions);
  await app.register(helmet, helmetOptions);

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
  // The documentation page gets the portal's policy too (the plugin would otherwise send its own, with https: sources).
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: contentSecurityPolicyHeader, uiConfig: { validatorUrl: null } });
  await app.register(authPlugin, { db, config });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    await healthRoutes(api, { db });
    await authRoutes(api, { db, config });
    await memberRoutes(api, { db, config, enqueueEmail });
    await invitationRoutes(api, { db, config, enqueueEmail });
    await organizationRoutes(api, { db });
    await setupRoutes(api, { db, config });
    await referenceRoutes(api, { db });
    await categoryRoutes(api, { db });
    await groupRoutes(api, { db });
    await licenseRoutes(api, { db });
    await identityProviderRoutes(api, { db, config, secrets: serverSecretBox(config) });
    await accessRequestRoutes(api, { db, config, enqueueEmail, log: app.log });
    await contactRoutes(api, { db });
    await activityRoutes(api, { db });
    await importRoutes(api, { db, config, commits: importCommits });
    // Administrators only, and never in production, whatever the caller asks.
    if (devMail && config.env !== 'production') await devMailRoutes(api, { db });
  });

  serveWebApp(app, config, notFound);
  return app;
}

/**
 * Serves the built SPA with history fallback; /api stays JSON. index.html (and every file
 * whose name has no content hash) is revalidated on each load, so a new release is picked up
 * at once; hashed files under /assets are cached for a year. Source maps are built (hidden,
 * for whoever decodes a stack trace) but never served in production.
 */
function serveWebApp(app: App, config: Config, apiNotFound: NotFound) {
  const webDist = config.webDist;
  const indexHtml = path.join(webDist, 'index.html');
  if (!existsSync(indexHtml)) return;
  // Only reply.sendFile: every file goes through the handler below, which sets its caching.
  void app.register(fastifyStatic, { root: webDist, serve: false, index: false, cacheControl: false });
  const fileNotFound = (reply: FastifyReply) => reply.status(404).type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send('Not Found');
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    const raw = req.url.split('?')[0] ?? '/';
    // Under /api, the API's own 404, 405 or 414.
    if (raw.startsWith('/api/')) return apiNotFound(req, reply);
    let url: string;
    try {
      url = decodeURIComponent(raw);
    } catch {
      return fileNotFound(reply);
    }
    if (config.env === 'production' && url.endsWith('.map')) return fileNotFound(reply);
    const file = path.join(webDist, url);
    const isFile = file.startsWith(webDist + path.sep) && statSync(file, { throwIfNoEntry: false })?.isFile() === true;
    if (isFile) {
      return reply.header('cache-control', url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(raw.slice(1));
    }
    // A missing hashed file is a 404, not the app: a stale page must not get HTML as a script.
    if (url.startsWith('/assets/')) return fileNotFound(reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
