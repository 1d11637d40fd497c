import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesOfferedToAdd, rolesOfferedToGrant, type GrantOptions, type MeResponse, type PrivilegeArea, type PrivilegeLevel } from '@sesame/contracts';
import { hashPassword } from '@sesame/db/passwords';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

/**
 * Issue 12: each assignment rule run through the four entry points that give a member a role,
 * a user type, licences and seats — the wizard's batch (POST /api/members/batch), a CSV file
 * (upload, then commit), the member edit (PATCH /api/members/:id) and the access-request grant
 * — with the same code, params and field path from each.
 *
 * Paths are relative to each request's body (issue 12, point 3); the bodies differ in shape
 * (`members.N.` or `properties.` in a batch, `rows.N.` or `properties.` in an import, the
 * fields themselves in the edit and the grant; the request as a whole is `members` or `body`),
 * so `relative` takes off what the body's shape adds.
 */
let ctx: TestContext;
let admin: Client;
/** A secondary contact with a Viewer role and Update on manage access and on members. */
let adder: Client;
/** A secondary contact with a Viewer role and Update on manage access only (the grant's own area). */
let granter: Client;
/** A secondary contact with a Viewer role and View on manage access only. */
let watcher: Client;
let org: string;

type Entry = 'batch' | 'csv' | 'patch' | 'grant';
const entries: Entry[] = ['batch', 'csv', 'patch', 'grant'];
type Spec = { role: string; userType: string; licenses?: string[]; mode?: 'credentials' | 'invite'; patchTarget?: 'active' | 'pending' };
type Refusal = { path: string; code: string; params: Record<string, string | number> | undefined };
type Outcome = { status: number; errors: Refusal[] };

/** A path without the entry point's prefix (see the comment at the top). */
const relative = (path: string) => path.replace(/^(body|properties|members\.\d+|rows\.\d+)(\.|$)/, '').replace(/^members$/, '');

let seq = 0;
const nextName = (what: string) => `rules-${what}-${++seq}`;

async function viaBatch(client: Client, spec: Spec): Promise<Outcome> {
  const username = nextName('batch');
  const res = await client.post('/api/members/batch', {
    mode: spec.mode ?? 'invite',
    members: [{ firstName: 'Ru', lastName: 'Les', email: `${username}@example.com`, username, role: spec.role, userType: spec.userType }],
    ...(spec.licenses ? { properties: { licenses: spec.licenses } } : {}),
  });
  return { status: res.statusCode, errors: res.statusCode >= 400 ? res.json().errors ?? [] : [] };
}

