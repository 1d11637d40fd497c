import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

// Issue 11, points 9 and 13: what outside testing sent that the API answered with a 500 or
// with Fastify's own JSON instead of a problem.

let ctx: TestContext;
let admin: Client;
let memberId: string;
let requestId: string;

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 5 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  const list = await admin.get('/api/members?limit=1');
  memberId = list.json<{ items: { id: string }[] }>().items[0]!.id;
  const request = await ctx.db.accessRequest.create({
    data: { organizationId: ctx.acme.organizationId, firstName: 'Zoé', lastName: 'Durand', email: 'zoe.nul@outside.org', status: 'pending', confirmedAt: new Date(), language: 'fr' },
  });
  requestId = request.id;
});
afterAll(async () => ctx?.close());

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

function expectFieldRefused(res: Awaited<ReturnType<Client['get']>>, path: string, code = 'control_character') {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json<Problem>();
  expect(body.code).toBe('validation_failed');
  expect(body.errors?.find((e) => e.path === path), JSON.stringify(body.errors)).toMatchObject({ code });
}

describe('NUL and other control characters', () => {
  it.each([
    ['q', '/api/members?q=a%00b', 'querystring.q'],
    ['role', '/api/members?role=%00', 'querystring.role'],
    ['userType', '/api/members?userType=x%00', 'querystring.userType'],
    ['a tab in q', '/api/members?q=a%09b', 'querystring.q'],
    ['activity actor', '/api/activity?actor=ad%00min', 'querystring.actor'],
    ['activity action', '/api/activity?action=member.%00', 'querystring.action'],
    ['export actor', '/api/activity/export.csv?actor=%00', 'querystring.actor'],
    ['candidates q', '/api/organization/contacts/candidates?q=%00', 'querystring.q'],
    ['username suggestion', '/api/members/username-suggestion?firstName=%00', 'querystring.firstName'],
  ])('refuses %s in a query string with 400 control_character', async (_name, url, path) => {
    expectFieldRefused(await admin.get(url), path);
  });

  it('refuses a NUL in the sign-in username (unauthenticated) without a 500', async () => {
    expectFieldRefused(await new Client(ctx, '10.9.0.1').post('/api/auth/sign-in', { username: 'ad\u0000min', password: 'x' }), 'username');
  });

  it('refuses a NUL in the batch’s names and message', async () => {
    const res = await admin.post('/api/members/batch', {
      mode: 'invite',
      message: 'Bienvenue\u0000',
      members: [{ firstName: 'Zo\u0000é', lastName: 'Durand', email: 'zoe.batch@acme.example', username: 'zoe.batch', role: 'user', userType: 'creator' }],
    });
    expectFieldRefused(res, 'members.0.firstName');
    expectFieldRefused(res, 'message');
  });

  it('keeps line breaks in a description but refuses a NUL in it', async () => {
    const ok = await admin.request('PATCH', `/api/members/${memberId}`, { description: 'Ligne 1\nLigne 2\r\n\tfin' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ description: string }>().description).toBe('Ligne 1\nLigne 2\r\n\tfin');
    expectFieldRefused(await admin.request('PATCH', `/api/members/${memberId}`, { description: 'a\u0000b' }), 'description');
    // A one-line text takes no line break.
    expectFieldRefused(await admin.request('PATCH', `/api/members/${memberId}`, { firstName: 'Zoé\nDurand' }), 'firstName');
  });

  it('refuses a NUL in the public access request and in a decision', async () => {
    const res = await new Client(ctx, '10.9.0.2').post('/api/access-requests', { organization: 'ac\u0000me', firstName: 'Zoé', lastName: 'Du\u0000rand', email: 'zoe.form@outside.org', message: 'x\u0000' });
    expectFieldRefused(res, 'organization');
    expectFieldRefused(res, 'lastName');
    expectFieldRefused(res, 'message');
    expectFieldRefused(await admin.post(`/api/access-requests/${requestId}/deny`, { reason: 'non\u0000' }), 'reason');
    expectFieldRefused(await admin.post(`/api/access-requests/${requestId}/grant`, { role: 'us\u0000er', userType: 'creator' }), 'role');
  });

  it('refuses a C1 control character (U+0085) as well', async () => {
    expectFieldRefused(await admin.get(`/api/members?q=${encodeURIComponent('a\u0085b')}`), 'querystring.q');
  });

  it('never answers 500 for a NUL in a path parameter or an id the contract does not describe as text', async () => {
    for (const url of ['/api/members/%00', '/api/invitations/%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00', '/api/access-requests/status/%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00']) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const ids = await admin.post('/api/members/batch', {
      mode: 'invite',
      members: [{ firstName: 'Zoé', lastName: 'Durand', email: 'zoe.ids@acme.example', username: 'zoe.ids', role: 'user', userType: 'creator' }],
      properties: { groups: ['\u0000'] },
    });
    expectFieldRefused(ids, 'properties.groups.0');
  });
});

