import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldErrorCodes, isControlCharacterPattern, type ErrorCode, type FieldErrorCode, type MessageParams } from '@sesame/contracts';
import { fieldSummary, fieldText, type FieldError } from './field-error.ts';
import { frenchDetail, prefersFrench } from './problem-language.ts';

export { fieldSummary, fieldText, type FieldError } from './field-error.ts';

/**
 * The one error type of the API: stable code, HTTP status, user-facing English message (the
 * French `detail` and every `errors[].message` come from the contracts' table of refusals).
 */
export class AppError extends Error {
  /** Params of the code's wording in the table of refusals, for the `detail` in another language. */
  params?: MessageParams;

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

  withParams(params: MessageParams): this {
    this.params = params;
    return this;
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
  405: 'Method Not Allowed',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

type ZodIssueParams = { origin?: string; format?: string; pattern?: string; minimum?: unknown; maximum?: unknown; values?: unknown[]; keys?: unknown[]; params?: { code?: unknown } };

/** The params of a zod issue's wording (bounds, allowed values, unknown keys). */

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
      if (issue.format === 'regex' && isControlCharacterPattern(issue.pattern)) return 'control_character';
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

/** The figures a refinement names beside its code (e.g. a password rule's `min`), passed on as `params`. */
/** A zod issue's figures: a refinement's own params (`params: { code, … }`), else its bounds, options and keys. */
function zodIssueParams(keyword: string, params: unknown): Record<string, string | number> | undefined {
  if (keyword === 'custom') {
    const { code: _code, ...rest } = ((params as ZodIssueParams | undefined)?.params ?? {}) as Record<string, unknown>;
    const figures = Object.entries(rest).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number');
    if (figures.length) return Object.fromEntries(figures);
  }
  const issue = ((params as { issue?: ZodIssueParams } | undefined)?.issue ?? params ?? {}) as ZodIssueParams;
  const out: Record<string, string | number> = {};
  const bound = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
  const min = bound(issue.minimum);
  const max = bound(issue.maximum);
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  if (Array.isArray(issue.values) && issue.values.length) out.options = issue.values.map(String).join(', ');
  if (Array.isArray(issue.keys) && issue.keys.length) out.keys = issue.keys.map(String).join(', ');
  return Object.keys(out).length ? out : undefined;
}

function zodPath(instancePath: string | undefined, params: unknown): string {
  const p = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const issuePath = (params as { issue?: { path?: (string | number)[] } } | undefined)?.issue?.path;
  if (issuePath && issuePath.length) return issuePath.join('.');
  return p;
}

type Problemish = {
  status: number;
  code: string;
  english: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
  params?: MessageParams;
};

/**
 * Sends one RFC 9457 problem: the only way the API answers an error. Under an Accept-Language
 * that prefers French, `detail` and every `errors[].message` are the French of the table of
 * refusals; otherwise `detail` is the raiser's English and the messages the table's English.
 */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, { status, code, english, errors, headers, extensions, params }: Problemish) {
  const lang = status < 500 && prefersFrench(req.headers['accept-language']) ? 'fr' : 'en';
  const french = lang === 'fr' ? frenchDetail(code, errors, headers, extensions, params) : undefined;
  if (french) reply.header('content-language', 'fr');
  if (headers) reply.headers(headers);
  const detail = french ?? english;
  const worded = errors?.map((e) => ({ path: e.path, code: e.code, message: fieldText(e, lang), ...(e.params ? { params: e.params } : {}) }));
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ ...extensions, type: 'about:blank', status, title: titles[status] ?? 'Error', detail, code, instance: req.url, requestId: req.id, ...(worded ? { errors: worded } : {}) });
}

/**
 * Fastify's own refusals (body parsing, router, multipart), by their error code, as the
 * contract's codes; their English messages are safe to show.
 */
function frameworkProblem(err: FastifyError): Problemish | undefined {
  const status = err.statusCode ?? 500;
  if (status >= 500) return undefined;
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', english: err.message };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', english: err.message };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', english: err.message };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'uri_too_long', english: 'A path segment of the URL is too long' };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'malformed_url', english: 'The URL is not valid (a bad percent-encoding)' };
  }
  // JSON.parse's own SyntaxError, as Fastify's JSON parser rethrows it.
  if (status === 400 && err instanceof SyntaxError) return { status: 400, code: 'malformed_json', english: err.message };
  const byStatus: Record<number, ErrorCode> = { 413: 'payload_too_large', 414: 'uri_too_long', 415: 'unsupported_media_type', 429: 'rate_limited' };
  return { status, code: byStatus[status] ?? 'validation_failed', english: err.message };
}

