import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequest, AccessRequestList, AccessRequestPublicStatus, Member, PrivilegeArea, PrivilegeLevel } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { enqueueEmail } from '../src/features/mail/outbox.ts';
import { sendAccessRequestReminders } from '../src/features/access-requests/reminders.ts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext, rendered } from './helpers.ts';

let ctx: TestContext;
let admin: Client;
let ipSeq = 1;
const nextIp = () => `10.20.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

async function latestMail(to: string, kind: string) {
  return rendered(await ctx.db.outboxMessage.findFirstOrThrow({ where: { to, kind }, orderBy: { createdAt: 'desc' } }));
}
const confirmToken = (text: string) => /\/access-requests\/confirm\/([A-Za-z0-9_-]+)/.exec(text)![1]!;

async function submit(email: string, extra: Record<string, unknown> = {}) {
  const res = await new Client(ctx, nextIp()).post('/api/access-requests', { organization: 'acme', firstName: 'Zoé', lastName: 'Durand', email, message: 'Bonjour', ...extra });
  expect(res.statusCode, res.body).toBe(202);
  return confirmToken((await latestMail(email, 'access_request_confirmation')).text);
}

async function pendingRequest(email: string): Promise<{ id: string; token: string }> {
  const token = await submit(email);
  const res = await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token });
  expect(res.statusCode, res.body).toBe(200);
  const row = await ctx.db.accessRequest.findFirstOrThrow({ where: { email, status: 'pending' } });
  return { id: row.id, token };
}

const grantBody = { role: 'user', userType: 'creator' };

let memberSeq = 0;
/** An active member of Acme (Viewer role), with own levels, a contact or not, signed in. */
async function memberWith(levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>, opts: { contact?: boolean; email?: string; status?: 'active' | 'disabled' } = {}) {
  const n = ++memberSeq;
  const organizationId = ctx.acme.organizationId;
  const [role, userType] = await Promise.all([
    ctx.db.role.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
    ctx.db.userType.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
  ]);
  const m = await ctx.db.member.create({
    data: {
      organizationId,
      username: `decider${n}`,
      firstName: 'Dé',
      lastName: `Cideur ${n}`,
      email: opts.email ?? `decider${n}@acme.example.org`,
      roleId: role.id,
      userTypeId: userType.id,
      status: opts.status ?? 'active',
      passwordHash: await hashPassword('Decider-pass-2026'),
    },
  });
  const own = Object.entries(levels).filter(([, l]) => l !== 'none');
  if (own.length) await ctx.db.memberPrivilege.createMany({ data: own.map(([area, level]) => ({ organizationId, memberId: m.id, area: area as PrivilegeArea, level: level! })) });
  if (opts.contact) await ctx.db.organizationContact.create({ data: { organizationId, memberId: m.id, kind: 'secondary' } });
  const client = new Client(ctx, nextIp());
  if (m.status === 'active') expect((await client.signIn(`decider${n}`, 'Decider-pass-2026')).statusCode).toBe(200);
  return { id: m.id, client };
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 5 });
  admin = new Client(ctx);
  await admin.signIn('admin', ADMIN_PASSWORD);
});
afterAll(async () => ctx?.close());

describe('requesting access', () => {
  it('answers 202 the same way for an unknown organization, and emails only for a real one', async () => {
    const anon = new Client(ctx, nextIp());
    const real = await anon.post('/api/access-requests', { organization: 'acme', firstName: 'Zoé', lastName: 'Durand', email: 'zoe1@outside.org' });
    const fake = await anon.post('/api/access-requests', { organization: 'no-such-org', firstName: 'Zoé', lastName: 'Durand', email: 'zoe1b@outside.org' });
    expect(real.statusCode).toBe(202);
    expect(fake.statusCode).toBe(202);
    expect(real.json().detail.replace('zoe1@', 'X@')).toBe(fake.json().detail.replace('zoe1b@', 'X@'));
    expect(real.json().detail).toMatch(/only once you open that link/);
    expect(await ctx.db.outboxMessage.count({ where: { to: 'zoe1b@outside.org' } })).toBe(0);
    const mail = await latestMail('zoe1@outside.org', 'access_request_confirmation');
    expect(mail.text).toMatch(/\/access-requests\/confirm\/[A-Za-z0-9_-]{43}/);
    // Unconfirmed requests are not in the queue.
    const list = await admin.get('/api/access-requests?status=pending');
    expect(list.json<AccessRequestList>().items.some((r) => r.email === 'zoe1@outside.org')).toBe(false);
  });

  it('validates the form (400) and rate-limits per IP and per email (429)', async () => {
    const anon = new Client(ctx, nextIp());
    expect((await anon.post('/api/access-requests', { organization: 'acme', firstName: '', lastName: 'X', email: 'not-an-email' })).statusCode).toBe(400);
    const ip = new Client(ctx, nextIp());
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await ip.post('/api/access-requests', { organization: 'acme', firstName: 'A', lastName: 'B', email: `flood${i}@outside.org` })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 202)).toBe(true);
    expect(codes[10]).toBe(429);
    const perEmail: number[] = [];
    for (let i = 0; i < 6; i++) perEmail.push((await new Client(ctx, nextIp()).post('/api/access-requests', { organization: 'acme', firstName: 'A', lastName: 'B', email: 'same@outside.org' })).statusCode);
    expect(perEmail.slice(0, 5).every((c) => c === 202)).toBe(true);
    const limited = await new Client(ctx, nextIp()).post('/api/access-requests', { organization: 'acme', firstName: 'A', lastName: 'B', email: 'SAME@outside.org' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // The repeated requests were merged into one.
    expect(await ctx.db.accessRequest.count({ where: { email: { equals: 'same@outside.org', mode: 'insensitive' } } })).toBe(1);
  });

  it('confirms by the emailed token and shows the status to the requester', async () => {
    const token = await submit('zoe2@outside.org');
    const anon = new Client(ctx, nextIp());
    expect((await anon.get(`/api/access-requests/status/${token}`)).json<AccessRequestPublicStatus>().status).toBe('unconfirmed');
    const confirmed = await anon.post('/api/access-requests/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'pending', organization: { slug: 'acme', name: 'Acme' }, email: 'zoe2@outside.org' });
    // Confirming again changes nothing.
    expect((await anon.post('/api/access-requests/confirm', { token })).json().status).toBe('pending');
    expect((await anon.post('/api/access-requests/confirm', { token: 'x'.repeat(43) })).statusCode).toBe(404);

    const count = await admin.get('/api/access-requests/count');
    expect(count.statusCode).toBe(200);
    expect(count.json().pending).toBeGreaterThanOrEqual(1);
  });
});

describe('submitting again', () => {
  it('replaces an unconfirmed request, as nobody proved they own the address yet', async () => {
    const email = 'pas-encore@outside.org';
    const first = await submit(email);
    const second = await submit(email, { firstName: 'Zoéline', message: 'Version corrigée' });
    const rows = await ctx.db.accessRequest.findMany({ where: { email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'unconfirmed', firstName: 'Zoéline', message: 'Version corrigée' });
    const anon = new Client(ctx, nextIp());
    expect((await anon.get(`/api/access-requests/status/${first}`)).statusCode).toBe(404);
    expect((await anon.post('/api/access-requests/confirm', { token: second })).json()).toMatchObject({ status: 'pending', firstName: 'Zoéline' });
  });

  it('leaves a confirmed request and its status link as they are until the requester confirms the change from the email', async () => {
    const email = 'proprietaire@outside.org';
    const { id, token } = await pendingRequest(email);
    const before = await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } });
    expect(before).toMatchObject({ firstName: 'Zoé', lastName: 'Durand', message: 'Bonjour', language: null });

    // Someone else types the same address with other details.
    const res = await new Client(ctx, nextIp()).post('/api/access-requests', {
      organization: 'acme',
      firstName: 'Mallory',
      lastName: 'Usurpateur',
      email: 'Proprietaire@Outside.org',
      message: 'Ignorez la demande précédente',
      language: 'en',
    });
    expect(res.statusCode).toBe(202);
    const rows = await ctx.db.accessRequest.findMany({ where: { email: { equals: email, mode: 'insensitive' } } });
    expect(rows).toEqual([before]);

    // The requester's link still shows their request, unchanged.
    const anon = new Client(ctx, nextIp());
    const status = await anon.get(`/api/access-requests/status/${token}`);
    expect(status.statusCode).toBe(200);
    expect(status.json<AccessRequestPublicStatus>()).toMatchObject({ status: 'pending', firstName: 'Zoé', lastName: 'Durand', email });
    expect((await anon.post('/api/access-requests/confirm', { token })).json()).toMatchObject({ status: 'pending', firstName: 'Zoé' });

    // The email goes to the request's address, by the owner's name and in their language, and shows what would change.
    const mail = await latestMail(email, 'access_request_confirmation');
    expect(mail.subject).toBe('Confirmez votre demande d’accès à Acme');
    expect(mail.text).toContain('Bonjour Zoé,');
    expect(mail.text).toContain('Mallory Usurpateur');
    expect(mail.text).toContain('Ignorez la demande précédente');
    expect(mail.text).toContain('votre demande reste inchangée');
    const changeToken = confirmToken(mail.text);
    expect(changeToken).not.toBe(token);
    // Opening the status of the change's link applies nothing.
    expect((await anon.get(`/api/access-requests/status/${changeToken}`)).json()).toMatchObject({ status: 'pending', firstName: 'Zoé' });
    expect(await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).toEqual(before);

    // The owner confirms from the email: the change applies, once, and is recorded.
    const applied = await anon.post('/api/access-requests/confirm', { token: changeToken });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'pending', firstName: 'Mallory', lastName: 'Usurpateur' });
    expect(await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      firstName: 'Mallory',
      lastName: 'Usurpateur',
      message: 'Ignorez la demande précédente',
      language: 'en',
      confirmTokenHash: before.confirmTokenHash,
    });
    expect((await anon.post('/api/access-requests/confirm', { token: changeToken })).statusCode).toBe(200);
    const events = await ctx.db.auditEvent.findMany({ where: { targetId: id, action: 'access_request.changed' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { firstName: 'Zoé', lastName: 'Durand', message: 'Bonjour' }, after: { firstName: 'Mallory', lastName: 'Usurpateur' } });
    // Both links keep showing the request.
    expect((await anon.get(`/api/access-requests/status/${token}`)).json()).toMatchObject({ status: 'pending', firstName: 'Mallory' });
  });

  it('never changes a request once it is decided, even from a change’s link', async () => {
    const email = 'decidee@outside.org';
    const { id, token } = await pendingRequest(email);
    await submit(email, { firstName: 'Autre', lastName: 'Personne' });
    const changeToken = confirmToken((await latestMail(email, 'access_request_confirmation')).text);
    expect((await admin.post(`/api/access-requests/${id}/deny`, { reason: 'Externe' })).statusCode).toBe(200);
    const anon = new Client(ctx, nextIp());
    expect((await anon.post('/api/access-requests/confirm', { token: changeToken })).json()).toMatchObject({ status: 'denied', firstName: 'Zoé', lastName: 'Durand' });
    expect(await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'denied', firstName: 'Zoé', lastName: 'Durand' });
    expect((await anon.get(`/api/access-requests/status/${token}`)).json()).toMatchObject({ status: 'denied', denyReason: 'Externe' });
  });
});

describe('deciding', () => {
  it('denies only with a reason (400 without), emails it, and refuses a second decision with 409 naming who decided', async () => {
    const { id, token } = await pendingRequest('deny1@outside.org');
    expect((await admin.post(`/api/access-requests/${id}/deny`, {})).statusCode).toBe(400);
    expect((await admin.post(`/api/access-requests/${id}/deny`, { reason: '   ' })).statusCode).toBe(400);
    const denied = await admin.post(`/api/access-requests/${id}/deny`, { reason: 'Réservé aux salariés' });
    expect(denied.statusCode, denied.body).toBe(200);
    expect(denied.json<AccessRequest>()).toMatchObject({ status: 'denied', denyReason: 'Réservé aux salariés', decidedBy: { username: 'admin' } });
    const mail = await latestMail('deny1@outside.org', 'access_request_decision');
    expect(mail.text).toContain('Réservé aux salariés');
    const status = await new Client(ctx, nextIp()).get(`/api/access-requests/status/${token}`);
    expect(status.json()).toMatchObject({ status: 'denied', denyReason: 'Réservé aux salariés' });

    const twice = await admin.post(`/api/access-requests/${id}/deny`, { reason: 'Encore' });
    expect(twice.statusCode).toBe(409);
    const adminMember = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: 'admin' } });
    const decidedAt = (await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).decidedAt!.toISOString();
    expect(twice.json()).toMatchObject({
      status: 409,
      code: 'already_decided',
      decision: 'denied',
      decidedAt,
      decidedBy: { kind: 'member', id: adminMember.id, username: 'admin', fullName: `${adminMember.firstName} ${adminMember.lastName}` },
    });
    expect(twice.json().detail).toMatch(/already denied by Alex Administrateur \(admin\) on \d+ \w+ \d{4} at \d{2}:\d{2} UTC/);
    // In French for clients that prefer it.
    const french = await admin.request('POST', `/api/access-requests/${id}/deny`, { reason: 'Encore' }, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(french.json()).toMatchObject({ code: 'already_decided', decidedBy: { kind: 'member', username: 'admin' } });
    expect(french.json().detail).toMatch(/^Cette demande a déjà été refusée par Alex Administrateur \(admin\) le \d+ \S+ \d{4} à \d{2}:\d{2} UTC/);
    const grantAfter = await admin.post(`/api/access-requests/${id}/grant`, grantBody);
    expect(grantAfter.statusCode).toBe(409);
    expect(grantAfter.json()).toMatchObject({ code: 'already_decided', decision: 'denied', decidedBy: { kind: 'member', username: 'admin' } });
    expect(await ctx.db.auditEvent.count({ where: { targetId: id, action: 'access_request.denied' } })).toBe(1);
  });

  it('grants: creates a pending member, emails an activation link that works, and records it', async () => {
    const { id, token } = await pendingRequest('grant1@outside.org');
    const res = await admin.post(`/api/access-requests/${id}/grant`, { ...grantBody, levels: { reporting: 'view' } });
    expect(res.statusCode, res.body).toBe(200);
    const member = res.json<Member>();
    expect(member).toMatchObject({ email: 'grant1@outside.org', status: 'pending', role: { key: 'user' }, userType: { key: 'creator' }, username: 'zoe.durand' });
    expect(await ctx.db.memberPrivilege.findMany({ where: { memberId: member.id }, select: { area: true, level: true } })).toEqual([{ area: 'reporting', level: 'view' }]);
    const invitation = await latestMail('grant1@outside.org', 'invitation');
    const activation = /\/activate\/([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
    const accepted = await new Client(ctx, nextIp()).post(`/api/invitations/${activation}/accept`, { password: 'Bienvenue-2026' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await new Client(ctx, nextIp()).get(`/api/access-requests/status/${token}`)).json()).toMatchObject({ status: 'granted', username: 'zoe.durand' });
    const granted = await admin.get('/api/access-requests?status=granted');
    expect(granted.json<AccessRequestList>().items.find((r) => r.id === id)).toMatchObject({ member: { id: member.id }, decidedBy: { username: 'admin' } });
    expect(await ctx.db.auditEvent.count({ where: { targetId: id, action: 'access_request.granted' } })).toBe(1);
  });

  it('rejects an incompatible role, unknown ids and levels above the decider’s own (nothing created)', async () => {
    const { id } = await pendingRequest('grant2@outside.org');
    expect((await admin.post(`/api/access-requests/${id}/grant`, { role: 'publisher', userType: 'viewer' })).statusCode).toBe(400);
    expect((await admin.post(`/api/access-requests/${id}/grant`, { role: 'nope', userType: 'creator' })).statusCode).toBe(400);
    expect((await admin.post(`/api/access-requests/${id}/grant`, { ...grantBody, levels: { account_documents: 'update' } })).statusCode).toBe(400);
    expect((await admin.post(`/api/access-requests/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/grant`, grantBody)).statusCode).toBe(404);
    expect((await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    expect(await ctx.db.member.count({ where: { email: 'grant2@outside.org' } })).toBe(0);
  });

  it('refuses a secondary contact giving levels above their own (403, nothing created), and grants within them', async () => {
    // Update on manage access (so may grant), View on reporting, nothing on contact updates.
    const contact = await memberWith({ manage_access: 'update', reporting: 'view' }, { contact: true });
    const { id } = await pendingRequest('above-own@outside.org');
    const above = await contact.client.post(`/api/access-requests/${id}/grant`, { ...grantBody, levels: { reporting: 'update' } });
    expect(above.statusCode, above.body).toBe(403);
    expect(above.json()).toMatchObject({ code: 'forbidden', errors: [{ path: 'levels.reporting', code: 'level_above_own' }] });
    const none = await contact.client.post(`/api/access-requests/${id}/grant`, { ...grantBody, levels: { reporting: 'view', contact_updates: 'view' } });
    expect(none.statusCode).toBe(403);
    expect(none.json().errors).toEqual([expect.objectContaining({ path: 'levels.contact_updates', code: 'level_above_own' })]);
    expect((await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    expect(await ctx.db.member.count({ where: { email: 'above-own@outside.org' } })).toBe(0);
    expect(await ctx.db.auditEvent.count({ where: { targetId: id, action: 'access_request.granted' } })).toBe(0);

    // The role too: User gives Update on content, which this contact (a Viewer) does not have.
    const roleAbove = await contact.client.post(`/api/access-requests/${id}/grant`, { ...grantBody, levels: { reporting: 'view' } });
    expect(roleAbove.statusCode, roleAbove.body).toBe(400);
    expect(roleAbove.json().errors).toEqual([expect.objectContaining({ path: 'role', code: 'privilege_above_own' })]);
    expect((await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe('pending');

    const within = await contact.client.post(`/api/access-requests/${id}/grant`, { role: 'viewer', userType: 'creator', levels: { reporting: 'view', manage_access: 'update' } });
    expect(within.statusCode, within.body).toBe(200);
    const member = within.json<Member>();
    expect(await ctx.db.memberPrivilege.findMany({ where: { memberId: member.id }, select: { area: true, level: true }, orderBy: { area: 'asc' } })).toEqual([
      { area: 'manage_access', level: 'update' },
      { area: 'reporting', level: 'view' },
    ]);
    // No longer a contact: the reminder digest below is for the primary contact only.
    await ctx.db.organizationContact.deleteMany({ where: { memberId: contact.id } });
  });

  it('lets exactly one of two concurrent decisions through: 200 and 409', async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await pendingRequest(`race${round}@outside.org`);
      const other = new Client(ctx, nextIp());
      await other.signIn('admin', ADMIN_PASSWORD);
      const [a, b] = await Promise.all([
        admin.post(`/api/access-requests/${id}/grant`, grantBody),
        other.post(`/api/access-requests/${id}/deny`, { reason: 'Non' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json().detail).toMatch(/already (granted|denied) by/);
      const row = await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } });
      expect(loser.json()).toMatchObject({ code: 'already_decided', decision: row.status, decidedAt: row.decidedAt!.toISOString(), decidedBy: { kind: 'member', username: 'admin' } });
      expect(await ctx.db.member.count({ where: { email: `race${round}@outside.org` } })).toBe(row.status === 'granted' ? 1 : 0);
      expect(await ctx.db.auditEvent.count({ where: { targetId: id, action: { in: ['access_request.granted', 'access_request.denied'] } } })).toBe(1);
    }
    const { id } = await pendingRequest('race-grant@outside.org');
    const [a, b] = await Promise.all([admin.post(`/api/access-requests/${id}/grant`, grantBody), admin.post(`/api/access-requests/${id}/grant`, grantBody)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await ctx.db.member.count({ where: { email: 'race-grant@outside.org' } })).toBe(1);
  });

  it('cannot decide a request whose email is not confirmed', async () => {
    await submit('unconfirmed@outside.org');
    const row = await ctx.db.accessRequest.findFirstOrThrow({ where: { email: 'unconfirmed@outside.org' } });
    const res = await admin.post(`/api/access-requests/${row.id}/deny`, { reason: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
  });

  it('keeps each organization’s requests to itself: another organization’s contact gets 404', async () => {
    const { id } = await pendingRequest('other-org@outside.org');
    const globex = new Client(ctx, nextIp());
    expect((await globex.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    expect((await globex.get(`/api/access-requests/${id}`)).statusCode).toBe(404);
    expect((await globex.post(`/api/access-requests/${id}/deny`, { reason: 'Pas chez nous' })).statusCode).toBe(404);
    expect((await globex.post(`/api/access-requests/${id}/grant`, grantBody)).statusCode).toBe(404);
    expect((await globex.get('/api/access-requests')).json<AccessRequestList>().items.some((r) => r.id === id)).toBe(false);
    expect((await ctx.db.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
  });
});

describe('the requester’s language', () => {
  it('is stored with the request and used for the confirmation, the denial and the activation emails', async () => {
    const email = 'english@outside.org';
    const token = await submit(email, { language: 'en' });
    expect((await latestMail(email, 'access_request_confirmation')).subject).toBe('Confirm your request to access Acme');
    expect((await ctx.db.accessRequest.findFirstOrThrow({ where: { email } })).language).toBe('en');
    await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token });
    const id = (await ctx.db.accessRequest.findFirstOrThrow({ where: { email } })).id;
    expect((await admin.post(`/api/access-requests/${id}/deny`, { reason: 'Employees only' })).statusCode).toBe(200);
    const denial = await latestMail(email, 'access_request_decision');
    expect(denial.subject).toBe('Your request to access Acme was not granted');
    expect(denial.text).toContain('Employees only');

    // Asked again (a new request once the first was decided), in English: granted, activation in English, member in English.
    const again = await submit(email, { language: 'en' });
    await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token: again });
    const second = await ctx.db.accessRequest.findFirstOrThrow({ where: { email, status: 'pending' } });
    const granted = await admin.post(`/api/access-requests/${second.id}/grant`, grantBody);
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await latestMail(email, 'invitation')).subject).toBe('Invitation to join Acme on Sésame');
    expect((await ctx.db.member.findFirstOrThrow({ where: { email } })).language).toBe('en');

    // Without a language, the organization's (French here).
    const french = 'sans-langue@outside.org';
    const t = await submit(french);
    expect((await latestMail(french, 'access_request_confirmation')).subject).toBe('Confirmez votre demande d’accès à Acme');
    await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token: t });
    const fr = await ctx.db.accessRequest.findFirstOrThrow({ where: { email: french } });
    expect(fr.language).toBeNull();
    await admin.post(`/api/access-requests/${fr.id}/deny`, { reason: 'Non' });
    expect((await latestMail(french, 'access_request_decision')).subject).toBe('Votre demande d’accès à Acme n’a pas été acceptée');
  });
});

describe('auto-approval for approved domains', () => {
  it('grants confirmed requests from a listed domain only (exact match), and logs it', async () => {
    const put = await admin.request('PUT', '/api/organization/approved-domains', { domains: ['Example.com', 'sub.partner.org'] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().domains).toEqual(['example.com', 'sub.partner.org']);

    const token = await submit('auto@EXAMPLE.com');
    // Not before the email is confirmed.
    expect((await ctx.db.accessRequest.findFirstOrThrow({ where: { email: 'auto@EXAMPLE.com' } })).status).toBe('unconfirmed');
    expect(await ctx.db.member.count({ where: { email: 'auto@EXAMPLE.com' } })).toBe(0);
    const confirmed = await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token });
    expect(confirmed.json()).toMatchObject({ status: 'granted', autoApproved: true });
    const member = await ctx.db.member.findFirstOrThrow({ where: { email: 'auto@EXAMPLE.com' }, include: { role: true, userType: true } });
    expect(member).toMatchObject({ status: 'pending', role: { key: 'user' }, userType: { key: 'creator' } });
    expect(await ctx.db.outboxMessage.count({ where: { to: 'auto@EXAMPLE.com', kind: 'invitation' } })).toBe(1);
    const events = await admin.get('/api/access-requests?status=granted');
    expect(events.json<AccessRequestList>().items.find((r) => r.email === 'auto@EXAMPLE.com')).toMatchObject({ autoApproved: true, decidedBy: null });
    expect(await ctx.db.auditEvent.count({ where: { action: 'access_request.auto_granted', targetLabel: 'auto@EXAMPLE.com' } })).toBe(1);
    // The contacts see it in the activity log, with no actor.
    const log = await admin.get('/api/activity?action=access_request.auto_granted');
    expect(log.statusCode, log.body).toBe(200);
    const autoRequestId = (await ctx.db.accessRequest.findFirstOrThrow({ where: { email: 'auto@EXAMPLE.com' } })).id;
    expect(log.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'access_request.auto_granted', actor: { id: null, username: null }, target: expect.objectContaining({ id: autoRequestId, label: 'auto@EXAMPLE.com' }) })]));
    // Deciding it afterwards: 409 saying it was granted automatically.
    const late = await admin.post(`/api/access-requests/${autoRequestId}/deny`, { reason: 'Trop tard' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'already_decided', decision: 'granted', decidedBy: { kind: 'automatic' } });

    for (const email of ['a@evil-example.com', 'b@example.com.evil.org', 'c@sub.example.com', 'd@partner.org', 'e@example.co', 'g@notexample.com']) {
      const t = await submit(email);
      const res = await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token: t });
      expect(res.json().status, email).toBe('pending');
      expect(await ctx.db.member.count({ where: { email } })).toBe(0);
    }
    const sub = await submit('f@sub.partner.org');
    expect((await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token: sub })).json().status).toBe('granted');
  });

  it('refuses invalid domains', async () => {
    for (const domain of ['*.example.com', 'example', 'exa mple.com', 'http://example.com']) {
      expect((await admin.request('PUT', '/api/organization/approved-domains', { domains: [domain] })).statusCode, domain).toBe(400);
    }
  });
});

describe('auto-approval that cannot go through', () => {
  const domain = 'approved-but.example';
  const organizationId = () => ctx.acme.organizationId;
  beforeAll(async () => {
    expect((await admin.request('PUT', '/api/organization/approved-domains', { domains: [domain] })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await admin.request('PUT', '/api/organization/approved-domains', { domains: [] });
  });

  /** Submits and confirms a request: the answer the requester sees, the request, and the failure's audit event. */
  async function confirmFrom(email: string) {
    const token = await submit(email);
    const confirmed = await new Client(ctx, nextIp()).post('/api/access-requests/confirm', { token });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const request = await ctx.db.accessRequest.findFirstOrThrow({ where: { email }, orderBy: { createdAt: 'desc' } });
    const events = await ctx.db.auditEvent.findMany({ where: { organizationId: organizationId(), action: 'access_request.auto_approval_failed', targetId: request.id } });
    return { status: confirmed.json<AccessRequestPublicStatus>().status, request, events };
  }
  /** Still waiting for the contacts: pending, undecided, in their queue, nothing granted. */
  async function expectLeftForTheContacts(request: { id: string; email: string }) {
    expect(await ctx.db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'pending', decidedAt: null, decidedById: null, autoApproved: false, memberId: null });
    const queue = (await admin.get('/api/access-requests?status=pending&limit=100')).json<AccessRequestList>();
    expect(queue.items.map((r) => r.id)).toContain(request.id);
    expect(await ctx.db.auditEvent.count({ where: { targetId: request.id, action: 'access_request.auto_granted' } })).toBe(0);
    expect(await ctx.db.outboxMessage.count({ where: { to: request.email, kind: 'invitation' } })).toBe(0);
  }

  it('leaves a request from an address that already has an account pending, even a disabled account, and says why', async () => {
    for (const status of ['active', 'disabled'] as const) {
      const email = `known-${status}@${domain}`;
      await memberWith({}, { email, status });
      const { status: seen, request, events } = await confirmFrom(email.toUpperCase());
      expect(seen, status).toBe('pending');
      await expectLeftForTheContacts(request);
      expect(events, status).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: null, targetType: 'access_request', targetLabel: email.toUpperCase(), after: { code: 'existing_account', reason: expect.stringMatching(/already has this email/) } });
      expect(await ctx.db.member.count({ where: { email: { equals: email, mode: 'insensitive' } } })).toBe(1);
      // A contact decides it.
      expect((await admin.post(`/api/access-requests/${request.id}/deny`, { reason: 'Vous avez déjà un compte' })).statusCode).toBe(200);
    }
  });

  it('leaves it pending when the named-user limit is reached (the claim is rolled back), and a contact grants it once a seat is free', async () => {
    const count = await ctx.db.member.count({ where: { organizationId: organizationId() } });
    await ctx.db.organization.update({ where: { id: organizationId() }, data: { namedUserLimit: count } });
    try {
      const { status, request, events } = await confirmFrom(`no-seat@${domain}`);
      expect(status).toBe('pending');
      await expectLeftForTheContacts(request);
      expect(events).toHaveLength(1);
      expect(events[0]!.after).toMatchObject({ code: 'seats_exhausted', reason: expect.stringMatching(/named-user limit \(\d+\) is reached/) });
      expect(await ctx.db.member.count({ where: { organizationId: organizationId() } })).toBe(count);
      // While the limit holds, a contact is refused too; once raised, the contact grants it.
      expect((await admin.post(`/api/access-requests/${request.id}/grant`, grantBody)).json()).toMatchObject({ status: 409, code: 'seats_exhausted' });
      await ctx.db.organization.update({ where: { id: organizationId() }, data: { namedUserLimit: count + 1 } });
      const granted = await admin.post(`/api/access-requests/${request.id}/grant`, grantBody);
      expect(granted.statusCode, granted.body).toBe(200);
      expect((await ctx.db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).autoApproved).toBe(false);
    } finally {
      await ctx.db.organization.update({ where: { id: organizationId() }, data: { namedUserLimit: null } });
    }
  });

  it('leaves it pending when the default role is Administrator, or when there are no defaults', async () => {
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: organizationId() } });
    const administrator = await ctx.db.role.findFirstOrThrow({ where: { organizationId: organizationId(), key: 'administrator' } });
    try {
      await ctx.db.organization.update({ where: { id: organizationId() }, data: { defaultRoleId: administrator.id, allowAdminAtCreation: true } });
      const admins = await confirmFrom(`would-be-admin@${domain}`);
      expect(admins.status).toBe('pending');
      await expectLeftForTheContacts(admins.request);
      expect(admins.events.map((e) => e.after)).toEqual([expect.objectContaining({ code: 'validation_failed', fields: ['administrator_not_allowed'] })]);
      expect(await ctx.db.member.count({ where: { email: `would-be-admin@${domain}` } })).toBe(0);

      await ctx.db.organization.update({ where: { id: organizationId() }, data: { defaultRoleId: null, allowAdminAtCreation: false } });
      const bare = await confirmFrom(`no-defaults@${domain}`);
      expect(bare.status).toBe('pending');
      await expectLeftForTheContacts(bare.request);
      expect(bare.events.map((e) => e.after)).toEqual([expect.objectContaining({ code: 'missing_defaults' })]);
    } finally {
      await ctx.db.organization.update({ where: { id: organizationId() }, data: { defaultRoleId: org.defaultRoleId, allowAdminAtCreation: org.allowAdminAtCreation } });
    }
  });
});

describe('reminder digest', () => {
  it('emails each contact one digest of requests waiting too long, at most once a day', async () => {
    await ctx.db.approvedDomain.deleteMany({});
    const { id } = await pendingRequest('late@outside.org');
    const now = new Date();
    await ctx.db.accessRequest.updateMany({ where: { id }, data: { confirmedAt: new Date(now.getTime() - 25 * 3_600_000) } });
    const deps = { db: ctx.db, enqueueEmail, baseUrl: 'https://sesame.example.org' };
    const before = await ctx.db.outboxMessage.count({ where: { kind: 'access_request_reminder' } });
    expect(await sendAccessRequestReminders(deps, now)).toBe(1);
    // The one digest is the primary contact's (the administrator, with View on manage access through their role).
    expect(before).toBe(0);
    expect(await ctx.db.outboxMessage.findMany({ where: { kind: 'access_request_reminder' }, select: { to: true } })).toEqual([{ to: 'admin@acme.example.org' }]);
    const digest = await latestMail('admin@acme.example.org', 'access_request_reminder');
    expect(digest.text).toContain('late@outside.org');
    expect(digest.text).toContain('https://sesame.example.org/access-requests');
    // Same day: nothing more; a day later: again.
    expect(await sendAccessRequestReminders(deps, new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(await sendAccessRequestReminders(deps, new Date(now.getTime() + 25 * 3_600_000))).toBe(1);
    expect(await ctx.db.outboxMessage.count({ where: { kind: 'access_request_reminder' } })).toBe(before + 2);
  });
});