describe('numbers beyond what PostgreSQL stores (found by the contract fuzz test)', () => {
  it('refuses an import row number or cursor above a PostgreSQL integer with a 400, not a 500', async () => {
    const template = (await admin.get('/api/imports/template?format=builtin&lang=en')).body.split(/\r?\n/)[0]!;
    const upload = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', `${template}\na,b\n`, { 'content-type': 'text/csv' });
    expect(upload.statusCode, upload.body).toBe(201);
    const id = upload.json<{ id: string }>().id;
    expectFieldRefused(await admin.request('DELETE', `/api/imports/${id}/rows/9007199254740991`), 'params.rowNumber', 'too_big');
    expectFieldRefused(await admin.request('PATCH', `/api/imports/${id}/rows/2147483648`, { values: {} }), 'params.rowNumber', 'too_big');
    expectFieldRefused(await admin.post(`/api/imports/${id}/rows/remove`, { rowNumbers: [2147483648] }), 'rowNumbers.0', 'too_big');
    expectFieldRefused(await admin.get(`/api/imports/${id}?cursor=378883257856`), 'querystring.cursor', 'invalid_format');
    expect((await admin.request('DELETE', `/api/imports/${id}/rows/2147483647`)).statusCode).toBe(404);
  });

  it('refuses an activity cursor above a PostgreSQL bigint with a 400, not a 500', async () => {
    expectFieldRefused(await admin.get(`/api/activity?cursor=${'9'.repeat(30)}`), 'querystring.cursor', 'invalid_format');
    expect((await admin.get('/api/activity?cursor=999999999999999999')).statusCode).toBe(200);
  });
});

describe('every refusal of the HTTP layer is a problem', () => {
  const expectProblem = (res: Awaited<ReturnType<Client['get']>>, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String) });
  };

  it('answers a path segment above the router’s limit with 414 uri_too_long', async () => {
    expectProblem(await new Client(ctx).get(`/api/invitations/${'0'.repeat(300)}`), 414, 'uri_too_long');
    // Within the router's limit but above the contract's: a field error.
    const res = await new Client(ctx).get(`/api/invitations/${'0'.repeat(201)}`);
    expectProblem(res, 400, 'validation_failed');
  });

  it('answers a bad percent-encoding with 400 malformed_url', async () => {
    expectProblem(await new Client(ctx).get('/api/invitations/%E0%A4%A'), 400, 'malformed_url');
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    expectProblem(await admin.request('POST', '/api/auth/sign-in', '{"username": ', { 'content-type': 'application/json' }), 400, 'malformed_json');
    expectProblem(await admin.request('PATCH', `/api/members/${memberId}`, '', { 'content-type': 'application/json' }), 400, 'malformed_json');
  });

  it('answers a body above the route’s limit with 413 payload_too_large', async () => {
    const res = await admin.request('POST', '/api/auth/sign-in', JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 10) }), { 'content-type': 'application/json' });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('answers an unsupported content type with 415 unsupported_media_type', async () => {
    expectProblem(await admin.request('POST', '/api/auth/sign-in', 'username=admin', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
  });

  it('answers another method on a known path with 405 and an Allow header', async () => {
    const res = await admin.request('DELETE', '/api/auth/me');
    expectProblem(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, HEAD');
    const member = await admin.request('PUT', `/api/members/${memberId}`, {});
    expectProblem(member, 405, 'method_not_allowed');
    expect(String(member.headers.allow).split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH']);
    // Unknown paths stay 404.
    expectProblem(await admin.request('DELETE', '/api/no-such-route'), 404, 'not_found');
  });
});