/**
 * PostgreSQL refuses some values that got past the contract (NUL in text: 22021, 22P05;
 * a string that is not a UUID for a uuid column: 22P02). The contract should have said
 * so: this keeps such a request a 400 rather than a 500, and logs it as a contract gap.
 */
function refusedByDatabase(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; message?: unknown; kind?: unknown };
    const codes = [o.code, o.originalCode].filter((c): c is string => typeof c === 'string');
    if (codes.some((c) => c === '22021' || c === '22P05' || c === '22P02')) return true;
    if (typeof o.message === 'string' && /invalid byte sequence for encoding|unsupported Unicode escape sequence|invalid input syntax for type uuid/.test(o.message)) return true;
  }
  return false;
}

/** Fastify's `frameworkErrors`: router refusals (a bad URL, a too-long path segment) as problems. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendProblem(req, reply, frameworkProblem(err) ?? { status: 400, code: 'validation_failed', english: 'Bad request' });
}

/** The router's `maxParamLength`: a longer path segment is 414 `uri_too_long`. */
export const MAX_PATH_SEGMENT = 256;

type RouteMatcher = { pattern: RegExp; methods: Set<string> };

/** Renders every error as RFC 9457 problem+json; never leaks the text of a 5xx. Returns the not-found handler. */
export function registerErrorHandler(app: FastifyInstance) {
  // Every API route by pattern, so that a known path with another method answers 405.
  const routes: RouteMatcher[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const source = route.url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
    const existing = routes.find((r) => r.pattern.source === `^${source}$`);
    if (existing) for (const m of methods) existing.methods.add(m);
    else routes.push({ pattern: new RegExp(`^${source}$`), methods: new Set(methods) });
  });

  const notFound = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '/';
    // The router says 414 itself only when no route matches at all; the web app's `/*` route
    // matches every path, so the rule is applied here too, whether the web app is built or not.
    if (path.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT)) {
      return sendProblem(req, reply, { status: 414, code: 'uri_too_long', english: 'A path segment of the URL is too long' });
    }
    const allowed = new Set<string>();
    for (const r of routes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.size && !allowed.has(req.method)) {
      const allow = [...allowed].sort().join(', ');
      return sendProblem(req, reply, { status: 405, code: 'method_not_allowed', english: `${req.method} is not allowed on ${path}; use ${allow}`, headers: { allow } });
    }
    return sendProblem(req, reply, { status: 404, code: 'not_found', english: `No route for ${req.method} ${path}` });
  };

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(req, reply, { status: err.status, code: err.code, english: err.message, errors: err.errors, headers: err.headers, extensions: err.extensions, ...(err.params ? { params: err.params } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // Paths are relative to the body (`role`, `members.0.email`); the querystring's and the
      // path parameters' say where they are (`querystring.cursor`).
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v): FieldError => {
        const p = zodPath(v.instancePath, v.params);
        const path = where === 'body' ? p : p ? `${where}.${p}` : where;
        const params = zodIssueParams(v.keyword, v.params);
        return { path, code: zodIssueCode(v.keyword, v.message, v.params), ...(params ? { params } : {}) };
      });
      return sendProblem(req, reply, { status: 400, code: 'validation_failed', english: `The request ${where} is invalid: ${fieldSummary(errors)}`, errors });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return sendProblem(req, reply, { status: 500, code: 'internal_error', english: 'An unexpected error occurred' });
    }
    if (refusedByDatabase(err)) {
      req.log.warn({ err }, 'the database refused a value the contract let through');
      return sendProblem(req, reply, { status: 400, code: 'validation_failed', english: 'The request holds a value that cannot be stored (a control character or a malformed id)' });
    }
    const problem = frameworkProblem(err as FastifyError);
    if (!problem) {
      req.log.error({ err }, 'unhandled error');
      return sendProblem(req, reply, { status: 500, code: 'internal_error', english: 'An unexpected error occurred' });
    }
    return sendProblem(req, reply, problem);
  });

  app.setNotFoundHandler(notFound);
  return { notFound };
}
