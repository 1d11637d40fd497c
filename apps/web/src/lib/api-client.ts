import { CsrfResponse, Problem, type ProblemFieldError } from '@sesame/contracts';
import type { z } from 'zod';
import { currentLanguage } from './i18n.ts';

/** An error answered by the API as `application/problem+json` (or synthesized when it is not). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: ReadonlyArray<ProblemFieldError>;
  /** The whole problem document, extension members included (parse them with their own schema). */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }
}

/** The request never got an answer (server down, offline, proxy error without a body). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

/** The API answered with a body that does not match the shared contract. */
export class ContractError extends Error {
  constructor(path: string, issues: z.core.$ZodIssue[]) {
    super(`Response of ${path} does not match its contract`, { cause: issues });
    this.name = 'ContractError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// --- CSRF -------------------------------------------------------------------------------
// The session cookie is HttpOnly; writes prove they come from this app with a token read
// from GET /api/auth/csrf. The token belongs to the session, so it is forgotten whenever
// the session changes (sign-in, sign-out, password change).

let csrfToken: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const { token } = await request('/api/auth/csrf', { method: 'GET', schema: CsrfResponse, csrf: false });
  return token;
}

function csrfTokenOnce(): Promise<string> {
  csrfToken ??= fetchCsrfToken().catch((error: unknown) => {
    csrfToken = null;
    throw error;
  });
  return csrfToken;
}

export function forgetCsrfToken() {
  csrfToken = null;
}

/** Warm the token so the first write does not wait for it. Failures are retried on use. */
export function prefetchCsrfToken() {
  csrfTokenOnce().catch(() => undefined);
}

// --- Requests -----------------------------------------------------------------------------

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Response schema from @sesame/contracts; the body is parsed (and unknown fields dropped). */
  schema?: S;
  /** Send the X-CSRF-Token header. Defaults to true for every write. */
  csrf?: boolean;
}

type Result<S> = S extends z.ZodType ? z.output<S> : unknown;

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    title: response.statusText || 'Error',
    detail: '',
    code: response.status >= 500 ? 'internal_error' : 'unknown',
  };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const json: unknown = await response.json();
    const parsed = Problem.safeParse(json);
    // Extension members (e.g. who decided, on a 409 already_decided) are kept alongside.
    return parsed.success ? { ...(json as object), ...parsed.data } : fallback;
  } catch {
    return fallback;
  }
}

async function send<S extends z.ZodType | undefined>(
  path: string,
  options: RequestOptions<S>,
  retried: boolean,
): Promise<Result<S>> {
  const method = options.method ?? 'GET';
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  const wantsCsrf = options.csrf ?? method !== 'GET';
  if (wantsCsrf) headers.set('X-CSRF-Token', await csrfTokenOnce());

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(error);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 403 && problem.code === 'csrf_failed' && wantsCsrf && !retried) {
      forgetCsrfToken();
      return send(path, options, true);
    }
    // A gateway answering for an API that is down (e.g. the dev proxy) is a network failure.
    if ([502, 503, 504].includes(response.status) && !problem.detail) throw new NetworkError(problem);
    throw new ApiError(problem);
  }

  if (response.status === 204) return undefined as Result<S>;
  const body: unknown = await response.json();
  if (!options.schema) return body as Result<S>;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Contract mismatch on ${method} ${path}`, parsed.error.issues);
    throw new ContractError(path, parsed.error.issues);
  }
  return parsed.data as Result<S>;
}

/** Calls the Sésame API on the same origin with the session cookie. */
export function request<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  return send(path, options, false);
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function toSearch(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
