import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { Problem } from '@sesame/contracts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Problem responses a route gives, declared so they appear in the OpenAPI document. */
export const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, Problem]));
/**
 * Refusals of most routes (validation, authentication, CSRF, privileges). Only throttled
 * routes add 429; lib/openapi.ts adds what the framework itself answers (400, 413, 414, 415, 500).
 */
export const commonProblems = problems(400, 401, 403);

/**
 * A file sent or answered as is (a picture, a CSV upload or export): documented as binary
 * in the route's `consumes` / `produces` types. Fastify sends buffers and streams without a
 * serializer; an uploaded body is the content-type parser's (a buffer, or nothing when it
 * is streamed).
 */
export const RawFile = z.custom<Buffer | string | Readable>(() => true).meta({ type: 'string', format: 'binary' });
