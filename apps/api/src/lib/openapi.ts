import type { FastifyInstance } from 'fastify';
import { Problem } from '@sesame/contracts';

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Declares on every API route the problems that come from outside its handler, so that the
 * OpenAPI document lists every status a route really answers:
 * - 401 and 403 on authenticated routes (no session, CSRF, forced password change, privilege);
 * - 400 where a path, query or body is validated, and wherever a body is parsed (malformed JSON);
 * - 413 and 415 wherever a body is parsed (the body limit, a content type without a parser);
 * - 414 where a path has parameters (a segment above the router's maxParamLength);
 * - 500, which the error handler renders when all else fails.
 * A route's own declaration of a status wins (e.g. a 413 with the import's `maxBytes`).
 */
export function documentFrameworkProblems(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema || schema.hide || !route.url.startsWith('/api/')) return;
    const declared = (schema.response ?? {}) as Record<string, unknown>;
    const statuses = new Set<number>([500]);
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
    const parsesBody = methods.some((m) => !BODYLESS.has(m));
    if (!route.config?.public) [401, 403].forEach((s) => statuses.add(s));
    if (schema.params || schema.querystring || schema.body || parsesBody) statuses.add(400);
    if (parsesBody) [413, 415].forEach((s) => statuses.add(s));
    if (route.url.includes(':')) statuses.add(414);
    // A new object: several routes share one declared `response` object.
    const response: Record<string, unknown> = { ...declared };
    for (const status of statuses) if (!(String(status) in response)) response[String(status)] = Problem;
    route.schema = { ...schema, response };
  });
}

type MediaTypes = Record<string, { schema?: unknown }>;
type OpenApiDocument = { paths?: Record<string, Record<string, { responses?: Record<string, { content?: MediaTypes }> }>> };

/**
 * @fastify/swagger gives every response the route's `produces` types, or application/json:
 * errors are rendered as application/problem+json, so the document says so for every 4xx and 5xx.
 */
export function problemMediaTypes<O extends object>({ openapiObject }: { openapiObject: O }): O {
  for (const operations of Object.values((openapiObject as OpenApiDocument).paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400 || !response.content) continue;
        const schema = response.content['application/json']?.schema ?? Object.values(response.content)[0]?.schema;
        response.content = { 'application/problem+json': { schema } };
      }
    }
  }
  return openapiObject;
}
