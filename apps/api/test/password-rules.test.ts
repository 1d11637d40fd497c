import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordRuleChecks, passwordRuleFailures, type MembersBatchResponse } from '@sesame/contracts';
import { ADMIN_PASSWORD, Client, createTestContext, rendered, type TestContext } from './helpers.ts';
import { MEMBER_PASSWORD, memberFixtures } from './member-fixtures.ts';

/**
 * The password rules said exactly: one code per failed rule, with its figures, from the
 * shared rule list (passwordRuleChecks) plus the server's common-password list.
 */
let ctx: TestContext;
let admin: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 2 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

type FieldErrors = { path: string; code: string; params?: Record<string, unknown> }[];
const codes = (errors: FieldErrors) => errors.map((e) => e.code).sort();

describe('passwordRuleChecks (contracts)', () => {
  it('lists every pure rule, in order, each met or not, with its figures', () => {
    expect(passwordRuleChecks('abc', { username: 'jcho11' })).toEqual([
      expect.objectContaining({ code: 'password_too_short', params: { min: 8 }, ok: false }),
      expect.objectContaining({ code: 'password_too_long', params: { max: 256 }, ok: true }),
      expect.objectContaining({ code: 'password_needs_letter', ok: true }),
      expect.objectContaining({ code: 'password_needs_digit', ok: false }),
      expect.objectContaining({ code: 'password_contains_username', ok: true }),
    ]);
    // Without a username, that rule is not listed; a good password fails none.
    expect(passwordRuleChecks('Brand-new-2026').map((c) => c.code)).not.toContain('password_contains_username');
    expect(passwordRuleFailures('Brand-new-2026', { username: 'jcho11' })).toEqual([]);
    expect(passwordRuleFailures('xxJCHO11xx', { username: 'jcho11' }).map((c) => c.code)).toEqual(['password_contains_username']);
    expect(passwordRuleFailures('12345678').map((c) => c.code)).toEqual(['password_needs_letter']);
    expect(passwordRuleFailures(`a1${'x'.repeat(300)}`).map((c) => c.code)).toEqual(['password_too_long']);
  });
});

describe('POST /api/auth/change-password', () => {
  it('answers a code per failed rule, with params', async () => {
    await makeMember('pwrules1');
    const client = await signedIn('pwrules1');
    const change = (newPassword: string) => client.post('/api/auth/change-password', { currentPassword: MEMBER_PASSWORD, newPassword });

    const short = await change('ab1');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ code: 'password_too_short', params: { min: 8 } })]);
    expect(codes((await change('!!!!!!!!!!')).json().errors)).toEqual(['password_needs_digit', 'password_needs_letter']);
    expect(codes((await change('abcdefghij')).json().errors)).toEqual(['password_needs_digit']);
    expect(codes((await change('1234567890')).json().errors)).toEqual(['password_needs_letter']);
    const long = await change(`a1${'b'.repeat(260)}`);
    expect(long.json().errors).toEqual([expect.objectContaining({ code: 'password_too_long', params: { max: 256 } })]);

    const username = await change('My-PWRULES1-2026');
    expect(username.statusCode).toBe(400);
    expect(username.json()).toMatchObject({ code: 'weak_password', errors: [{ path: 'newPassword', code: 'password_contains_username' }] });
    const common = await change('Motdepasse2026');
    expect(common.json()).toMatchObject({ code: 'weak_password', errors: [{ path: 'newPassword', code: 'password_common' }] });

    expect((await change('Brand-new-2026')).statusCode).toBe(200);
  });
});

describe('POST /api/invitations/:token/accept', () => {
  async function invitationToken(username: string): Promise<string> {
    const email = `${username}@example.com`;
    const res = await admin.post('/api/members/batch', {
      mode: 'invite',
      members: [{ firstName: 'Ana', lastName: 'Lopez', email, username, role: 'user', userType: 'creator' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<MembersBatchResponse>().created).toHaveLength(1);
    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { to: email, kind: 'invitation' }, orderBy: { createdAt: 'desc' } });
    return /\/activate\/([A-Za-z0-9_-]+)/.exec(rendered(mail).text)![1]!;
  }

  it('answers a code per failed rule, with params, and activates once every rule is met', async () => {
    const token = await invitationToken('alopez42');
    const anon = new Client(ctx);
    const accept = (password: string) => anon.post(`/api/invitations/${token}/accept`, { password });

    const short = await accept('x');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      expect.objectContaining({ code: 'password_too_short', params: { min: 8 } }),
      expect.objectContaining({ code: 'password_needs_digit' }),
    ]);
    expect(codes((await accept('..........')).json().errors)).toEqual(['password_needs_digit', 'password_needs_letter']);
    expect((await accept(`a1${'b'.repeat(260)}`)).json().errors).toEqual([expect.objectContaining({ code: 'password_too_long', params: { max: 256 } })]);
    const username = await accept('x-Alopez42-x');
    expect(username.json()).toMatchObject({ code: 'weak_password', errors: [{ path: 'password', code: 'password_contains_username' }] });
    expect((await accept('Azerty1234')).json()).toMatchObject({ code: 'weak_password', errors: [{ path: 'password', code: 'password_common' }] });

    const ok = await accept('Nouveau-depart-7');
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
