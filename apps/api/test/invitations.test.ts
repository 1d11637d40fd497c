import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembersBatchResponse } from '@sesame/contracts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext, rendered } from './helpers.ts';

let ctx: TestContext;
let admin: Client;

/** Invites one member and returns their id and the token from the queued email. */
async function invite(n: string): Promise<{ id: string; token: string; email: string }> {
  const email = `invite${n}@example.com`;
  const res = await admin.post('/api/members/batch', {
    mode: 'invite',
    message: 'Rejoignez-nous',
    members: [{ firstName: 'Inès', lastName: `Invitée ${n}`, email, username: `invite${n}`, role: 'user', userType: 'creator' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json<MembersBatchResponse>().created[0]!.id, token: await latestToken(email), email };
}

async function latestToken(email: string): Promise<string> {
  const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { to: email, kind: 'invitation' }, orderBy: { createdAt: 'desc' } });
  return /\/activate\/([A-Za-z0-9_-]+)/.exec(rendered(mail).text)![1]!;
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 10 });
  admin = new Client(ctx);
  await admin.signIn('admin', ADMIN_PASSWORD);
});
afterAll(async () => ctx?.close());

describe('invitations', () => {
  it('shows who is invited where, activates with a password, signs in, and works only once', async () => {
    const { id, token } = await invite('1');
    const anon = new Client(ctx);
    const details = await anon.get(`/api/invitations/${token}`);
    expect(details.statusCode).toBe(200);
    expect(details.json()).toMatchObject({ organization: { name: 'Acme', slug: 'acme' }, username: 'invite1', identityType: 'builtin', message: 'Rejoignez-nous', invitedBy: 'Alex Administrateur' });

    const weak = await anon.post(`/api/invitations/${token}/accept`, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ path: 'password', code: 'password_too_short', params: { min: 8 } });
    const missing = await anon.post(`/api/invitations/${token}/accept`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ path: 'password', code: 'password_required' });

    const accepted = await anon.post(`/api/invitations/${token}/accept`, { password: 'Nouveau-depart-7' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ member: { username: 'invite1', status: 'active' }, mustChangePassword: false });
    expect((await anon.get('/api/auth/me')).json().member.username).toBe('invite1');
    const stored = await ctx.db.member.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe('active');
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await ctx.db.outboxMessage.count({ where: { to: 'invite1@example.com', kind: 'welcome' } })).toBe(1);

    const again = await new Client(ctx).post(`/api/invitations/${token}/accept`, { password: 'Autre-depart-8' });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'invitation_used' });
    expect((await new Client(ctx).get(`/api/invitations/${token}`)).statusCode).toBe(410);
    expect((await new Client(ctx).signIn('invite1', 'Nouveau-depart-7')).statusCode).toBe(200);
  });

  it('lets only one of two simultaneous accepts through', async () => {
    const { token } = await invite('2');
    const [a, b] = await Promise.all([
      new Client(ctx).post(`/api/invitations/${token}/accept`, { password: 'Premier-arrive-1' }),
      new Client(ctx).post(`/api/invitations/${token}/accept`, { password: 'Second-arrive-2' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 410]);
  });

  it('refuses an expired link with 410 and an unknown one with 404', async () => {
    const { id, token } = await invite('3');
    await ctx.db.invitation.updateMany({ where: { memberId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await new Client(ctx).post(`/api/invitations/${token}/accept`, { password: 'Trop-tard-2026' });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'invitation_expired' });
    expect((await ctx.db.member.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    // An expired invitation is not outstanding: nothing to revoke.
    expect((await admin.get(`/api/members/${id}`)).json()).toMatchObject({ invitation: null, pendingInvitation: null });
    const unknown = await new Client(ctx).get(`/api/invitations/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
  });

  it('resends with a new token and kills the old one', async () => {
    const { id, token: old, email } = await invite('4');
    const res = await admin.post(`/api/members/${id}/invitation/resend`);
    expect(res.statusCode, res.body).toBe(200);
    const fresh = await latestToken(email);
    expect(fresh).not.toBe(old);
    expect((await new Client(ctx).get(`/api/invitations/${old}`)).json()).toMatchObject({ code: 'invitation_revoked' });
    expect((await new Client(ctx).post(`/api/invitations/${fresh}/accept`, { password: 'Second-essai-4' })).statusCode).toBe(200);
    // Once active, there is nothing to resend.
    expect((await admin.post(`/api/members/${id}/invitation/resend`)).json()).toMatchObject({ status: 409, code: 'not_pending' });
  });

  it('revokes: the link dies and the member stays pending, counted as a member', async () => {
    const { id, token } = await invite('5');
    // The list and the detail show the outstanding invitation, so the UI can offer to revoke it.
    const listed = (await admin.get('/api/members?status=pending&q=invite5')).json().items[0];
    expect(listed.invitation).toEqual({ expiresAt: expect.any(String) });
    expect(Date.parse(listed.invitation.expiresAt)).toBeGreaterThan(Date.now());
    const detail = (await admin.get(`/api/members/${id}`)).json();
    expect(detail.invitation).toEqual(listed.invitation);
    expect(detail.pendingInvitation).toEqual(listed.invitation);
    const res = await admin.request('DELETE', `/api/members/${id}/invitation`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await new Client(ctx).get(`/api/invitations/${token}`)).json()).toMatchObject({ code: 'invitation_revoked' });
    expect((await ctx.db.member.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    const list = (await admin.get('/api/members?status=pending&q=invite5')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].invitation).toBeNull();
    expect((await admin.get(`/api/members/${id}`)).json()).toMatchObject({ invitation: null, pendingInvitation: null });
    expect((await admin.request('DELETE', `/api/members/${id}/invitation`)).statusCode).toBe(404);
    const audit = await ctx.db.auditEvent.findFirst({ where: { targetId: id, action: 'invitation.revoked' } });
    expect(audit?.actorUsername).toBe('admin');
  });

  it('keeps invitation management inside the organization and behind privileges', async () => {
    const { id } = await invite('6');
    const globex = new Client(ctx);
    await globex.signIn('globex-admin', ADMIN_PASSWORD);
    expect((await globex.post(`/api/members/${id}/invitation/resend`)).statusCode).toBe(404);
    expect((await globex.request('DELETE', `/api/members/${id}/invitation`)).statusCode).toBe(404);
    expect((await admin.post('/api/members/not-a-uuid/invitation/resend')).statusCode).toBe(400);
    expect((await admin.post(`/api/members/${id}/invitation/resend`)).statusCode).toBe(200);
  });
});
