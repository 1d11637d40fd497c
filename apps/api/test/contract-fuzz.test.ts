import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { requestArbitrary, type Document, type Fixtures, type FuzzRequest, type Operation, type Schema } from './contract-fuzz-requests.ts';

/**
 * The contract fuzz test (issue 11): every operation of /api/openapi.json is called with
 * requests generated from its own documented schemas — valid ones, and ones with NUL and
 * other control characters, boundary lengths, wrong types, missing and unknown fields —
 * signed in as an administrator, against a real database. No answer may be a 5xx; every
 * status and content type must be documented; every JSON body must match its schema.
 * Deterministic (fixed seeds) and bounded (RUNS_PER_OPERATION requests per operation).
 */

const SEED = 20261202;
const RUNS_PER_OPERATION = 24;

// ---------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------

let ctx: TestContext;
let admin: Client;
let doc: Document;
let fixtures: Fixtures;

async function signInAdmin() {
  admin = new Client(ctx);
  const res = await admin.signIn('admin', ADMIN_PASSWORD);
  if (res.statusCode !== 200) throw new Error(`admin sign-in failed: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 20, devMail: true, config: { signIn: { maxFailures: 1_000_000, windowSeconds: 900, maxPerIp: 1_000_000, waitSeconds: 60, maxWaitSeconds: 900 } } });
  await signInAdmin();
  const items = async <T>(url: string) => (await admin.get(url)).json<{ items: T[] }>().items;
  const members = await items<{ id: string; username: string }>('/api/members?limit=50');
  const me = (await admin.get('/api/auth/me')).json<{ member: { id: string } }>();
  const others = members.filter((m) => m.id !== me.member.id);
  const organizationId = ctx.acme.organizationId;
  const accessRequests = await Promise.all(
    ['pending', 'pending', 'pending', 'unconfirmed'].map((status, i) =>
      ctx.db.accessRequest.create({
        data: { organizationId, firstName: 'Zoé', lastName: `Fuzz${i}`, email: `zoe.fuzz${i}@outside.org`, status: status as 'pending', confirmedAt: status === 'pending' ? new Date() : null },
      }),
    ),
  );
  const roles = await items<{ id: string; key: string }>('/api/roles');
  const userTypes = await items<{ id: string; key: string }>('/api/user-types');
  const template = (await admin.get('/api/imports/template?format=builtin&lang=en')).body.split(/\r?\n/)[0]!;
  const row = template.split(',').map((_, i) => `v${i}`).join(',');
  const upload = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', `${template}\n${row}\n${row}\n`, { 'content-type': 'text/csv' });
  const importIds = upload.statusCode === 201 ? [upload.json<{ id: string }>().id] : [];
  fixtures = {
    adminId: me.member.id,
    // The administrator's own account is left out: the fuzzer must not end its own session for good.
    memberIds: others.map((m) => m.id),
    usernames: others.map((m) => m.username),
    roles: roles.flatMap((r) => [r.key, r.id]).filter((key) => key !== 'administrator'),
    userTypes: userTypes.flatMap((t) => [t.key, t.id]),
    licenses: (await items<{ id: string }>('/api/licenses')).map((l) => l.id),
    groups: (await items<{ id: string }>('/api/groups')).map((g) => g.id),
    categories: (await items<{ id: string }>('/api/member-categories')).map((c) => c.id),
    accessRequestIds: accessRequests.map((r) => r.id),
    importIds,
  };
  expect(fixtures.memberIds.length).toBeGreaterThan(5);
  // Pictures for some members, so that reading one can succeed.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
  for (const id of fixtures.memberIds.slice(0, 8)) expect((await admin.request('PUT', `/api/members/${id}/thumbnail`, png, { 'content-type': 'image/png' })).statusCode).toBe(200);
  expect(fixtures.importIds.length).toBe(1);
  doc = (await admin.get('/api/openapi.json')).json<Document>();
}, 120_000);
afterAll(async () => ctx?.close());

const ajv = new Ajv2020({ strict: false, allErrors: false, formats: { binary: true } });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorFor(schema: Schema) {
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (!v) validators.set(key, (v = ajv.compile(schema)));
  return v;
}

/** What is wrong with a response, compared with the operation's documentation (undefined: nothing). */
function checkResponse(op: Operation, res: { statusCode: number; headers: Record<string, unknown>; body: string }): string | undefined {
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  const documented = op.responses[String(res.statusCode)] ?? op.responses.default;
  if (!documented) return `status ${res.statusCode} is not documented (documented: ${Object.keys(op.responses).join(', ')})`;
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!documented.content) return res.body.length && mediaType ? `status ${res.statusCode} documents no body but got ${mediaType}` : undefined;
  const media = documented.content[mediaType];
  if (!media) return `content type "${mediaType}" of ${res.statusCode} is not documented (documented: ${Object.keys(documented.content).join(', ')})`;
  if (!/json$/.test(mediaType) || !media.schema) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `${res.statusCode} body is not JSON`;
  }
  const validate = validatorFor(media.schema);
  if (!validate(body)) return `${res.statusCode} body does not match its schema: ${ajv.errorsText(validate.errors)}`;
  return undefined;
}

/** Field codes of request validation: a request the document accepts must not get them. */
const schemaCodes = new Set(['required', 'invalid', 'invalid_type', 'invalid_format', 'invalid_email', 'invalid_choice', 'too_short', 'too_long', 'too_small', 'too_big', 'too_few', 'too_many', 'unknown_field', 'control_character']);

/** A request the document accepts, refused by the server's own request validation: the document is laxer than the server. */
function laxerThanServer(req: FuzzRequest, res: { statusCode: number; body: string }): string | undefined {
  if (res.statusCode !== 400 || !req.parts.every((p) => p.schema && validatorFor(p.schema)(p.value))) return undefined;
  const body = JSON.parse(res.body) as { code?: string; errors?: { path: string; code?: string }[] };
  const refused = (body.errors ?? []).filter((e) => e.code && schemaCodes.has(e.code));
  if (body.code !== 'validation_failed' || !refused.length) return undefined;
  return `the document accepts what the server refuses: ${refused.map((e) => `${e.path} (${e.code})`).join(', ')}`;
}

describe('the contract fuzz test', () => {
  it('answers every generated request of every operation as documented, never with a 5xx', async () => {
    const started = Date.now();
    const failures = new Map<string, string[]>();
    const statuses = new Map<string, Set<number>>();
    let requests = 0;
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(40);

    for (const [index, { path, method, op }] of operations.entries()) {
      const samples = fc.sample(requestArbitrary(path, method, op, fixtures), { seed: SEED + index, numRuns: RUNS_PER_OPERATION });
      for (const req of samples) {
        const res = await ctx.app.inject({
          method: req.method as 'GET',
          url: req.url,
          remoteAddress: `10.77.${index}.${(requests % 250) + 1}`,
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...req.headers },
          ...(req.payload !== undefined ? { payload: req.payload } : {}),
        });
        requests++;
        (statuses.get(op.operationId) ?? statuses.set(op.operationId, new Set()).get(op.operationId)!).add(res.statusCode);
        const problem = checkResponse(op, res) ?? laxerThanServer(req, res);
        if (problem) {
          const list = failures.get(op.operationId) ?? [];
          if (list.length < 3) list.push(`${problem}\n      ${req.method} ${req.url.slice(0, 300)} ${String(req.payload ?? '').slice(0, 300)}\n      → ${res.body.slice(0, 300)}`);
          failures.set(op.operationId, list);
        }
        // A request may end the session (sign-out, a password reset…): sign in again.
        if (op.operationId === 'signOut' || res.statusCode === 401) {
          const me = await admin.get('/api/auth/me');
          if (me.statusCode === 401) await signInAdmin();
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(`contract fuzz: ${requests} requests over ${operations.length} operations in ${seconds}s`);
    console.info([...statuses].map(([id, s]) => `${id}: ${[...s].sort().join(' ')}`).join('\n'));
    const report = [...failures].map(([id, list]) => `${id}:\n    ${list.join('\n    ')}`).join('\n');
    expect(report, report).toBe('');
  }, 240_000);
});
