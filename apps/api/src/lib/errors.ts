import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode } from '@sesame/contracts';

export type FieldError = { path: string; message: string };

/** The one error type of the API: stable code, HTTP status, user-facing message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new AppError(403, 'forbidden', message);

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function zodPath(instancePath: string | undefined, params: unknown): string {
  const p = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const issuePath = (params as { issue?: { path?: (string | number)[] } } | undefined)?.issue?.path;
  if (issuePath && issuePath.length) return issuePath.join('.');
  return p;
}

/** Renders every error as RFC 9457 problem+json; never leaks the text of a 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const send = (status: number, code: string, detail: string, errors?: FieldError[]) =>
      reply
        .status(status)
        .type('application/problem+json')
        .send({ type: 'about:blank', status, title: titles[status] ?? 'Error', detail, code, instance: req.url, requestId: req.id, ...(errors ? { errors } : {}) });

    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return send(err.status, err.code, err.message, err.errors);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => {
        const p = zodPath(v.instancePath, v.params);
        return { path: p ? `${where}.${p}` : where, message: v.message ?? 'Invalid value' };
      });
      return send(400, 'validation_failed', `The request ${where} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(500, 'internal_error', 'An unexpected error occurred');
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      return send(500, 'internal_error', 'An unexpected error occurred');
    }
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type…): their messages are safe.
    return send(status, status === 429 ? 'rate_limited' : 'validation_failed', err.message);
  });

  app.setNotFoundHandler((req, reply) =>
    reply.status(404).type('application/problem+json').send({
      type: 'about:blank',
      status: 404,
      title: 'Not Found',
      detail: `No route for ${req.method} ${req.url.split('?')[0]}`,
      code: 'not_found',
      instance: req.url,
      requestId: req.id,
    }),
  );
}