async function waitForCommit(client: Client, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/imports/${id}?limit=0`)).json();
    if (job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('commit did not finish');
}

async function viaCsv(client: Client, spec: Spec): Promise<Outcome> {
  const uploaded = await uploadCsv(client, spec);
  return 'commit' in uploaded ? uploaded.commit() : uploaded;
}

/** A CSV file uploaded: refused at upload (its row errors), or ready to commit. */
async function uploadCsv(client: Client, spec: Spec): Promise<Outcome | { commit: () => Promise<Outcome> }> {
  const username = nextName('csv');
  const mode = spec.mode ?? 'invite';
  const header = `Email,Role,User Type,First Name,Last Name,Username${mode === 'credentials' ? ',Password' : ''}`;
  const row = `${username}@example.com,${spec.role},${spec.userType},Ru,Les,${username}${mode === 'credentials' ? ',Rules-pass-2026' : ''}`;
  const uploaded = await client.request('POST', `/api/imports?format=builtin&mode=${mode}`, `${header}\n${row}\n`, { 'content-type': 'text/csv' });
  expect(uploaded.statusCode, uploaded.body).toBeLessThan(300);
  const id = uploaded.json().id;
  const job = (await client.get(`/api/imports/${id}?limit=10`)).json();
  const bad = job.rows.filter((r: { errors: unknown[] }) => r.errors.length);
  // Refused at upload: a row error on the cell (nothing can be committed).
  if (bad.length) {
    // A row issue repeats its cell's field in its params (for its message): that is its place, the path here.
    const place = ({ field, ...params }: Record<string, string | number> = {}) => ({ field: String(field), params });
    return {
      status: 400,
      errors: bad.flatMap((r: { rowNumber: number; errors: { code: string; params?: Record<string, string | number> }[] }) =>
        r.errors.map((e) => ({ path: `rows.${r.rowNumber}.${place(e.params).field}`, code: e.code, params: place(e.params).params })),
      ),
    };
  }
  return {
    commit: async () => {
      const commit = await client.post(`/api/imports/${id}/commit`, spec.licenses ? { properties: { licenses: spec.licenses } } : {});
      if (commit.statusCode !== 202) return { status: commit.statusCode, errors: commit.json().errors ?? [] };
      const done = await waitForCommit(client, id);
      return done.status === 'committed' ? { status: 201, errors: [] } : { status: 409, errors: done.errorDetails };
    },
  };
}

/** A file uploaded without errors, ready to commit (the commit is what races). */
async function csvReadyToCommit(client: Client, spec: Spec): Promise<() => Promise<Outcome>> {
  const uploaded = await uploadCsv(client, spec);
  if (!('commit' in uploaded)) throw new Error(`refused at upload: ${JSON.stringify(uploaded)}`);
  return uploaded.commit;
}

async function makeTarget(status: 'active' | 'pending' = 'active') {
  const [role, type] = await Promise.all([
    ctx.db.role.findFirstOrThrow({ where: { organizationId: org, key: 'viewer' } }),
    ctx.db.userType.findFirstOrThrow({ where: { organizationId: org, key: 'creator' } }),
  ]);
  const username = nextName('target');
  return ctx.db.member.create({
    data: { organizationId: org, username, firstName: 'Ta', lastName: 'Rget', email: `${username}@example.com`, roleId: role.id, userTypeId: type.id, status, activatedAt: status === 'active' ? new Date() : null },
  });
}

async function viaPatch(client: Client, spec: Spec, target?: { id: string }): Promise<Outcome> {
  const member = target ?? (await makeTarget(spec.patchTarget));
  const res = await client.request('PATCH', `/api/members/${member.id}`, { role: spec.role, userType: spec.userType, ...(spec.licenses ? { licenses: spec.licenses } : {}) });
  return { status: res.statusCode, errors: res.statusCode >= 400 ? res.json().errors ?? [] : [] };
}

async function pendingRequest() {
  const email = `${nextName('request')}@outside.org`;
  return ctx.db.accessRequest.create({ data: { organizationId: org, firstName: 'Re', lastName: 'Quest', email, status: 'pending', confirmedAt: new Date() } });
}

async function viaGrant(client: Client, spec: Spec, request?: { id: string }): Promise<Outcome> {
  const r = request ?? (await pendingRequest());
  const res = await client.post(`/api/access-requests/${r.id}/grant`, { role: spec.role, userType: spec.userType, ...(spec.licenses ? { licenses: spec.licenses } : {}) });
  return { status: res.statusCode, errors: res.statusCode >= 400 ? res.json().errors ?? [] : [] };
}

const via: Record<Entry, (client: Client, spec: Spec) => Promise<Outcome>> = { batch: viaBatch, csv: viaCsv, patch: viaPatch, grant: viaGrant };

/** The one refusal of each entry point, path made relative. */
async function refusals(client: Client, spec: Spec, which: Entry[] = entries) {
  const out: Record<string, { status: number; path: string; code: string; params: unknown }> = {};
  for (const entry of which) {
    const { status, errors } = await via[entry](client, spec);
    expect(errors, `${entry}: ${JSON.stringify(errors)}`).toHaveLength(1);
    const [e] = errors;
    out[entry] = { status, path: relative(e?.path ?? ''), code: e?.code ?? '', params: e?.params };
  }
  return out;
}

/** Every entry point refused with the same status, code, params and relative path. */
function expectSame(out: Record<string, unknown>, expected: { status: number; path: string; code: string; params: unknown }, which: Entry[] = entries) {
  expect(out).toEqual(Object.fromEntries(which.map((e) => [e, expected])));
}

async function contact(username: string, levels: Partial<Record<PrivilegeArea, PrivilegeLevel>>) {
  const [role, type] = await Promise.all([
    ctx.db.role.findFirstOrThrow({ where: { organizationId: org, key: 'viewer' } }),
    ctx.db.userType.findFirstOrThrow({ where: { organizationId: org, key: 'viewer' } }),
  ]);
  const m = await ctx.db.member.create({
    data: { organizationId: org, username, firstName: 'Con', lastName: 'Tact', email: `${username}@example.com`, roleId: role.id, userTypeId: type.id, status: 'active', passwordHash: await hashPassword('Contact-pass-2026') },
  });
  await ctx.db.memberPrivilege.createMany({ data: Object.entries(levels).map(([area, level]) => ({ organizationId: org, memberId: m.id, area: area as PrivilegeArea, level: level as PrivilegeLevel })) });
  await ctx.db.organizationContact.create({ data: { organizationId: org, memberId: m.id, kind: 'secondary' } });
  const client = new Client(ctx, `10.12.0.${seq++ % 250}`);
  expect((await client.signIn(username, 'Contact-pass-2026')).statusCode).toBe(200);
  return client;
}

async function withOrganization<T>(data: { allowAdminAtCreation?: boolean; namedUserLimit?: number | null }, run: () => Promise<T>): Promise<T> {
  const before = await ctx.db.organization.findUniqueOrThrow({ where: { id: org }, select: { allowAdminAtCreation: true, namedUserLimit: true } });
  await ctx.db.organization.update({ where: { id: org }, data });
  try {
    return await run();
  } finally {
    await ctx.db.organization.update({ where: { id: org }, data: before });
  }
}

const typeId = async (key: string) => (await ctx.db.userType.findFirstOrThrow({ where: { organizationId: org, key } })).id;

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 3 });
  org = ctx.acme.organizationId;
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  adder = await contact('rules-adder', { manage_access: 'update', members: 'update' });
  granter = await contact('rules-granter', { manage_access: 'update' });
  watcher = await contact('rules-watcher', { manage_access: 'view' });
});
afterAll(async () => ctx?.close());

describe('the same refusal from the batch, the CSV import, the member edit and the grant', () => {
  it('licence seats: license_seats {name, left, requested, short} on the licence', async () => {
    const license = await ctx.db.license.create({ data: { organizationId: org, key: 'rules_full', name: 'Licence pleine', seats: 0 } });
    await ctx.db.userTypeLicense.create({ data: { userTypeId: await typeId('creator'), licenseId: license.id } });
    const out = await refusals(admin, { role: 'viewer', userType: 'creator', licenses: [license.id] });
    expectSame(out, { status: 409, path: 'licenses.0', code: 'license_seats', params: { name: 'Licence pleine', left: 0, requested: 1, short: 1 } });
  });

  it('user-type seats: user_type_seats {name, nameFr, left, requested, short} on the user type', async () => {
    const type = await ctx.db.userType.create({ data: { organizationId: org, key: 'rules_seats', nameEn: 'Full type', nameFr: 'Type plein', seatLimit: 0 } });
    const viewer = await ctx.db.role.findFirstOrThrow({ where: { organizationId: org, key: 'viewer' } });
    await ctx.db.userTypeRole.create({ data: { userTypeId: type.id, roleId: viewer.id } });
    const out = await refusals(admin, { role: 'viewer', userType: 'rules_seats' });
    expectSame(out, { status: 409, path: 'userType', code: 'user_type_seats', params: { name: 'Full type', nameFr: 'Type plein', left: 0, requested: 1, short: 1 } });
  });

  it('named-user limit: named_user_limit {limit, used, requested, short} on the request; an edit adds no member', async () => {
    const target = await makeTarget();
    const used = await ctx.db.member.count({ where: { organizationId: org } });
    await withOrganization({ namedUserLimit: used }, async () => {
      const out = await refusals(admin, { role: 'viewer', userType: 'creator' }, ['batch', 'csv', 'grant']);
      expectSame(out, { status: 409, path: '', code: 'named_user_limit', params: { limit: used, used, requested: 1, short: 1 } }, ['batch', 'csv', 'grant']);
      // The member edit creates nobody: the limit doesn't apply to it.
      expect(await viaPatch(admin, { role: 'data_editor', userType: 'creator' }, target)).toEqual({ status: 200, errors: [] });
    });
  });

  it('incompatible licence: incompatible_license {name, userType, userTypeFr} on the licence', async () => {
    const desktop = await ctx.db.license.findFirstOrThrow({ where: { organizationId: org, key: 'desktop_pro' } }); // professional and professional_plus only
    const out = await refusals(admin, { role: 'viewer', userType: 'creator', licenses: [desktop.id] });
    expectSame(out, { status: 400, path: 'licenses.0', code: 'incompatible_license', params: { name: desktop.name, userType: 'Creator', userTypeFr: 'Créateur' } });
  });

  it('incompatible role: incompatible_role {role, roleFr, userType, userTypeFr, compatible, compatibleFr} on the role', async () => {
    const out = await refusals(admin, { role: 'publisher', userType: 'viewer' });
    const publisher = await ctx.db.role.findFirstOrThrow({ where: { organizationId: org, key: 'publisher' } });
    expectSame(out, {
      status: 400,
      path: 'role',
      code: 'incompatible_role',
      params: { role: publisher.nameEn, roleFr: publisher.nameFr, userType: 'Viewer', userTypeFr: 'Lecteur', compatible: 'Viewer', compatibleFr: 'Lecteur' },
    });
  });

  it('a role above one’s own levels: privilege_above_own {role, roleFr, areas} on the role', async () => {
    const out = await refusals(adder, { role: 'user', userType: 'creator' });
    // User gives Update on content and View on groups; the adder has View on content only (Viewer role).
    expectSame(out, { status: 400, path: 'role', code: 'privilege_above_own', params: { role: 'User', roleFr: 'Utilisateur', areas: 'groups, content' } });
  });

  it('the Administrator role from a non-administrator: administrator_not_allowed (administrators_only) on the role', async () => {
    await withOrganization({ allowAdminAtCreation: true }, async () => {
      const out = await refusals(adder, { role: 'administrator', userType: 'creator' });
      expectSame(out, { status: 400, path: 'role', code: 'administrator_not_allowed', params: { role: 'Administrator', roleFr: 'Administrateur', reason: 'administrators_only' } });
    });
  });

  describe('the Administrator role at creation, in both modes', () => {
    const creators: Entry[] = ['batch', 'csv', 'grant'];
    it('is refused (administrator_not_allowed, at_creation) when the organization does not allow it', async () => {
      for (const mode of ['credentials', 'invite'] as const) {
        // The grant always invites; run it once per mode all the same.
        const out = await refusals(admin, { role: 'administrator', userType: 'creator', mode }, creators);
        expectSame(out, { status: 400, path: 'role', code: 'administrator_not_allowed', params: { role: 'Administrator', roleFr: 'Administrateur', reason: 'at_creation' } }, creators);
      }
    });

    it('is given when the organization allows it, in both modes (the import’s invite mode too)', async () => {
      await withOrganization({ allowAdminAtCreation: true }, async () => {
        for (const mode of ['credentials', 'invite'] as const) {
          for (const entry of creators) {
            const outcome = await via[entry](admin, { role: 'administrator', userType: 'creator', mode });
            expect(outcome.errors, `${entry} ${mode}`).toEqual([]);
            expect(outcome.status, `${entry} ${mode}`).toBeLessThan(300);
          }
        }
      });
    });

    it('is given afterwards to an active member, and to an invited one only once active, whatever the setting', async () => {
      for (const allowAdminAtCreation of [false, true]) {
        await withOrganization({ allowAdminAtCreation }, async () => {
          expect(await viaPatch(admin, { role: 'administrator', userType: 'creator' })).toEqual({ status: 200, errors: [] });
          const pending = await viaPatch(admin, { role: 'administrator', userType: 'creator', patchTarget: 'pending' });
          expect(pending.status).toBe(400);
          expect(pending.errors.map((e) => ({ ...e, path: relative(e.path) }))).toEqual([
            expect.objectContaining({ path: 'role', code: 'administrator_not_allowed', params: { role: 'Administrator', roleFr: 'Administrateur', reason: 'not_activated' } }),
          ]);
        });
      }
    });
  });
});

describe('the last seat, raced by two entry points', () => {
  it('batch and grant for the last seat of a user type: exactly one wins, the other gets user_type_seats', async () => {
    for (let round = 0; round < 3; round++) {
      const type = await ctx.db.userType.create({ data: { organizationId: org, key: `rules_last_${round}`, nameEn: `Last ${round}`, nameFr: `Dernier ${round}`, seatLimit: 1 } });
      const viewer = await ctx.db.role.findFirstOrThrow({ where: { organizationId: org, key: 'viewer' } });
      await ctx.db.userTypeRole.create({ data: { userTypeId: type.id, roleId: viewer.id } });
      const request = await pendingRequest();
      const spec = { role: 'viewer', userType: type.key };
      const [batch, grant] = await Promise.all([viaBatch(admin, spec), viaGrant(admin, spec, request)]);
      expect([batch.status, grant.status].filter((s) => s < 300), JSON.stringify({ batch, grant })).toHaveLength(1);
      const loser = batch.status < 300 ? grant : batch;
      expect(loser.status).toBe(409);
      expect(loser.errors.map((e) => ({ ...e, path: relative(e.path) }))).toEqual([
        expect.objectContaining({ path: 'userType', code: 'user_type_seats', params: { name: `Last ${round}`, nameFr: `Dernier ${round}`, left: 0, requested: 1, short: 1 } }),
      ]);
      expect(await ctx.db.member.count({ where: { organizationId: org, userTypeId: type.id } })).toBe(1);
    }
  });

  it('member edit and grant for the last seat of a licence: exactly one wins, the other gets license_seats', async () => {
    const creator = await typeId('creator');
    for (let round = 0; round < 3; round++) {
      const license = await ctx.db.license.create({ data: { organizationId: org, key: `rules_last_licence_${round}`, name: `Dernière ${round}`, seats: 1 } });
      await ctx.db.userTypeLicense.create({ data: { userTypeId: creator, licenseId: license.id } });
      const [target, request] = await Promise.all([makeTarget(), pendingRequest()]);
      const spec = { role: 'viewer', userType: 'creator', licenses: [license.id] };
      const [patch, grant] = await Promise.all([viaPatch(admin, spec, target), viaGrant(admin, spec, request)]);
      expect([patch.status, grant.status].filter((s) => s < 300), JSON.stringify({ patch, grant })).toHaveLength(1);
      const loser = patch.status < 300 ? grant : patch;
      expect(loser.status).toBe(409);
      expect(loser.errors.map((e) => ({ ...e, path: relative(e.path) }))).toEqual([
        expect.objectContaining({ path: 'licenses.0', code: 'license_seats', params: { name: `Dernière ${round}`, left: 0, requested: 1, short: 1 } }),
      ]);
      expect(await ctx.db.licenseAssignment.count({ where: { organizationId: org, licenseId: license.id } })).toBe(1);
    }
  });
});

describe('the last seat, raced by the CSV commit', () => {
  /** Exactly one of the two outcomes succeeded; the other was refused with `expected` (path relative). */
  function expectOneWinner(outcomes: Record<string, Outcome>, expected: { path: string; code: string; params: unknown }) {
    const all = Object.values(outcomes);
    expect(all.filter((o) => o.status < 300), JSON.stringify(outcomes)).toHaveLength(1);
    const loser = all.find((o) => o.status >= 300);
    expect(loser?.status).toBe(409);
    expect(loser?.errors.map((e) => ({ ...e, path: relative(e.path) }))).toEqual([expect.objectContaining(expected)]);
  }

  it('CSV commit and batch for the last seat of a licence: exactly one wins, the other gets license_seats, seats never exceeded', async () => {
    const creator = await typeId('creator');
    for (let round = 0; round < 3; round++) {
      const license = await ctx.db.license.create({ data: { organizationId: org, key: `rules_last_csv_${round}`, name: `Ultime ${round}`, seats: 1 } });
      await ctx.db.userTypeLicense.create({ data: { userTypeId: creator, licenseId: license.id } });
      const spec = { role: 'viewer', userType: 'creator', licenses: [license.id] };
      const commit = await csvReadyToCommit(admin, spec);
      const [csv, batch] = await Promise.all([commit(), viaBatch(admin, spec)]);
      expectOneWinner({ csv, batch }, { path: 'licenses.0', code: 'license_seats', params: { name: `Ultime ${round}`, left: 0, requested: 1, short: 1 } });
      expect(await ctx.db.licenseAssignment.count({ where: { organizationId: org, licenseId: license.id } })).toBe(1);
    }
  });

  it('CSV commit and member edit for the last seat of a licence: exactly one wins, the other gets license_seats', async () => {
    const creator = await typeId('creator');
    for (let round = 0; round < 3; round++) {
      const license = await ctx.db.license.create({ data: { organizationId: org, key: `rules_last_csv_patch_${round}`, name: `Finale ${round}`, seats: 1 } });
      await ctx.db.userTypeLicense.create({ data: { userTypeId: creator, licenseId: license.id } });
      const spec = { role: 'viewer', userType: 'creator', licenses: [license.id] };
      const [commit, target] = await Promise.all([csvReadyToCommit(admin, spec), makeTarget()]);
      const [csv, patch] = await Promise.all([commit(), viaPatch(admin, spec, target)]);
      expectOneWinner({ csv, patch }, { path: 'licenses.0', code: 'license_seats', params: { name: `Finale ${round}`, left: 0, requested: 1, short: 1 } });
      expect(await ctx.db.licenseAssignment.count({ where: { organizationId: org, licenseId: license.id } })).toBe(1);
    }
  });

  it('CSV commit and grant for the last named user: exactly one wins, the other gets named_user_limit', async () => {
    for (let round = 0; round < 3; round++) {
      const spec = { role: 'viewer', userType: 'creator' };
      const [commit, request] = await Promise.all([csvReadyToCommit(admin, spec), pendingRequest()]);
      const used = await ctx.db.member.count({ where: { organizationId: org } });
      await withOrganization({ namedUserLimit: used + 1 }, async () => {
        const [csv, grant] = await Promise.all([commit(), viaGrant(admin, spec, request)]);
        expectOneWinner({ csv, grant }, { path: '', code: 'named_user_limit', params: { limit: used + 1, used: used + 1, requested: 1, short: 1 } });
        expect(await ctx.db.member.count({ where: { organizationId: org } })).toBe(used + 1);
      });
    }
  });
});

describe('the roles the web app offers are the roles the API accepts', () => {
  /**
   * The wizard (rolesOfferedToAdd, via assignableRoles) and the grant dialog (rolesOfferedToGrant,
   * via grantableRoles) call the rules module; here the same calls, on what the API sends the web
   * app, are compared with what the batch and the grant actually accept, role by role.
   */
  for (const [who, client] of [
    ['an administrator', () => admin],
    ['a contact with Update on manage access and on members', () => adder],
    ['a contact with Update on manage access only', () => granter],
    ['a contact with View on manage access only', () => watcher],
  ] as const) {
    it(`for ${who}, in both organization settings`, async () => {
      for (const allowAdminAtCreation of [false, true]) {
        await withOrganization({ allowAdminAtCreation }, async () => {
          const c = client();
          const me = (await c.get('/api/auth/me')).json<MeResponse>();
          const options = (await c.get('/api/access-requests/grant-options')).json<GrantOptions>();
          const creator = options.userTypes.find((u) => u.key === 'creator');
          expect(creator).toBeDefined();
          const userType = creator && { compatibleRoleIds: creator.compatibleRoles.map((r) => r.id) };
          const offeredByWizard = rolesOfferedToAdd(options.roles, me, userType, options).map((r) => r.key).sort();
          const offeredByDialog = rolesOfferedToGrant(options.roles, me, userType, options).map((r) => r.key).sort();
          const acceptedByBatch: string[] = [];
          const acceptedByGrant: string[] = [];
          for (const role of options.roles) {
            if ((await viaBatch(c, { role: role.key, userType: 'creator' })).status < 300) acceptedByBatch.push(role.key);
            if ((await viaGrant(c, { role: role.key, userType: 'creator' })).status < 300) acceptedByGrant.push(role.key);
          }
          expect(offeredByWizard).toEqual(acceptedByBatch.sort());
          expect(offeredByDialog).toEqual(acceptedByGrant.sort());
        });
      }
    });
  }
});
