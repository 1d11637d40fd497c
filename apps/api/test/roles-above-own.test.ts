import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@sesame/db/passwords';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

/**
 * "Nobody gives a privilege above their own", when members are created too: a member who may
 * add members (Update on manage access) but whose own levels are a Viewer's can't create a
 * member with a role that gives more (User: Update on content), through the wizard, a CSV file
 * or a file someone else uploaded; a Viewer role goes through. Administrators give any role.
 */
let ctx: TestContext;
let admin: Client;
let adder: Client;

const member = (username: string, role: string) => ({ firstName: 'Ro', lastName: 'Le', email: `${username}@example.com`, username, role, userType: 'creator' });
const upload = (client: Client, csv: string, lang = 'en') =>
  client.request('POST', '/api/imports?format=builtin&mode=invite', csv, { 'content-type': 'text/csv', 'accept-language': lang });
const exists = async (username: string) => (await ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId, username } })) > 0;

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 3 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  const organizationId = ctx.acme.organizationId;
  const [viewer, viewerType] = await Promise.all([
    ctx.db.role.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
    ctx.db.userType.findFirstOrThrow({ where: { organizationId, key: 'viewer' } }),
  ]);
  const m = await ctx.db.member.create({
    data: { organizationId, username: 'adder-viewer', firstName: 'Ad', lastName: 'Der', email: 'adder@example.com', roleId: viewer.id, userTypeId: viewerType.id, status: 'active', passwordHash: await hashPassword('Adder-pass-2026') },
  });
  await ctx.db.memberPrivilege.create({ data: { organizationId, memberId: m.id, area: 'manage_access', level: 'update' } });
  adder = new Client(ctx, '10.44.0.1');
  expect((await adder.signIn('adder-viewer', 'Adder-pass-2026')).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

describe('a role above the giver’s own levels', () => {
  it('is refused in the wizard’s batch (both modes), naming the role field; a Viewer role is given', async () => {
    for (const mode of ['credentials', 'invite'] as const) {
      const res = await adder.post('/api/members/batch', { mode, members: [member(`above-${mode}`, 'viewer'), member(`above-${mode}-user`, 'user')] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'members.1.role', code: 'privilege_above_own', message: expect.stringMatching(/content/) })]);
      expect(await exists(`above-${mode}`)).toBe(false);
    }
    const ok = await adder.post('/api/members/batch', { mode: 'invite', members: [member('within-viewer', 'viewer')] });
    expect(ok.statusCode, ok.body).toBe(201);
    // An administrator gives it.
    expect((await admin.post('/api/members/batch', { mode: 'invite', members: [member('by-admin-user', 'user')] })).statusCode).toBe(201);
  });

  it('is a row error of the CSV file, in the uploader’s language, fixable in place', async () => {
    const csv = 'Email,Role,User Type,First Name,Last Name,Username\nrow-a@example.com,viewer,creator,Ro,A,csv-row-a\nrow-b@example.com,Utilisateur,creator,Ro,B,csv-row-b\n';
    const id = (await upload(adder, csv)).json().id;
    const job = (await adder.get(`/api/imports/${id}?lang=fr`)).json();
    expect(job.counts).toEqual({ total: 2, valid: 1, invalid: 1 });
    expect(job.rows[1].errors).toEqual([
      expect.objectContaining({ field: 'role', code: 'privilege_above_own', message: 'Le rôle «\u00A0Utilisateur\u00A0» donne plus de privilèges que les vôtres (membres, groupes et catégories, contenu)\u00A0; choisissez un autre rôle ou demandez à un administrateur' }),
    ]);
    expect((await adder.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(409);
    const fixed = await adder.request('PATCH', `/api/imports/${id}/rows/3`, { values: { role: 'viewer' } });
    expect(fixed.json().row.errors).toEqual([]);
    // Uploaded by an administrator, the same file has no such error.
    const byAdmin = (await upload(admin, csv)).json();
    expect(byAdmin.counts).toEqual({ total: 2, valid: 2, invalid: 0 });
  });

  it('stops the commit of a file someone else checked, before anything is created', async () => {
    const csv = 'Email,Role,User Type,First Name,Last Name,Username\nother-a@example.com,viewer,creator,Ro,A,other-row-a\nother-b@example.com,publisher,creator,Ro,B,other-row-b\n';
    const id = (await upload(admin, csv)).json().id;
    const refused = await adder.post(`/api/imports/${id}/commit`, {});
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'rows', code: 'privilege_above_own', message: expect.stringMatching(/^Role "Publisher" gives more privileges/) })]);
    expect((await adder.get(`/api/imports/${id}?limit=0`)).json().status).toBe('validated');
    expect(await exists('other-row-a')).toBe(false);
    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
  });
});
