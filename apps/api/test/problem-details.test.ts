import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFor, problemDetail, type ErrorCode, type Language, type ProblemParams } from '@sesame/contracts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/**
 * Issue 12, point 3: a problem's `detail` is the table of refusals' wording of its code and
 * params, in English and in French: a raiser passes a code and params, never a sentence. Each
 * refusal below comes from another feature; its `params` (sent in the problem document) name
 * the specifics, and both details must be exactly the table's words for them.
 */

let ctx: TestContext;
let admin: Client;
let user: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn('admin', ADMIN_PASSWORD);
  await makeMember('plain.user');
  user = await signedIn('plain.user');
});
afterAll(async () => ctx?.close());

type Sent = { code: ErrorCode; detail: string; params?: Record<string, string | number> };
const languages: Record<Language, string> = { en: 'en-GB,en;q=0.9', fr: 'fr-FR,fr;q=0.9' };

/** Sends the request in both languages and checks the code, the params sent and both details against the table. */
async function expectWorded<C extends ErrorCode>(
  send: (headers: Record<string, string>) => Promise<{ statusCode: number; json: () => unknown }>,
  status: number,
  code: C,
  params: ProblemParams[C],
  derived: (lang: Language) => ProblemParams[C] = () => params,
) {
  for (const lang of ['en', 'fr'] as const) {
    const res = await send({ 'accept-language': languages[lang] });
    const body = res.json() as Sent;
    expect(res.statusCode, JSON.stringify(body)).toBe(status);
    expect(body.code).toBe(code);
    if (Object.keys(params).length) expect(body.params).toEqual(params);
    expect(body.detail, `${code} in ${lang}`).toBe(problemDetail(code, derived(lang), lang));
  }
}

describe('the detail of a refusal, in English and in French', () => {
  it('members: deleting one’s own account names the action refused', async () => {
    await expectWorded((h) => admin.request('DELETE', `/api/members/${ctx.acme.adminId}`, undefined, h), 409, 'own_account', { action: 'delete' });
  });

  it('members: deleting a member who owns content names them and counts their content and groups', async () => {
    const owner = await makeMember('owner.of.two');
    await ctx.db.contentItem.createMany({ data: [1, 2].map((i) => ({ organizationId: ctx.acme.organizationId, ownerId: owner.id, title: `Carte ${i}`, kind: 'map' })) });
    await expectWorded((h) => admin.request('DELETE', `/api/members/${owner.id}`, undefined, h), 409, 'owns_content', { username: 'owner.of.two', content: 2, groups: 0 });
  });

  it('imports: the action refused and the levels that would allow it', async () => {
    await expectWorded(
      (h) => user.request('GET', '/api/imports/00000000-0000-4000-8000-000000000000', undefined, h),
      403,
      'forbidden',
      { action: 'import_members', area: 'members', level: 'update', orArea: 'manage_access' },
    );
  });

  it('invitations: the action refused and the levels that would allow it', async () => {
    await expectWorded(
      (h) => user.request('POST', `/api/members/${ctx.acme.adminId}/invitation/resend`, {}, h),
      403,
      'forbidden',
      { action: 'manage_invitations', area: 'members', level: 'update', orArea: 'manage_access' },
    );
  });

  it('a route’s privilege: the level and area it needs', async () => {
    await expectWorded((h) => user.request('GET', `/api/members/${ctx.acme.adminId}/privileges`, undefined, h), 403, 'forbidden', { area: 'contact_updates', level: 'view' });
  });

  it('invitations: what was not found', async () => {
    await expectWorded((h) => new Client(ctx).request('GET', '/api/invitations/no-such-invitation-token', undefined, h), 404, 'not_found', { what: 'invitation' });
  });

  it('the router: the method and path refused, with the methods allowed (from the Allow header)', async () => {
    let allow = '';
    await expectWorded(
      async (h) => {
        const res = await admin.request('PUT', '/api/health', {}, h);
        allow = String(res.headers.allow);
        return res;
      },
      405,
      'method_not_allowed',
      { method: 'PUT', path: '/api/health' },
      () => ({ method: 'PUT', path: '/api/health', allow }),
    );
    expect(allow).toMatch(/GET/);
  });

  it('validation: each field error’s path and message in the language, and what was not done', async () => {
    await expectWorded(
      (h) => new Client(ctx).request('POST', '/api/auth/sign-in', { username: 'someone' }, h),
      400,
      'validation_failed',
      {},
      (lang) => ({ count: 1, fields: `password${lang === 'fr' ? '\u00a0:' : ':'} ${messageFor('required', {}, lang)}` }),
    );
  });
});
