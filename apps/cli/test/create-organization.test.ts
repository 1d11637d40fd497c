import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@sesame/db';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '../../api/src/config.ts';
import { Client, createTestDatabase } from '../../api/test/helpers.ts';

/** `pnpm sesame create-organization`, run as operators run it: a child process on the database. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;

function sesame(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'apps/cli/src/main.ts', ...args],
      { cwd: root, env: { PATH: process.env.PATH, DATABASE_URL: database.url, PUBLIC_URL: 'https://portal.example.org', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const field = (stdout: string, name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(stdout)?.[1];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  app = await buildApp({ db, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('pnpm sesame create-organization', () => {
  it('creates the organization and prints an activation link for its pending administrator, which the invitation flow accepts', async () => {
    const run = await sesame(['create-organization', '--name', 'Métropole de Lille', '--slug', 'lille', '--admin-username', 'j.martin', '--admin-email', 'jeanne.martin@lille.example', '--first-name', 'Jeanne', '--last-name', 'Martin']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Created the organization Métropole de Lille (lille)');
    expect(field(run.stdout, 'organization')).toBe('lille');
    const link = field(run.stdout, 'activationLink')!;
    expect(link).toMatch(/^https:\/\/portal\.example\.org\/activate\/[A-Za-z0-9_-]{43}$/);

    const org = await db.organization.findUniqueOrThrow({ where: { slug: 'lille' }, include: { roles: true, userTypes: true, members: true, contacts: true } });
    expect(org.name).toBe('Métropole de Lille');
    expect(org.roles).toHaveLength(5);
    expect(org.userTypes).toHaveLength(6);
    expect(org.members).toHaveLength(1);
    expect(org.members[0]).toMatchObject({ username: 'j.martin', status: 'pending', passwordHash: null, firstName: 'Jeanne', lastName: 'Martin' });
    expect(org.contacts).toEqual([expect.objectContaining({ memberId: org.members[0]!.id, kind: 'primary' })]);
    expect(await db.auditEvent.findMany({ where: { organizationId: org.id }, select: { action: true } })).toEqual([{ action: 'organization.created' }]);

    // The link is an ordinary invitation: GET it, accept it with a password, signed in.
    const token = link.split('/').pop()!;
    const anon = new Client({ app });
    const invitation = await anon.get(`/api/invitations/${token}`);
    expect(invitation.statusCode, invitation.body).toBe(200);
    expect(invitation.json()).toMatchObject({ organization: { slug: 'lille', name: 'Métropole de Lille' }, username: 'j.martin', email: 'jeanne.martin@lille.example' });
    const accepted = await anon.post(`/api/invitations/${token}/accept`, { password: 'Beffroi-59000' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await anon.get('/api/auth/me')).json()).toMatchObject({ organization: { slug: 'lille' }, isAdministrator: true });
  }, 90_000);

  it('with --password, makes an active administrator who must change that temporary password', async () => {
    const run = await sesame(['create-organization', '--name', 'Roubaix', '--slug', 'roubaix', '--admin-username', 'admin.roubaix', '--admin-email', 'admin@roubaix.example', '--password', 'Temporaire-2026', '--named-user-limit', '250']);
    expect(run.code, run.stderr).toBe(0);
    expect(field(run.stdout, 'activationLink')).toBeUndefined();
    const org = await db.organization.findUniqueOrThrow({ where: { slug: 'roubaix' } });
    expect(org.namedUserLimit).toBe(250);
    const signIn = await new Client({ app }).signIn('admin.roubaix', 'Temporaire-2026');
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
  }, 90_000);

  it('refuses a taken slug and invalid input with a sentence on stderr and a non-zero exit, creating nothing', async () => {
    const before = await db.organization.count();
    const taken = await sesame(['create-organization', '--name', 'Lille bis', '--slug', 'lille', '--admin-username', 'other.admin', '--admin-email', 'other@lille.example']);
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain('An organization with the identifier "lille" already exists');
    expect(taken.stdout).toBe('');
    const badSlug = await sesame(['create-organization', '--name', 'Douai', '--slug', 'Douai Ville', '--admin-username', 'admin.douai', '--admin-email', 'a@douai.example']);
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toContain('--slug: The identifier may contain only lower-case letters');
    const weak = await sesame(['create-organization', '--name', 'Douai', '--slug', 'douai', '--admin-username', 'admin.douai', '--admin-email', 'a@douai.example', '--password', 'password1']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('--password: This password is too common');
    const missing = await sesame(['create-organization', '--name', 'Douai']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --slug, --admin-username, --admin-email');
    expect(await db.organization.count()).toBe(before);
    const help = await sesame(['create-organization', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pnpm sesame create-organization');
  }, 90_000);

  it('set-named-user-limit changes an existing organization\'s limit, never below its members, and audits it', async () => {
    const created = await sesame(['create-organization', '--name', 'Arras', '--slug', 'arras', '--admin-username', 'admin.arras', '--admin-email', 'admin@arras.example']);
    expect(created.code, created.stderr).toBe(0);
    const org = await db.organization.findUniqueOrThrow({ where: { slug: 'arras' } });
    expect(org.namedUserLimit).toBeNull();

    const set = await sesame(['set-named-user-limit', '--slug', 'arras', '--limit', '40']);
    expect(set.code, set.stderr).toBe(0);
    expect(field(set.stdout, 'namedUserLimit')).toBe('40');
    expect(field(set.stdout, 'members')).toBe('1');
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).namedUserLimit).toBe(40);
    const events = await db.auditEvent.findMany({ where: { organizationId: org.id, action: 'organization.updated' } });
    expect(events).toEqual([expect.objectContaining({ before: { namedUserLimit: null }, after: { namedUserLimit: 40, via: 'cli' } })]);

    // The administrators see it through the API, which cannot change it.
    const admin = new Client({ app });
    await db.member.update({ where: { organizationId_username: { organizationId: org.id, username: 'admin.arras' } }, data: { status: 'active', passwordHash: await (await import('@sesame/db/passwords')).hashPassword('Beffroi-62000') } });
    expect((await admin.signIn('admin.arras', 'Beffroi-62000')).statusCode).toBe(200);
    expect((await admin.get('/api/organization')).json()).toMatchObject({ namedUserLimit: 40, memberCount: 1 });

    const below = await sesame(['set-named-user-limit', '--slug', 'arras', '--limit', '0']);
    expect(below.code).toBe(2);
    expect(below.stderr).toContain('--limit: give a whole number of members, at least 1.');
    const unknown = await sesame(['set-named-user-limit', '--slug', 'nowhere', '--limit', '5']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No organization has the identifier "nowhere"');
    const both = await sesame(['set-named-user-limit', '--slug', 'arras', '--limit', '5', '--no-limit']);
    expect(both.code).toBe(2);

    const none = await sesame(['set-named-user-limit', '--slug', 'arras', '--no-limit']);
    expect(none.code, none.stderr).toBe(0);
    expect(field(none.stdout, 'namedUserLimit')).toBe('none');
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).namedUserLimit).toBeNull();
  }, 120_000);

  it('set-named-user-limit refuses a limit below the members the organization has', async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: 'lille' } });
    const members = await db.member.count({ where: { organizationId: org.id } });
    const low = await sesame(['set-named-user-limit', '--slug', 'lille', '--limit', String(members)]);
    expect(low.code, low.stderr).toBe(0);
    await db.member.create({
      data: { organizationId: org.id, username: 'second.member', firstName: 'Second', lastName: 'Membre', email: 'second@lille.example', roleId: (await db.role.findFirstOrThrow({ where: { organizationId: org.id, key: 'user' } })).id, userTypeId: (await db.userType.findFirstOrThrow({ where: { organizationId: org.id, key: 'creator' } })).id },
    });
    const refused = await sesame(['set-named-user-limit', '--slug', 'lille', '--limit', String(members)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`the organization already has ${members + 1} members; give at least ${members + 1}`);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).namedUserLimit).toBe(members);
  }, 120_000);
});
