import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldErrorCodes, type ErrorCode, type FieldErrorCode } from '@sesame/contracts';
import { frenchDetail, prefersFrench } from './problem-language.ts';

/** One entry of a problem's `errors[]`: the code is what a client translates; the message is English. */
export type FieldError = { path: string; code: FieldErrorCode; message: string; params?: Record<string, string | number> };

/** The one error type of the API: stable code, HTTP status, user-facing message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Extra members of the problem document (RFC 9457 extensions), declared by the route's response schema. */
    readonly extensions?: Record<string, unknown>,
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

type ZodIssueParams = { origin?: string; format?: string; minimum?: unknown; params?: { code?: unknown } };

/**
 * The stable code of a zod issue. Names follow the CSV library's row issues where they mean
 * the same thing (`required`, `invalid_email`); sizes say whether a text, a list or a number
 * is concerned. A refinement can name its code with `params: { code }`.
 */
export function zodIssueCode(keyword: string, message: string | undefined, params: unknown): FieldErrorCode {
  const issue = (params ?? {}) as ZodIssueParams;
  switch (keyword) {
    case 'invalid_type':
      return /received undefined$/.test(message ?? '') ? 'required' : 'invalid_type';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid_format';
    case 'invalid_value':
      return 'invalid_choice';
    case 'too_small':
      // An empty text where one character is the minimum was simply not given.
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'required';
      return issue.origin === 'string' ? 'too_short' : issue.origin === 'array' || issue.origin === 'set' ? 'too_few' : 'too_small';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : issue.origin === 'array' || issue.origin === 'set' ? 'too_many' : 'too_big';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'custom': {
      const code = issue.params?.code;
      return typeof code === 'string' && (fieldErrorCodes as readonly string[]).includes(code) ? (code as FieldErrorCode) : 'invalid';
    }
    default:
      return 'invalid';
  }
}

function zodPath(instancePath: string | undefined, params: unknown): string {
  const p = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const issuePath = (params as { issue?: { path?: (string | number)[] } } | undefined)?.issue?.path;
  if (issuePath && issuePath.length) return issuePath.join('.');
  return p;
}

/** Renders every error as RFC 9457 problem+json; never leaks the text of a 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const send = (status: number, code: string, english: string, errors?: FieldError[], headers?: Record<string, string>, extensions?: Record<string, unknown>) => {
      const french = status < 500 && prefersFrench(req.headers['accept-language']) ? frenchDetail(status, code, errors, headers, extensions) : undefined;
      if (french) reply.header('content-language', 'fr');
      const detail = french ?? english;
      return reply
        .status(status)
        .type('application/problem+json')
        .send({ ...extensions, type: 'about:blank', status, title: titles[status] ?? 'Error', detail, code, instance: req.url, requestId: req.id, ...(errors ? { errors } : {}) });
    };

    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return send(err.status, err.code, err.message, err.errors, err.headers, err.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => {
        const p = zodPath(v.instancePath, v.params);
        return { path: p ? `${where}.${p}` : where, code: zodIssueCode(v.keyword, v.message, v.params), message: v.message ?? 'Invalid value' };
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
