import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldErrorCodes, isControlCharacterPattern, type ErrorCode, type FieldErrorCode, type MessageParams, type NotFoundWhat, type ProblemParams } from '@sesame/contracts';
import { fieldText, type FieldError } from './field-error.ts';
import { prefersFrench, problemText, sentParams } from './problem-language.ts';

export { fieldSummary, fieldText, type FieldError } from './field-error.ts';

/** What a problem carries beside its code: its params (typed per code), field errors, headers and extension members. */
export type ProblemOptions<C extends ErrorCode> = {
  /** The params of the code's wording in the table of refusals (problem-params.ts): the `detail` is worded from them. */
  params?: ProblemParams[C];
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extra members of the problem document (RFC 9457 extensions), declared by the route's response schema. */
  extensions?: Record<string, unknown>;
};

/**
 * The one error type of the API: HTTP status, stable code and what the code's wording is made
 * of. There is no free text: `detail` (English or French) and every `errors[].message` are
 * worded from the contracts' table of refusals when the problem is sent; the Error's message
 * is the English `detail`, for logs and audit reasons.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params?: ProblemParams[C];
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly extensions?: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly code: C,
    options: ProblemOptions<C> = {},
  ) {
    super(problemText(code, 'en', options));
    this.params = options.params;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

export const notFound = (what?: NotFoundWhat) => new AppError(404, 'not_found', { params: what ? { what } : {} });
export const forbidden = (params: ProblemParams['forbidden'] = {}, errors?: FieldError[]) => new AppError(403, 'forbidden', { params, ...(errors ? { errors } : {}) });

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

type Problemish = { [C in ErrorCode]: { status: number; code: C } & ProblemOptions<C> }[ErrorCode];

/**
 * Sends one RFC 9457 problem: the only way the API answers an error. `detail` and every
 * `errors[].message` are the table of refusals' wording of the codes and params, in French
 * under an Accept-Language that prefers it, else in English; `params` are sent too, so a
 * client words the same refusal with the same specifics.
 */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: Problemish) {
  const { status, code, errors, headers, extensions } = problem;
  const lang = status < 500 && prefersFrench(req.headers['accept-language']) ? 'fr' : 'en';
  if (lang === 'fr') reply.header('content-language', 'fr');
  if (headers) reply.headers(headers);
  const detail = problemText(code, lang, problem);
  const params = sentParams(problem.params as MessageParams | undefined);
  const worded = errors?.map((e) => ({ path: e.path, code: e.code, message: fieldText(e, lang), ...(e.params ? { params: e.params } : {}) }));
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ ...extensions, type: 'about:blank', status, title: titles[status] ?? 'Error', detail, code, ...(params ? { params } : {}), instance: req.url, requestId: req.id, ...(worded ? { errors: worded } : {}) });
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
      return { status: 400, code: 'malformed_json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', params: { reason: 'empty' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'uri_too_long' };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'malformed_url' };
  }
  // JSON.parse's own SyntaxError, as Fastify's JSON parser rethrows it.
  if (status === 400 && err instanceof SyntaxError) return { status: 400, code: 'malformed_json' };
  if (status === 413) return { status, code: 'payload_too_large' };
  if (status === 414) return { status, code: 'uri_too_long' };
  if (status === 415) return { status, code: 'unsupported_media_type' };
  if (status === 429) return { status, code: 'rate_limited' };
  return { status, code: 'validation_failed', params: { reason: 'bad_request' } };
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
  return sendProblem(req, reply, frameworkProblem(err) ?? { status: 400, code: 'validation_failed', params: { reason: 'bad_request' } });
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
      return sendProblem(req, reply, { status: 414, code: 'uri_too_long' });
    }
    const allowed = new Set<string>();
    for (const r of routes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.size && !allowed.has(req.method)) {
      const allow = [...allowed].sort().join(', ');
      return sendProblem(req, reply, { status: 405, code: 'method_not_allowed', params: { method: req.method, path }, headers: { allow } });
    }
    return sendProblem(req, reply, { status: 404, code: 'not_found', params: { method: req.method, path } });
  };

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(req, reply, err as Problemish);
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
      return sendProblem(req, reply, { status: 400, code: 'validation_failed', errors });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return sendProblem(req, reply, { status: 500, code: 'internal_error' });
    }
    if (refusedByDatabase(err)) {
      req.log.warn({ err }, 'the database refused a value the contract let through');
      return sendProblem(req, reply, { status: 400, code: 'validation_failed', params: { reason: 'unstorable_value' } });
    }
    const problem = frameworkProblem(err as FastifyError);
    if (!problem) {
      req.log.error({ err }, 'unhandled error');
      return sendProblem(req, reply, { status: 500, code: 'internal_error' });
    }
    return sendProblem(req, reply, problem);
  });

  app.setNotFoundHandler(notFound);
  return { notFound };
}
