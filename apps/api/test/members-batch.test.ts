import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembersBatchResponse } from '@sesame/contracts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext, rendered } from './helpers.ts';

let ctx: TestContext;
let admin: Client;
let refs: { licenses: { id: string; key: string; name: string; seatsTotal: number; seatsUsed: number }[]; groups: { id: string }[]; categories: { id: string }[] };

const member = (n: string, extra: Record<string, unknown> = {}) => ({
  firstName: 'Jeanne',
  lastName: `Cho ${n}`,
  email: `jcho${n}@example.com`,
  username: `jcho${n}`,
  role: 'user',
  userType: 'creator',
  ...extra,
});

const batch = (client: Client, body: unknown) => client.post('/api/members/batch', body);

async function count(where: Record<string, unknown> = {}) {
  return ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId, ...where } });
}

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 20 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  refs = {
    licenses: (await admin.get('/api/licenses')).json().items,
    groups: (await admin.get('/api/groups')).json().items,
    categories: (await admin.get('/api/member-categories')).json().items,
  };
});
afterAll(async () => ctx?.close());

describe('POST /api/members/batch — credentials mode', () => {
  it('creates every member with licences, groups and categories, returns temporary passwords, and forces a change at first sign-in', async () => {
    const license = refs.licenses.find((l) => l.key === 'advanced_analysis')!;
    const res = await batch(admin, {
      mode: 'credentials',
      members: [member('11', { password: 'jcho.1234' }), member('12'), member('13', { userType: 'professional', role: 'publisher' })],
      properties: { licenses: [license.id], groups: [refs.groups[0]!.id], categories: [refs.categories[0]!.id], settings: { language: 'en', locale: 'en-GB' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<MembersBatchResponse>();
    expect(body.created.map((m) => m.username)).toEqual(['jcho11', 'jcho12', 'jcho13']);
    for (const m of body.created) {
      expect(m.status).toBe('active');
      expect(m.licenses.map((l) => l.id)).toEqual([license.id]);
      expect(m.groups.map((g) => g.id)).toEqual([refs.groups[0]!.id]);
      expect(m.categories.map((c) => c.id)).toEqual([refs.categories[0]!.id]);
      expect(m.language).toBe('en');
    }
    expect(body.temporaryPasswords?.find((p) => p.username === 'jcho11')?.password).toBe('jcho.1234');
    const generated = body.temporaryPasswords!.find((p) => p.username === 'jcho12')!.password;
    expect(generated).toMatch(/[a-zA-Z]/);
    expect(generated).toMatch(/\d/);

    const client = new Client(ctx);
    const signIn = await client.signIn('jcho12', generated);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
    expect((await client.get('/api/members')).json().code).toBe('password_change_required');
    const audits = await ctx.db.auditEvent.count({ where: { organizationId: ctx.acme.organizationId, action: 'member.created' } });
    expect(audits).toBe(3);
  });

  it('refuses a batch with problems as a whole, naming each member and field, and creates nothing', async () => {
    const before = await count();
    const res = await batch(admin, {
      mode: 'credentials',
      members: [
        member('21'),
        member('22', { username: 'jcho21' }), // duplicate inside the batch
        member('23', { username: 'jcho11' }), // taken in the organization
        member('24', { role: 'no-such-role' }),
        member('25', { userType: 'viewer', role: 'publisher' }), // incompatible
        member('26', { role: 'administrator' }), // not at creation
        member('27', { password: 'Password123' }), // breached
      ],
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { path: string; code: string; message: string }[] }>().errors;
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['members.1.username', 'members.2.username', 'members.3.role', 'members.4.role', 'members.5.role', 'members.6.password']),
    );
    // Stable codes the web app translates; the messages stay English.
    expect(errors.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['members.1.username', 'duplicate_in_batch'],
        ['members.2.username', 'username_taken'],
        ['members.3.role', 'unknown_role'],
        ['members.4.role', 'incompatible_role'],
        ['members.5.role', 'administrator_not_allowed'],
        ['members.6.password', 'password_common'],
      ]),
    );
    expect(paths).not.toContain('members.0.username');
    expect(errors.find((e) => e.path === 'members.4.role')!.message).toContain('not compatible');
    expect(await count()).toBe(before);
  });

  it('checks field rules: username length and ASCII, email apostrophe, password rule', async () => {
    const res = await batch(admin, {
      mode: 'credentials',
      members: [
        member('31', { username: 'short' }),
        member('32', { username: 'jérôme32' }),
        member('33', { email: "j'cho@example.com" }),
        member('34', { password: 'abcdefgh' }),
        member('35', { email: 'not-an-email' }),
      ],
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { path: string; code: string }[] }>().errors;
    expect(errors.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['members.0.username', 'too_short'],
        ['members.1.username', 'invalid_format'],
        ['members.2.email', 'email_apostrophe'],
        ['members.3.password', 'password_needs_digit'],
        ['members.4.email', 'invalid_email'],
      ]),
    );
    // Each of these is accepted once corrected.
    const ok = await batch(admin, {
      mode: 'credentials',
      members: [member('31', { username: 'short1' }), member('32', { username: 'jerome32' }), member('33'), member('34', { password: 'abcdefg1' })],
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('treats usernames case-sensitively', async () => {
    const res = await batch(admin, { mode: 'credentials', members: [member('41', { username: 'JCHO11' })] });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('allows the Administrator role at creation only when the organization allows it', async () => {
    await ctx.db.organization.update({ where: { id: ctx.acme.organizationId }, data: { allowAdminAtCreation: true } });
    try {
      const res = await batch(admin, { mode: 'credentials', members: [member('51', { role: 'administrator', userType: 'professional' })] });
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      await ctx.db.organization.update({ where: { id: ctx.acme.organizationId }, data: { allowAdminAtCreation: false } });
    }
  });

  it('offers only licences compatible with every member’s user type', async () => {
    const desktop = refs.licenses.find((l) => l.key === 'desktop_pro')!; // professional and professional_plus only
    const refused = await batch(admin, {
      mode: 'credentials',
      members: [member('61', { userType: 'professional' }), member('62', { userType: 'creator' })],
      properties: { licenses: [desktop.id] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'properties.licenses.0', code: 'incompatible_license' });
    expect(refused.json().errors[0].message).toContain('Creator');
    const allowed = await batch(admin, {
      mode: 'credentials',
      members: [member('61', { userType: 'professional' }), member('62', { userType: 'professional_plus' })],
      properties: { licenses: [desktop.id] },
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });

  it('words a refusal in the request’s language: the same code, params and path, French detail and messages under Accept-Language fr', async () => {
    const desktop = refs.licenses.find((l) => l.key === 'desktop_pro')!; // professional and professional_plus only
    const body = {
      mode: 'credentials',
      members: [member('63', { userType: 'professional' }), member('64', { userType: 'creator' })],
      properties: { licenses: [desktop.id] },
    };
    const english = await batch(admin, body);
    const french = await admin.post('/api/members/batch', body, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(english.statusCode).toBe(400);
    expect(french.statusCode).toBe(400);
    const [en, fr] = [english.json(), french.json()];
    // The same refusal: code, params and path (relative to the body) do not depend on the language.
    expect(fr.code).toBe(en.code);
    expect(fr.errors.map((e: { path: string; code: string; params: unknown }) => [e.path, e.code, e.params])).toEqual(
      en.errors.map((e: { path: string; code: string; params: unknown }) => [e.path, e.code, e.params]),
    );
    expect(en.errors[0]).toMatchObject({ path: 'properties.licenses.0', code: 'incompatible_license', params: { name: desktop.name, userType: 'Creator', userTypeFr: 'Créateur' } });
    // English by default; French under Accept-Language fr, with the user type's French name.
    expect(en.errors[0].message).toBe(`Licence "${desktop.name}" is not compatible with the user type "Creator"`);
    expect(fr.errors[0].message).toBe(`La licence «\u00A0${desktop.name}\u00A0» n’est pas compatible avec le type d’utilisateur «\u00A0Créateur\u00A0»`);
    expect(en.detail).toMatch(/^A value is invalid; nothing was created\. properties\.licenses\.0: Licence/);
    expect(fr.detail).toBe(`Une valeur est invalide\u00A0; rien n’a été créé. properties.licenses.0\u00a0: ${fr.errors[0].message}`);
    expect(french.headers['content-language']).toBe('fr');
    // No English left in the French answer.
    expect(`${fr.detail} ${fr.errors[0].message}`).not.toMatch(/\b(is|not|compatible with|the user type|problem|found|nothing)\b/);
  });

  it('words a seat shortage in French under Accept-Language fr, detail included', async () => {
    const current = await count();
    const { namedUserLimit: limitBefore } = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.acme.organizationId } });
    await ctx.db.organization.update({ where: { id: ctx.acme.organizationId }, data: { namedUserLimit: current + 1 } });
    try {
      const body = { mode: 'invite', members: [member('65'), member('66')] };
      const [en, fr] = [(await batch(admin, body)).json(), (await admin.post('/api/members/batch', body, { 'accept-language': 'fr' })).json()];
      expect([en.code, fr.code]).toEqual(['seats_exhausted', 'seats_exhausted']);
      expect(fr.errors[0]).toMatchObject({ path: en.errors[0].path, code: 'named_user_limit', params: en.errors[0].params });
      expect(en.errors[0].message).toBe(`The organization's named-user limit (${current + 1}) is reached: ${current} used, 2 requested, 1 too many`);
      expect(fr.errors[0].message).toBe(`La limite d’utilisateurs nommés de l’organisation est de ${current + 1}\u00a0: ${current} utilisés, 2 demandés, 1 de trop`);
      expect(fr.detail).toBe(`Pas assez de places\u00A0: ${fr.errors[0].message}`);
      expect(en.detail).toContain('1 too many');
    } finally {
      await ctx.db.organization.update({ where: { id: ctx.acme.organizationId }, data: { namedUserLimit: limitBefore } });
    }
  });

  it('accepts at most 20 categories', async () => {
    const cats = await Promise.all(
      Array.from({ length: 21 }, (_, i) => ctx.db.memberCategory.create({ data: { organizationId: ctx.acme.organizationId, name: `Extra ${i}` } })),
    );
    const refused = await batch(admin, { mode: 'credentials', members: [member('71')], properties: { categories: cats.map((c) => c.id) } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('properties.categories');
    const allowed = await batch(admin, { mode: 'credentials', members: [member('71')], properties: { categories: cats.slice(0, 20).map((c) => c.id) } });
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect(allowed.json().created[0].categories).toHaveLength(20);
  });

  it('refuses another organization’s licences, groups and categories', async () => {
    const globexLicense = await ctx.db.license.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
    const globexGroup = await ctx.db.group.findFirstOrThrow({ where: { organizationId: ctx.globex.organizationId } });
    const res = await batch(admin, { mode: 'credentials', members: [member('81')], properties: { licenses: [globexLicense.id], groups: [globexGroup.id] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['properties.licenses.0', 'unknown_license'],
      ['properties.groups.0', 'unknown_group'],
    ]);
  });

  it('never goes past the named-user limit, counting pending and disabled members', async () => {
    const current = await count();
    await ctx.db.organization.update({ where: { id: ctx.acme.organizationId }, data: { namedUserLimit: current + 1 } });
    try {
      const refused = await batch(admin, { mode: 'invite', members: [member('91'), member('92')] });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'seats_exhausted' });
      expect(refused.json().errors[0].message).toContain('1 too many');
      expect(refused.json().errors[0].code).toBe('named_user_limit');
      expect(await count()).toBe(current);
      const allowed = await batch(admin, { mode: 'invite', members: [member('91')] });
      expect(allowed.statusCode, allowed.body).toBe(201);
    } finally {
      await ctx.db.organization.update({ where: { id: ctx.acme.organizationId }, data: { namedUserLimit: 1000 } });
    }
  });

  it('never over-assigns licence seats, even when batches race for the last ones', async () => {
    const license = await ctx.db.license.create({ data: { organizationId: ctx.acme.organizationId, key: 'race', name: 'Course', seats: 5 } });
    const creator = await ctx.db.userType.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'creator' } });
    await ctx.db.userTypeLicense.create({ data: { userTypeId: creator.id, licenseId: license.id } });
    const clients = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = new Client(ctx);
        expect((await c.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
        return c;
      }),
    );
    const results = await Promise.all(
      clients.map((c, i) =>
        batch(c, { mode: 'invite', members: [member(`r${i}a`), member(`r${i}b`)], properties: { licenses: [license.id] } }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 409, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().errors[0].message).toContain('Course');
    expect(await ctx.db.licenseAssignment.count({ where: { licenseId: license.id } })).toBe(4);
    const shown = (await admin.get('/api/licenses')).json().items.find((l: { id: string }) => l.id === license.id);
    expect(shown).toMatchObject({ seatsTotal: 5, seatsUsed: 4 });
  });

  it('needs Update on members or manage access, and the CSRF header', async () => {
    const user = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: 'jcho11' } });
    const { hashPassword } = await import('@sesame/db/passwords');
    await ctx.db.member.update({ where: { id: user.id }, data: { passwordHash: await hashPassword('Member-pass-42'), mustChangePassword: false } });
    const c = new Client(ctx);
    await c.signIn('jcho11', 'Member-pass-42');
    const refused = await batch(c, { mode: 'invite', members: [member('a1')] });
    expect(refused.statusCode).toBe(403);
    const noCsrf = new Client(ctx);
    await noCsrf.signIn('admin', ADMIN_PASSWORD);
    noCsrf.csrf = '';
    expect((await batch(noCsrf, { mode: 'invite', members: [member('a1')] })).statusCode).toBe(403);
    expect((await batch(admin, { mode: 'invite', members: [member('a1')] })).statusCode).toBe(201);
  });
});

describe('POST /api/members/batch — invite mode', () => {
  it('creates pending members, one invitation and one email each, with the custom message', async () => {
    const res = await batch(admin, { mode: 'invite', message: 'Bienvenue dans l’équipe !', members: [member('b1'), member('b2')] });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<MembersBatchResponse>();
    expect(body.temporaryPasswords).toBeUndefined();
    expect(body.created.every((m) => m.status === 'pending')).toBe(true);
    const ids = body.created.map((m) => m.id);
    const invitations = await ctx.db.invitation.findMany({ where: { memberId: { in: ids } } });
    expect(invitations).toHaveLength(2);
    for (const inv of invitations) {
      expect(inv.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(inv.message).toBe('Bienvenue dans l’équipe !');
      const days = (inv.expiresAt.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(13.9);
      expect(days).toBeLessThanOrEqual(14);
    }
    const mails = (await ctx.db.outboxMessage.findMany({ where: { to: { in: ['jchob1@example.com', 'jchob2@example.com'] } } })).map(rendered);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain('Bienvenue dans l’équipe !');
    expect(mails[0]!.text).toMatch(/\/activate\/[A-Za-z0-9_-]{43}/);
  });

  it('refuses passwords in invite mode', async () => {
    const res = await batch(admin, { mode: 'invite', members: [member('c1', { password: 'jcho.1234' })] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('members.0.password');
  });
});
