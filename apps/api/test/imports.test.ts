import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext, rendered } from './helpers.ts';
import { capacityErrorMessage } from '@sesame/contracts';
import { QUEUE_EMAILS_TASK, addDeliveryJobs } from '../src/features/mail/outbox.ts';
import { runCommit } from '../src/features/imports/commit.ts';
import { purgeAbandonedImports } from '../src/features/imports/recovery.ts';

let ctx: TestContext;
let admin: Client;
let globexAdmin: Client;

type Job = {
  id: string;
  status: string;
  counts: { total: number; valid: number; invalid: number };
  fileErrors: { code: string; message: string; columns?: string[] }[];
  fileWarnings: { code: string; message: string }[];
  progress: { processed: number; total: number; percent: number };
  error: string | null;
  errorCode: string | null;
  errorDetails: { code: string; message: string; params?: Record<string, string | number> }[];
  rows: { rowNumber: number; values: Record<string, string>; errors: { field: string | null; code: string; message: string }[]; memberId: string | null }[];
  nextCursor: string | null;
};

// The CSV help's example rows (packages/contracts/test/csv-fixtures.ts): Jon Cho and Sanjay Rajhandas.
const EN_BUILTIN = 'Email,Role,User Type,First Name,Last Name,Username,Password\r\njcho11@email.com,publisher,creator,Jon,Cho,jcho11,jcho.1234\r\nsrajhandas@email.com,user,Creator,Sanjay,Rajhandas,srajhandas,sraj.5678\r\n';
const FR_BUILTIN_INVITE = "\uFEFFAdresse électronique;Rôle;Type d'utilisateur;Prénom;Nom;Nom d'utilisateur\nfr.jcho11@email.com;Éditeur;Créateur;Jon;Cho;frjcho11\nfr.sraj@email.com;Utilisateur;Créateur;Sanjay;Rajhandas;frsrajhandas\n";

const upload = (client: Client, csv: string, query: string) => client.request('POST', `/api/imports?${query}`, csv, { 'content-type': 'text/csv' });
const getJob = async (client: Client, id: string, query = '') => (await client.get(`/api/imports/${id}${query ? `?${query}` : ''}`)).json<Job>();

async function waitForCommit(id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = await getJob(admin, id, 'limit=0');
    if (job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('commit did not finish');
}

const members = (usernames: string[]) => ctx.db.member.findMany({ where: { organizationId: ctx.acme.organizationId, username: { in: usernames } } });

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 20 });
  admin = new Client(ctx);
  globexAdmin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  expect((await globexAdmin.signIn('globex-admin', ADMIN_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

describe('GET /api/imports/template', () => {
  it('serves each format in each language as a BOM-prefixed attachment with the example row', async () => {
    const en = await admin.get('/api/imports/template?format=builtin&lang=en');
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toMatch(/^text\/csv/);
    expect(en.headers['content-disposition']).toBe('attachment; filename="members-template-builtin.csv"');
    expect(en.body).toBe('\uFEFFEmail,Role,User Type,First Name,Last Name,Username,Password\r\njcho11@email.com,publisher,creator,Jon,Cho,jcho11,jcho.1234\r\n');
    const fr = await admin.get('/api/imports/template?format=org-login&lang=fr&mode=invite');
    expect(fr.headers['content-disposition']).toContain('modele-membres-org-login.csv');
    expect(fr.body.split('\r\n')[0]).toBe("\uFEFFE-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Type d’identité");
    const ldap = await admin.get('/api/imports/template?format=ldap&lang=en');
    expect(ldap.body).toBe('\uFEFFUsername,Role,User Type\r\njcho11,publisher,creator\r\n');
  });

  it('needs the privilege to add members', async () => {
    const anonymous = new Client(ctx);
    expect((await anonymous.get('/api/imports/template?format=builtin')).statusCode).toBe(401);
  });
});

describe('POST /api/imports — upload and validation', () => {
  it('stores the documented example rows (English, comma, credentials) as a valid job', async () => {
    const res = await upload(admin, EN_BUILTIN, 'format=builtin&mode=credentials&fileName=members.csv');
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; status: string; counts: Job['counts'] }>();
    expect(created).toMatchObject({ status: 'validated', counts: { total: 2, valid: 2, invalid: 0 } });
    const job = await getJob(admin, created.id);
    expect(job.rows.map((r) => [r.rowNumber, r.values.username, r.values.userType])).toEqual([
      [2, 'jcho11', 'creator'],
      [3, 'srajhandas', 'Creator'],
    ]);
    expect(job.rows.every((r) => r.errors.length === 0)).toBe(true);
  });

  it('reads French headers, semicolons and a BOM, resolving French role names (invite mode)', async () => {
    const res = await upload(admin, FR_BUILTIN_INVITE, 'format=builtin&mode=invite');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts).toEqual({ total: 2, valid: 2, invalid: 0 });
    const job = await getJob(admin, res.json().id);
    expect(job.rows[0]!.values).toMatchObject({ email: 'fr.jcho11@email.com', role: 'Éditeur', username: 'frjcho11' });
  });

  it('accepts the organization-login and LDAP formats', async () => {
    const org = await upload(admin, 'Email,Role,User Type,First Name,Last Name,Username,Identity Type\njcho@email.com,publisher,creator,Jon,Cho,jcho11-saml,SAML\n', 'format=org-login&mode=credentials');
    expect(org.json(), org.body).toMatchObject({ status: 'validated', counts: { valid: 1 } });
    const ldap = await upload(admin, "Nom d'utilisateur;Rôle;Type d'utilisateur\njcho11-ldap;publisher;creator\nsrajhandas-ldap;user;creator\n", 'format=ldap&mode=credentials');
    expect(ldap.json(), ldap.body).toMatchObject({ status: 'validated', counts: { valid: 2 } });
  });

  it('accepts a multipart upload in the field "file"', async () => {
    const boundary = '----sesame-test';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="team.csv"\r\nContent-Type: text/csv\r\n\r\n${EN_BUILTIN}\r\n--${boundary}--\r\n`;
    const res = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts.valid).toBe(2);
  });

  it('reports a missing column as one file error in the header’s language and keeps no row', async () => {
    const res = await upload(admin, "Adresse électronique;Rôle;Prénom;Nom;Nom d'utilisateur\na@b.fr;user;A;B;abcdefg\n", 'format=builtin&mode=invite');
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('failed');
    const job = await getJob(admin, res.json().id);
    expect(job.fileErrors).toHaveLength(1);
    expect(job.fileErrors[0]).toMatchObject({ code: 'missing_column', columns: ['Type d’utilisateur'] });
    expect(job.rows).toEqual([]);
    expect(await ctx.db.importRow.count({ where: { jobId: job.id } })).toBe(0);
  });

  it('finds every kind of row error, per row and field', async () => {
    const taken = (await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: { not: 'admin' } } })).username;
    const csv = [
      'Email,Role,User Type,First Name,Last Name,Username,Password',
      'not-an-email,user,creator,A,B,baduser01,abcd.1234', // 2 bad email
      "o'brien@email.com,user,creator,A,B,baduser02,abcd.1234", // 3 apostrophe
      'c@email.com,user,creator,A,B,short,abcd.1234', // 4 short username
      'd@email.com,user,creator,A,B,josé.garcía,abcd.1234', // 5 non-ASCII
      'e@email.com,user,creator,A,B,baduser05,password', // 6 weak password
      'f@email.com,wizard,creator,A,B,baduser06,abcd.1234', // 7 unknown role
      'g@email.com,publisher,viewer,A,B,baduser07,abcd.1234', // 8 incompatible
      'h@email.com,user,creator,A,B,baduser01,abcd.1234', // 9 duplicate of row 2
      `i@email.com,user,creator,A,B,${taken},abcd.1234`, // 10 taken in the organization
      'j@email.com,user,creator,=HYPERLINK("http://x"),B,gooduser1,abcd.1234', // 11 valid (formula-like name)
    ].join('\n');
    const res = await upload(admin, csv, 'format=builtin&mode=credentials&fileName=errors.csv');
    expect(res.json(), res.body).toMatchObject({ status: 'validated', counts: { total: 10, valid: 1, invalid: 9 } });
    const job = await getJob(admin, res.json().id, 'errors=only');
    const codes = Object.fromEntries(job.rows.map((r) => [r.rowNumber, r.errors.map((e) => `${e.field}:${e.code}`)]));
    expect(codes).toEqual({
      2: ['email:invalid_email'],
      3: ['email:email_apostrophe'],
      4: ['username:username_length'],
      5: ['username:username_ascii'],
      6: ['password:weak_password'],
      7: ['role:unknown_role'],
      8: ['role:incompatible_role'],
      9: ['username:duplicate_in_file'],
      10: ['username:username_taken'],
    });
    expect(job.rows.find((r) => r.rowNumber === 9)!.errors[0]!.message).toContain('row 2');
    const fr = await getJob(admin, job.id, 'errors=only&lang=fr&limit=1');
    expect(fr.rows[0]!.errors[0]!.message).not.toBe(job.rows[0]!.errors[0]!.message);
    expect(fr.nextCursor).toBe('2');
    const page2 = await getJob(admin, job.id, 'errors=only&limit=3&cursor=2');
    expect(page2.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5]);

    // The error report: the rows with errors, the file's columns plus "Errors", neutralised.
    const report = await admin.get(`/api/imports/${job.id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain('errors-errors.csv');
    const lines = report.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFEmail,Role,User Type,First Name,Last Name,Username,Password,Errors');
    expect(lines).toHaveLength(1 + 9 + 1);
    expect(lines[2]).toContain("o'brien@email.com");
    const frReport = await admin.get(`/api/imports/${job.id}/errors.csv?lang=fr`);
    expect(frReport.body.split('\r\n')[0]).toContain('Erreurs');

    // Fix rows: each fix is checked with the same rules, duplicates included.
    const patch = (rowNumber: number, values: Record<string, string>) => admin.request('PATCH', `/api/imports/${job.id}/rows/${rowNumber}`, { values });
    const stillBad = await patch(2, { email: 'still bad' });
    expect(stillBad.json().row.errors[0].code).toBe('invalid_email');
    // The edited row takes the duplicate error, not the row it now collides with (row 11).
    const dup = await patch(3, { email: 'obrien@email.com', username: 'gooduser1' });
    expect(dup.json().row.errors.map((e: { code: string }) => e.code)).toEqual(['duplicate_in_file']);
    expect((await getJob(admin, job.id)).rows.find((r) => r.rowNumber === 11)!.errors).toEqual([]);
    // Renaming row 2 (the first "baduser01") frees row 9 from its duplicate error.
    // Passwords are masked in what the API shows; sending the mask back keeps the stored one.
    const shown = (await getJob(admin, job.id)).rows.find((r) => r.rowNumber === 2)!;
    expect(shown.values.password).toBe('\u2022'.repeat(8));
    expect((await ctx.db.importRow.findFirstOrThrow({ where: { jobId: job.id, rowNumber: 2 } })).values).not.toMatchObject({ password: '\u2022'.repeat(8) });
    const fixed = await patch(2, { ...shown.values, email: 'a@email.com', username: 'gooduser2' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().row.errors).toEqual([]);
    expect(fixed.json().row.values.password).toBe('\u2022'.repeat(8));
    expect((await getJob(admin, job.id)).rows.find((r) => r.rowNumber === 9)!.errors).toEqual([]);
    const takenAgain = await patch(4, { username: taken });
    // Taken in the organization, and (as row 10 has it too) a duplicate in the file.
    expect(takenAgain.json().row.errors.map((e: { code: string }) => e.code)).toEqual(['username_taken', 'duplicate_in_file']);

    // Commit is refused while invalid rows remain, naming how many.
    const refused = await admin.post(`/api/imports/${job.id}/commit`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/^7 rows still have errors/);
    for (const n of [3, 4, 5, 6, 7, 8, 10]) expect((await admin.request('DELETE', `/api/imports/${job.id}/rows/${n}`)).statusCode).toBe(200);
    expect((await getJob(admin, job.id)).counts).toEqual({ total: 3, valid: 3, invalid: 0 });
    // Before the commit no row names a member: the ids the members will get are not shown.
    expect((await getJob(admin, job.id)).rows.map((r) => r.memberId)).toEqual([null, null, null]);
    const commit = await admin.post(`/api/imports/${job.id}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(202);
    const done = await waitForCommit(job.id);
    expect(done.status).toBe('committed');
    expect((await members(['gooduser1', 'gooduser2', 'baduser01'])).map((m) => m.firstName).sort()).toEqual(['=HYPERLINK("http://x")', 'A', 'A']);
    // The plain-text passwords are not kept once the accounts exist.
    const rows = await ctx.db.importRow.findMany({ where: { jobId: job.id } });
    expect(rows.every((r) => !('password' in (r.values as object)) && r.passwordHash === null && r.memberId)).toBe(true);
    // Afterwards each row links to the member created from it.
    const linked = (await getJob(admin, job.id)).rows;
    const byId = new Map((await members(['gooduser1', 'gooduser2', 'baduser01'])).map((m) => [m.id, m.username]));
    expect(linked.map((r) => byId.get(r.memberId!)).sort()).toEqual(['baduser01', 'gooduser1', 'gooduser2']);
  });

  it('neutralises formula-like cells in the error report', async () => {
    const res = await upload(admin, 'Username,Role,User Type\n=cmd|calc,wizard,creator\n+SUM(A1),wizard,creator\n@evil-user,wizard,creator\n', 'format=ldap&mode=credentials');
    const report = await admin.get(`/api/imports/${res.json().id}/errors.csv?lang=en`);
    const lines = report.body.split('\r\n');
    expect(lines[1]!.startsWith(`"'=cmd|calc",`)).toBe(true);
    expect(lines[2]!.startsWith(`"'+SUM(A1)",`)).toBe(true);
    expect(lines[3]!.startsWith(`"'@evil-user",`)).toBe(true);
  });

  it('refuses a file above IMPORT_MAX_BYTES with 413 and stores nothing', async () => {
    const before = await ctx.db.importJob.count();
    const saved = ctx.config.imports.maxBytes;
    ctx.config.imports.maxBytes = 200;
    try {
      const big = `${EN_BUILTIN}${'x@email.com,user,creator,A,B,someone1,abcd.1234\n'.repeat(10)}`;
      const res = await upload(admin, big, 'format=builtin&mode=credentials');
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'file_too_large', maxBytes: 200 });
      expect(res.json().detail).toMatch(/larger than the 200 bytes an import accepts/);
      const fr = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', big, { 'content-type': 'text/csv', 'accept-language': 'fr-FR,fr;q=0.9' });
      expect(fr.json().detail).toBe('Le fichier dépasse les 200 octets qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.');
      const boundary = '----b';
      const multipart = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${big}\r\n--${boundary}--\r\n`, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
      expect(multipart.statusCode).toBe(413);
    } finally {
      ctx.config.imports.maxBytes = saved;
    }
    expect(await ctx.db.importJob.count()).toBe(before);
  });

  it('tells what an upload may be (GET /api/imports/limits), to those who may import', async () => {
    const res = await admin.get('/api/imports/limits');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ maxBytes: ctx.config.imports.maxBytes, maxRows: ctx.config.imports.maxRows });
    expect((await new Client(ctx).get('/api/imports/limits')).statusCode).toBe(401);
  });

  it('stops with a clear file error above IMPORT_MAX_ROWS', async () => {
    const saved = ctx.config.imports.maxRows;
    ctx.config.imports.maxRows = 1;
    try {
      const res = await upload(admin, EN_BUILTIN, 'format=builtin&mode=credentials');
      expect(res.json().status).toBe('failed');
      expect((await getJob(admin, res.json().id)).fileErrors.map((e) => e.code)).toEqual(['too_many_rows']);
    } finally {
      ctx.config.imports.maxRows = saved;
    }
  });
});

describe('POST /api/imports/:id/commit', () => {
  it('creates every member of the example file with licences and groups, and records audit events', async () => {
    const licenses = (await admin.get('/api/licenses')).json().items as { id: string; key: string }[];
    const groups = (await admin.get('/api/groups')).json().items as { id: string }[];
    const license = licenses.find((l) => l.key === 'field_apps')!;
    const id = (await upload(admin, EN_BUILTIN, 'format=builtin&mode=credentials')).json().id;
    const res = await admin.post(`/api/imports/${id}/commit`, { properties: { licenses: [license.id], groups: [groups[0]!.id], settings: { language: 'en' } } });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForCommit(id);
    expect(job).toMatchObject({ status: 'committed', progress: { processed: 2, total: 2, percent: 100 } });
    const created = await members(['jcho11', 'srajhandas']);
    expect(created).toHaveLength(2);
    for (const m of created) expect(m).toMatchObject({ status: 'active', mustChangePassword: true, language: 'en', identityType: 'builtin' });
    expect(await ctx.db.licenseAssignment.count({ where: { licenseId: license.id, memberId: { in: created.map((m) => m.id) } } })).toBe(2);
    const signIn = await new Client(ctx).signIn('jcho11', 'jcho.1234');
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
    const audits = await ctx.db.auditEvent.findMany({ where: { organizationId: ctx.acme.organizationId, OR: [{ targetId: id }, { targetLabel: { in: ['jcho11', 'srajhandas'] } }] } });
    expect(audits.map((a) => a.action).sort()).toEqual(['import.committed', 'import.created', 'member.created', 'member.created']);
    // Committing twice creates nothing more.
    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(409);
    expect(await members(['jcho11', 'srajhandas'])).toHaveLength(2);
  });

  it('invites the members of a French file through the outbox, in bulk', async () => {
    const id = (await upload(admin, FR_BUILTIN_INVITE, 'format=builtin&mode=invite')).json().id;
    expect((await admin.post(`/api/imports/${id}/commit`, { message: 'Bienvenue !' })).statusCode).toBe(202);
    expect((await waitForCommit(id)).status).toBe('committed');
    const created = await members(['frjcho11', 'frsrajhandas']);
    expect(created.map((m) => m.status)).toEqual(['pending', 'pending']);
    expect(created.every((m) => m.passwordHash === null)).toBe(true);
    expect(await ctx.db.invitation.count({ where: { memberId: { in: created.map((m) => m.id) }, message: 'Bienvenue !' } })).toBe(2);
    const mail = (await ctx.db.outboxMessage.findMany({ where: { to: { in: ['fr.jcho11@email.com', 'fr.sraj@email.com'] } }, orderBy: { to: 'asc' } })).map(rendered);
    expect(mail).toHaveLength(2);
    expect(mail[0]!.subject).toBe('Invitation à rejoindre Acme sur Sésame');
    expect(mail[0]!.text).toContain('frjcho11');
    expect(mail[0]!.html).toMatch(/\/activate\/[\w-]{43}/);
    // The emailed tokens match their stored hashes: each link activates its own member.
    const tokens = mail.map((m) => /\/activate\/([\w-]{43})/.exec(m.text)![1]!);
    expect(new Set(tokens).size).toBe(2);
    const anon = new Client(ctx);
    expect((await anon.get(`/api/invitations/${tokens[0]}`)).json()).toMatchObject({ username: 'frjcho11', message: 'Bienvenue !' });
    const accepted = await anon.post(`/api/invitations/${tokens[1]}/accept`, { password: 'Arrivee-import-9' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ member: { username: 'frsrajhandas', status: 'active' } });
    // One job queues the batch's delivery jobs once the import has committed.
    const [batch] = await ctx.db.$queryRaw<Array<{ ids: string[] }>>`
      SELECT j.payload->'outboxIds' AS ids FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE t.identifier = ${QUEUE_EMAILS_TASK} AND (j.payload::jsonb)->'outboxIds' ? ${mail[0]!.id}`;
    expect(batch!.ids).toEqual(expect.arrayContaining(mail.map((m) => m.id)));
    await addDeliveryJobs(ctx.db, batch!.ids);
    const jobs = await ctx.db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY(${mail.map((m) => `mail:${m.id}`)}::text[])`;
    expect(jobs[0]!.n).toBe(2);
  });

  it('queues its invitations as rows of the one outbox, the same shape as the Add Members batch’s, in the transaction of the change', async () => {
    const viaBatch = await admin.post('/api/members/batch', {
      mode: 'invite',
      message: 'Bienvenue !',
      members: [{ firstName: 'Inès', lastName: 'Lot', email: 'shape.batch@email.com', username: 'shapebatch', role: 'user', userType: 'creator' }],
    });
    expect(viaBatch.statusCode, viaBatch.body).toBe(201);
    const csv = "Adresse électronique;Rôle;Type d'utilisateur;Prénom;Nom;Nom d'utilisateur\nshape.import@email.com;Utilisateur;Créateur;Inès;Fichier;shapeimport\n";
    const id = (await upload(admin, csv, 'format=builtin&mode=invite')).json().id;
    expect((await admin.post(`/api/imports/${id}/commit`, { message: 'Bienvenue !' })).statusCode).toBe(202);
    expect((await waitForCommit(id)).status).toBe('committed');

    const row = (to: string) => ctx.db.outboxMessage.findFirstOrThrow({ where: { to, kind: 'invitation' } });
    const [batchRow, importRow] = [await row('shape.batch@email.com'), await row('shape.import@email.com')];
    const shape = (r: typeof batchRow) => ({
      organizationId: r.organizationId,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      language: r.language,
      dataKeys: Object.keys(r.data as object).sort(),
      // Rendered at delivery, from kind + data (decision 004): nothing stored rendered.
      stored: [r.subject, r.text, r.html],
    });
    expect(shape(importRow)).toEqual(shape(batchRow));
    expect(shape(importRow)).toMatchObject({ organizationId: ctx.acme.organizationId, status: 'pending', dataKeys: ['expiresAt', 'firstName', 'inviterName', 'link', 'message', 'organizationName', 'username'], stored: [null, null, null] });
    const [b, i] = [rendered(batchRow), rendered(importRow)];
    expect(i.subject).toBe(b.subject);
    expect(i.text).toContain('Bienvenue !');
    // Each email is the member's invitation: its link opens their own.
    const token = /\/activate\/([\w-]{43})/.exec(i.text)![1]!;
    expect((await new Client(ctx).get(`/api/invitations/${token}`)).json()).toMatchObject({ username: 'shapeimport', message: 'Bienvenue !' });
  });

  it('refuses a file that does not fit the seats, naming the user type or licence and the shortfall, and creates nothing', async () => {
    const creator = await ctx.db.userType.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'creator' } });
    const used = await ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId, userTypeId: creator.id } });
    const csv = ['Username,Role,User Type', ...['seat1-ldap', 'seat2-ldap', 'seat3-ldap'].map((u) => `${u},user,creator`)].join('\n');
    const id = (await upload(admin, csv, 'format=ldap&mode=credentials')).json().id;
    await ctx.db.userType.update({ where: { id: creator.id }, data: { seatLimit: used + 1 } });
    try {
      const res = await admin.post(`/api/imports/${id}/commit`, {});
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('seats_exhausted');
      expect(res.json().errors[0].message).toBe('User type Creator: 1 seat left, 3 requested (2 short)');
    } finally {
      await ctx.db.userType.update({ where: { id: creator.id }, data: { seatLimit: null } });
    }
    const license = await ctx.db.license.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'advanced_analysis' } });
    const assigned = await ctx.db.licenseAssignment.count({ where: { licenseId: license.id } });
    await ctx.db.license.update({ where: { id: license.id }, data: { seats: assigned + 2 } });
    const res = await admin.post(`/api/imports/${id}/commit`, { properties: { licenses: [license.id] } });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].message).toBe(`Licence ${license.name}: 2 seats left, 3 requested (1 short)`);
    // The figures come with it, so the web app words the shortfall in French too.
    expect(res.json().errors[0]).toMatchObject({ code: 'license_seats', params: { name: license.name, left: 2, requested: 3, short: 1 } });
    expect(capacityErrorMessage(res.json().errors[0], 'fr')).toBe(`Licence ${license.name}\u00a0: 2\u00a0places restantes, 3\u00a0demandées (il en manque 1)`);
    expect(await members(['seat1-ldap', 'seat2-ldap', 'seat3-ldap'])).toHaveLength(0);
    // Without the licence it fits: LDAP members are created active, without password.
    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
    expect((await waitForCommit(id)).status).toBe('committed');
    const created = await members(['seat1-ldap', 'seat2-ldap', 'seat3-ldap']);
    expect(created.map((m) => [m.identityType, m.status, m.passwordHash])).toEqual(Array(3).fill(['ldap', 'active', null]));
  });

  it('goes back to validated with the shortfall, creating nothing, when seats ran out between the request and the commit', async () => {
    const creator = await ctx.db.userType.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, key: 'creator' } });
    const id = (await upload(admin, 'Username,Role,User Type\nlate-seat-1,user,creator\nlate-seat-2,user,creator\n', 'format=ldap&mode=credentials')).json().id;
    const adminMember = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: 'admin' } });
    // As requestCommit leaves it (its own capacity check passed), then the seats shrink before the background run.
    const [started] = await ctx.db.$queryRaw<Array<{ commitAttempt: number }>>`
      UPDATE "ImportJob" SET "status" = 'committing', "commitAttempt" = "commitAttempt" + 1, "heartbeatAt" = now(), "properties" = '{}'::jsonb
      WHERE id = ${id}::uuid RETURNING "commitAttempt"`;
    const used = await ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId, userTypeId: creator.id } });
    await ctx.db.userType.update({ where: { id: creator.id }, data: { seatLimit: used + 1 } });
    try {
      await runCommit(ctx.db, { jobId: id, organizationId: ctx.acme.organizationId, attempt: started!.commitAttempt, actor: { memberId: adminMember.id, username: 'admin' }, ip: '127.0.0.1', baseUrl: 'http://localhost' });
      const job = await getJob(admin, id, 'limit=0');
      expect(job.status).toBe('validated');
      expect(job.errorCode).toBe('seats_exhausted');
      expect(job.errorDetails).toEqual([expect.objectContaining({ code: 'user_type_seats', params: expect.objectContaining({ left: 1, requested: 2, short: 1 }) })]);
      expect(job.errorDetails[0]!.message).toBe(`User type ${creator.nameEn}: 1 seat left, 2 requested (1 short)`);
      const fr = await getJob(admin, id, 'limit=0&lang=fr');
      expect(fr.error).toBe('Il n’y a pas assez de places pour cet import\u00a0; rien n’a été créé.');
      expect(fr.errorDetails[0]!.message).toBe(`Type d’utilisateur ${creator.nameFr}\u00a0: 1\u00a0place restante, 2\u00a0demandées (il en manque 1)`);
      expect(await members(['late-seat-1', 'late-seat-2'])).toHaveLength(0);
    } finally {
      await ctx.db.userType.update({ where: { id: creator.id }, data: { seatLimit: creator.seatLimit } });
    }
    // With the seats back, the same job commits and the error is gone.
    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
    const done = await waitForCommit(id);
    expect([done.status, done.error, done.errorCode, done.errorDetails]).toEqual(['committed', null, null, []]);
  });

  it('goes back to validated, creating nothing, when a username was taken after the upload', async () => {
    const id = (await upload(admin, 'Username,Role,User Type\nlate-taken1,user,creator\nlate-free-1,user,creator\n', 'format=ldap&mode=credentials')).json().id;
    const viewer = await ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: { not: 'admin' } } });
    await ctx.db.member.create({ data: { organizationId: ctx.acme.organizationId, username: 'late-taken1', firstName: 'L', lastName: 'T', email: 'l@t.fr', roleId: viewer.roleId, userTypeId: viewer.userTypeId } });
    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
    const job = await waitForCommit(id);
    expect(job.status).toBe('validated');
    expect(job.error).toMatch(/1 username was taken/);
    expect(job.errorCode).toBe('usernames_taken');
    expect((await getJob(admin, id, 'lang=fr')).error).toBe('1 identifiant a été pris dans l’organisation depuis la vérification du fichier\u00a0; rien n’a été créé. Corrigez cette ligne et relancez l’import.');
    expect(job.counts).toEqual({ total: 2, valid: 1, invalid: 1 });
    expect(await members(['late-free-1'])).toHaveLength(0);
  });
});

describe('POST /api/imports/:id/rows/remove', () => {
  const removeRows = (client: Client, id: string, body: unknown) => client.post(`/api/imports/${id}/rows/remove`, body);
  const FILE = [
    'Username,Role,User Type',
    'rm-twin-ldap,user,creator', // 2: first of two rows with the same username
    'rm-twin-ldap,user,creator', // 3: duplicate of row 2
    'rm-bad-ldap,nosuchrole,creator', // 4: unknown role
    'rm-good-ldap,user,creator', // 5
    'x,user,creator', // 6: username too short
  ].join('\n');

  it('removes the ticked rows at once, all or nothing, and re-checks duplicates', async () => {
    const id = (await upload(admin, FILE, 'format=ldap&mode=credentials')).json().id;
    expect((await getJob(admin, id, 'limit=0')).counts).toEqual({ total: 5, valid: 2, invalid: 3 });
    // One unknown row number: nothing is removed.
    const unknown = await removeRows(admin, id, { rowNumbers: [4, 999] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/No row 999/);
    expect((await getJob(admin, id, 'limit=0')).counts.total).toBe(5);
    // Removing the first twin leaves the second one valid.
    const res = await removeRows(admin, id, { rowNumbers: [2, 4] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ removed: 2, rowNumbers: [2, 4], counts: { total: 3, valid: 2, invalid: 1 } });
    const job = await getJob(admin, id);
    expect(job.rows.map((r) => [r.rowNumber, r.errors.map((e) => e.code)])).toEqual([
      [3, []],
      [5, []],
      [6, ['username_length']],
    ]);
  });

  it('removes every row that still has errors with invalid: true', async () => {
    const id = (await upload(admin, FILE, 'format=ldap&mode=credentials')).json().id;
    const res = await removeRows(admin, id, { invalid: true });
    expect(res.json()).toEqual({ removed: 3, rowNumbers: [3, 4, 6], counts: { total: 2, valid: 2, invalid: 0 } });
    expect((await getJob(admin, id)).rows.map((r) => r.rowNumber)).toEqual([2, 5]);
  });

  it('refuses bad input, another organization, a member without the privilege and a committed job', async () => {
    const id = (await upload(admin, FILE, 'format=ldap&mode=credentials')).json().id;
    for (const body of [{}, { rowNumbers: [] }, { rowNumbers: [2], invalid: true }, { rowNumbers: ['2'] }, { invalid: false }]) {
      const res = await removeRows(admin, id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await removeRows(globexAdmin, id, { invalid: true })).statusCode).toBe(404);
    expect((await getJob(admin, id, 'limit=0')).counts.total).toBe(5);
    expect((await removeRows(admin, id, { invalid: true })).statusCode).toBe(200);
    expect((await admin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(202);
    expect((await waitForCommit(id)).status).toBe('committed');
    const late = await removeRows(admin, id, { rowNumbers: [2] });
    expect(late.statusCode).toBe(409);
    expect(await members(['rm-twin-ldap', 'rm-good-ldap'])).toHaveLength(2);
  });
});

describe('hardening from outside testing (issue 11)', () => {
  const HEADER = 'Email,Role,User Type,First Name,Last Name,Username,Password';
  const FR_HEADER = "E-mail;Rôle;Type d'utilisateur;Prénom;Nom;Nom d'utilisateur;Mot de passe";
  /** Windows-1252 bytes written by hand: Latin-1 letters are their own byte (é = 0xE9). */
  const cp1252 = (text: string) =>
    Buffer.from(
      [...text].map((c) => {
        const code = c.charCodeAt(0);
        if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`not Latin-1: ${c}`);
        return code;
      }),
    );
  const acmeMembers = () => ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId } });
  /** Rows of a job holding a character in their values, cells or errors (SQL on the stored JSON text). */
  const rowsHolding = async (jobId: string, char: string) =>
    (await ctx.db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "ImportRow" WHERE "jobId" = ${jobId}::uuid
        AND (strpos("values"::text, ${char}) > 0 OR strpos(coalesce("cells"::text, ''), ${char}) > 0 OR strpos(coalesce("errors"::text, ''), ${char}) > 0)`)[0]!.n;

  it('reads a Windows-1252 file (French Excel) with its accents intact, says so, and stores no U+FFFD', async () => {
    const french = cp1252([FR_HEADER, 'helene.w@example.org;Utilisateur;Créateur;Hélène;Lefèvre;hlefevre1252;Pivoine-2026a', 'zoe.w@example.org;Utilisateur;Créateur;Zoé;Müller;zmuller1252;Pivoine-2026b'].join('\r\n'));
    expect(french.includes(0xe9)).toBe(true);
    const res = await upload(admin, french as unknown as string, 'format=builtin&mode=credentials&fileName=excel-fr.csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'validated', counts: { total: 2, valid: 2, invalid: 0 } });
    const job = await getJob(admin, res.json().id, 'lang=fr');
    expect(job.fileErrors).toEqual([]);
    expect(job.fileWarnings.map((w) => w.code)).toEqual(['read_as_windows_1252']);
    expect(job.fileWarnings[0]!.message).toContain('lu comme Windows-1252');
    expect((await getJob(admin, job.id, 'lang=en')).fileWarnings[0]).toMatchObject({ message: expect.stringContaining('read as Windows-1252') });
    expect((await ctx.db.importJob.findUniqueOrThrow({ where: { id: job.id } })).header).toContain('Prénom');
    expect(job.rows.map((r) => [r.values.firstName, r.values.lastName])).toEqual([
      ['Hélène', 'Lefèvre'],
      ['Zoé', 'Müller'],
    ]);
    expect(await rowsHolding(job.id, '\uFFFD')).toBe(0);

    // The English-header variant, whose first accent comes after the header.
    const english = cp1252([HEADER, 'h2.w@example.org,user,creator,Hélène,Dupré,hdupre1252,Pivoine-2026c'].join('\n'));
    const en = await upload(admin, english as unknown as string, 'format=builtin&mode=credentials');
    expect(en.json(), en.body).toMatchObject({ status: 'validated', counts: { valid: 1 } });
    const enJob = await getJob(admin, en.json().id);
    expect(enJob.rows[0]!.values).toMatchObject({ firstName: 'Hélène', lastName: 'Dupré' });
    expect(enJob.fileWarnings.map((w) => w.code)).toEqual(['read_as_windows_1252']);
    expect(await rowsHolding(enJob.id, '\uFFFD')).toBe(0);
    expect((await admin.post(`/api/imports/${enJob.id}/commit`, {})).statusCode).toBe(202);
    expect((await waitForCommit(enJob.id)).status).toBe('committed');
    expect((await members(['hdupre1252'])).map((m) => m.firstName)).toEqual(['Hélène']);
  });

  it('makes a NUL in a cell a row error (stored without it) and in a header a file error; an edit with NUL is a 400; nothing reaches the members', async () => {
    const before = await acmeMembers();
    const cell = await upload(admin, `${HEADER}\nnul@example.org,user,creator,Ali\u0000ce,Smith,nulcell01,Pivoine-2026a\n`, 'format=builtin&mode=credentials&fileName=nul.csv');
    expect(cell.statusCode, cell.body).toBe(201);
    expect(cell.json()).toMatchObject({ status: 'validated', counts: { total: 1, valid: 0, invalid: 1 } });
    const got = await admin.get(`/api/imports/${cell.json().id}`);
    expect(got.statusCode, got.body).toBe(200);
    const job = got.json<Job>();
    expect(job.rows[0]!.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['firstName:control_character']);
    expect(job.rows[0]!.values.firstName).toBe('Alice');
    expect((job as unknown as { fileName: string }).fileName).toBe('nul.csv');
    // A file name given in the query is text of the request: refused whole, like any other.
    const named = await upload(admin, `${HEADER}\n`, 'format=builtin&mode=credentials&fileName=nul%00name.csv');
    expect(named.statusCode, named.body).toBe(400);
    expect(named.json().errors).toMatchObject([{ path: 'querystring.fileName', code: 'control_character' }]);
    // (PostgreSQL refuses NUL in jsonb: had it been kept, the upload would have been the 500.)
    expect((await ctx.db.importRow.findFirstOrThrow({ where: { jobId: job.id } })).values).toMatchObject({ firstName: 'Alice' });
    expect((await getJob(admin, job.id, 'lang=fr')).rows[0]!.errors[0]!.message).toContain('caractère de contrôle invisible (U+0000)');
    expect((await admin.get(`/api/imports/${job.id}/errors.csv`)).statusCode).toBe(200);

    const patch = await admin.request('PATCH', `/api/imports/${job.id}/rows/2`, { values: { firstName: 'Bo\u0000b' } });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(patch.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'values.firstName', code: 'control_character', params: { char: 'U+0000' } }] });
    expect((await admin.post(`/api/imports/${job.id}/commit`, {})).statusCode).toBe(409);
    const fixed = await admin.request('PATCH', `/api/imports/${job.id}/rows/2`, { values: { firstName: 'Alice' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().row.errors).toEqual([]);
    // The invitation message of a commit, stored with the job, neither.
    const message = await admin.post(`/api/imports/${job.id}/commit`, { message: 'Bienvenue\u0000 !' });
    expect(message.statusCode, message.body).toBe(400);
    expect(message.json().errors).toMatchObject([{ path: 'message', code: 'control_character' }]);
    expect((await getJob(admin, job.id, 'limit=0')).status).toBe('validated');

    const header = await upload(admin, `Email,Role,User Type,First Name,Last Na\u0000me,Username,Password\nnul2@example.org,user,creator,A,B,nulhead01,Pivoine-2026a\n`, 'format=builtin&mode=credentials');
    expect(header.statusCode, header.body).toBe(201);
    expect(header.json()).toMatchObject({ status: 'failed', counts: { total: 0 } });
    const failed = await admin.get(`/api/imports/${header.json().id}`);
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json<Job>().fileErrors.map((e) => e.code)).toEqual(['control_character']);
    expect(failed.json<Job>().fileErrors[0]!.columns).toEqual(['Last Name']);
    expect(await acmeMembers()).toBe(before);
  });

  it('stores a 10,000-character cell cut to the field’s maximum with an error saying so; the job loads and the row can be fixed', async () => {
    const long = 'L'.repeat(10_000);
    const res = await upload(admin, `${HEADER}\nlong@example.org,user,creator,${long},Smith,longcell01,Pivoine-2026a\n`, 'format=builtin&mode=credentials');
    expect(res.statusCode, res.body).toBe(201);
    const got = await admin.get(`/api/imports/${res.json().id}`);
    expect(got.statusCode, got.body.slice(0, 300)).toBe(200);
    const row = got.json<Job>().rows[0]!;
    expect(row.values.firstName).toBe('L'.repeat(100));
    expect(row.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['firstName:value_too_long']);
    expect(row.errors[0]!.message).toBe('First Name must have at most 100 characters (it had 10000; only the first 100 were kept)');
    const fixed = await admin.request('PATCH', `/api/imports/${res.json().id}/rows/2`, { values: { firstName: 'Laurence' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().counts).toEqual({ total: 1, valid: 1, invalid: 0 });
  });

  it('makes a row with fewer values than the header a row error, nothing shifted into another column', async () => {
    const csv = [HEADER, 'short@example.org,user,creator,Anne,shortrow01', 'full@example.org,user,creator,Anne,Smith,fullrow001,Pivoine-2026a', ''].join('\n');
    const res = await upload(admin, csv, 'format=builtin&mode=credentials');
    expect(res.json(), res.body).toMatchObject({ status: 'validated', counts: { total: 2, valid: 1, invalid: 1 } });
    const job = await getJob(admin, res.json().id);
    const short = job.rows.find((r) => r.rowNumber === 2)!;
    expect(short.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['null:missing_cells']);
    expect(short.errors[0]!.message).toMatch(/^This row has 5 values but the header has 7 columns/);
    expect(short.values).toEqual({});
    expect(JSON.stringify(job.rows)).not.toMatch(/"lastName":"shortrow01"/);
    const fixed = await admin.request('PATCH', `/api/imports/${job.id}/rows/2`, {
      values: { email: 'short@example.org', role: 'user', userType: 'creator', firstName: 'Anne', lastName: 'Short', username: 'shortrow01', password: 'Pivoine-2026b' },
    });
    expect(fixed.json().row.errors, fixed.body).toEqual([]);
  });

  it('leaves the passwords out of the error report, saying so in its language', async () => {
    const csv = [HEADER, 'not-an-email,user,creator,A,B,reportpw01,Secret-pw-111', 'b@example.org,user,creator,B,reportpw02,Secret-pw-222', 'c@example.org,user,creator,C,D,reportpw03,Secret-pw-333'].join('\n');
    const id = (await upload(admin, csv, 'format=builtin&mode=credentials')).json().id;
    for (const [lang, notice] of [
      ['en', 'The password is left out of this report: type it again.'],
      ['fr', 'Le mot de passe n’est pas repris dans ce rapport : saisissez-le de nouveau.'],
    ] as const) {
      const report = await admin.get(`/api/imports/${id}/errors.csv?lang=${lang}`);
      expect(report.statusCode).toBe(200);
      expect(report.body).not.toContain('Secret-pw');
      const lines = report.body.split('\r\n');
      expect(lines[0]).toContain(lang === 'fr' ? 'Password,Erreurs' : 'Password,Errors');
      expect(lines).toHaveLength(1 + 2 + 1);
      for (const line of lines.slice(1, 3)) expect(line).toContain(notice);
    }
  });
});

describe('a file of 200,000 rows', () => {
  it('is read, checked and stored as one job (IMPORT_MAX_ROWS is 200,000 by default)', { timeout: 180_000 }, async () => {
    expect(ctx.config.imports.maxRows).toBe(200_000);
    const lines = ['Username,Role,User Type'];
    for (let i = 0; i < 200_000; i++) lines.push(`big-${String(i).padStart(6, '0')},user,creator`);
    const res = await upload(admin, lines.join('\r\n'), 'format=ldap&mode=credentials&fileName=big.csv');
    expect(res.statusCode, res.body).toBe(201);
    let job = res.json<Job>();
    for (let i = 0; i < 600 && job.status === 'validating'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await getJob(admin, job.id, 'limit=0');
    }
    expect(job).toMatchObject({ status: 'validated', counts: { total: 200_000, valid: 200_000, invalid: 0 } });
    expect(await ctx.db.importRow.count({ where: { jobId: job.id } })).toBe(200_000);
    const last = await getJob(admin, job.id, 'limit=1&cursor=200000');
    expect(last.rows.map((r) => [r.rowNumber, r.values.username])).toEqual([[200_001, 'big-199999']]);
  });
});

describe('POST /api/imports/:id/commit — progress, named users, organization logins', () => {
  const adminMember = () => ctx.db.member.findFirstOrThrow({ where: { organizationId: ctx.acme.organizationId, username: 'admin' } });
  /** Puts the job where requestCommit leaves it, for runCommit to be driven by the test. */
  async function startCommit(id: string) {
    const [started] = await ctx.db.$queryRaw<Array<{ commitAttempt: number }>>`
      UPDATE "ImportJob" SET "status" = 'committing', "commitAttempt" = "commitAttempt" + 1, "heartbeatAt" = now(), "processedRows" = 0, "properties" = '{}'::jsonb
      WHERE id = ${id}::uuid RETURNING "commitAttempt"`;
    return started!.commitAttempt;
  }

  it('shows the progress of an invite-mode commit while it writes, and nothing is visible before the end', async () => {
    const usernames = Array.from({ length: 25 }, (_, i) => `progress-${String(i).padStart(2, '0')}`);
    const csv = ['Email,Role,User Type,First Name,Last Name,Username', ...usernames.map((u) => `${u}@example.com,publisher,creator,Pro,Gress,${u}`)].join('\n');
    const id = (await upload(admin, csv, 'format=builtin&mode=invite')).json().id;
    const attempt = await startCommit(id);
    const seen: Array<[number, number, string, number]> = [];
    const me = await adminMember();
    await runCommit(
      ctx.db,
      { jobId: id, organizationId: ctx.acme.organizationId, attempt, actor: { memberId: me.id, username: 'admin' }, ip: '127.0.0.1', baseUrl: 'http://localhost' },
      {
        writeChunkRows: 10,
        afterWriteChunk: async (written) => {
          // Another connection, as a poller: the progress is there, the members are not yet.
          const job = await getJob(admin, id, 'limit=0');
          seen.push([written, job.progress.processed, job.status, (await members(usernames)).length]);
        },
      },
    );
    expect(seen).toEqual([
      [10, 10, 'committing', 0],
      [20, 20, 'committing', 0],
      [25, 25, 'committing', 0],
    ]);
    const job = await getJob(admin, id, 'limit=0');
    expect(job).toMatchObject({ status: 'committed', progress: { processed: 25, total: 25, percent: 100 } });
    const created = await members(usernames);
    expect(created).toHaveLength(25);
    expect(await ctx.db.invitation.count({ where: { memberId: { in: created.map((m) => m.id) } } })).toBe(25);
    expect(await ctx.db.outboxMessage.count({ where: { to: { in: usernames.map((u) => `${u}@example.com`) } } })).toBe(25);
    // Each member's audit event names the role and user type (decision 005), not only their ids.
    const events = await ctx.db.auditEvent.findMany({ where: { organizationId: ctx.acme.organizationId, action: 'member.invited', targetId: { in: created.map((m) => m.id) } } });
    expect(events).toHaveLength(25);
    expect(events[0]!.after).toMatchObject({ role: { key: 'publisher', name: 'Publisher' }, userType: { key: 'creator', name: 'Creator', nameFr: 'Créateur' }, mode: 'invite' });
  });

  it('keeps a credentials commit’s heartbeat fresh while it writes, and its progress (the hashed passwords) whole', async () => {
    const id = (await upload(admin, EN_BUILTIN.replace(/jcho11|srajhandas/g, (u) => `${u}-beat`), 'format=builtin&mode=credentials')).json().id;
    const attempt = await startCommit(id);
    // As a commit resumed after its passwords were hashed, with a heartbeat a minute old.
    await ctx.db.$executeRaw`UPDATE "ImportRow" SET "passwordHash" = 'x' WHERE "jobId" = ${id}::uuid`;
    await ctx.db.$executeRaw`UPDATE "ImportJob" SET "heartbeatAt" = now() - interval '1 minute', "processedRows" = 2 WHERE id = ${id}::uuid`;
    const me = await adminMember();
    const seen: Array<{ fresh: boolean; processed: number }> = [];
    await runCommit(
      ctx.db,
      { jobId: id, organizationId: ctx.acme.organizationId, attempt, actor: { memberId: me.id, username: 'admin' }, ip: '127.0.0.1', baseUrl: 'http://localhost' },
      {
        writeChunkRows: 1,
        afterWriteChunk: async () => {
          const [row] = await ctx.db.$queryRaw<Array<{ age: number; processed: number }>>`
            SELECT extract(epoch FROM now() - "heartbeatAt")::float AS age, "processedRows" AS processed FROM "ImportJob" WHERE id = ${id}::uuid`;
          seen.push({ fresh: row!.age < 1, processed: row!.processed });
        },
      },
    );
    expect(seen).toEqual([
      { fresh: true, processed: 2 },
      { fresh: true, processed: 2 },
    ]);
    expect((await getJob(admin, id, 'limit=0')).status).toBe('committed');
  });

  it('refuses a file above the named-user limit before anything is created, saying by how many', async () => {
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.acme.organizationId } });
    const used = await ctx.db.member.count({ where: { organizationId: ctx.acme.organizationId } });
    const id = (await upload(admin, 'Username,Role,User Type\nnamed-1-ldap,user,creator\nnamed-2-ldap,user,creator\nnamed-3-ldap,user,creator\n', 'format=ldap&mode=credentials')).json().id;
    await ctx.db.organization.update({ where: { id: org.id }, data: { namedUserLimit: used + 1 } });
    try {
      const res = await admin.request('POST', `/api/imports/${id}/commit`, {}, { 'accept-language': 'fr' });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('seats_exhausted');
      expect(res.json().errors[0]).toMatchObject({ code: 'named_user_limit', params: { limit: used + 1, used, requested: 3, short: 2 } });
      expect((await getJob(admin, id, 'limit=0')).status).toBe('validated');
      expect(await members(['named-1-ldap', 'named-2-ldap', 'named-3-ldap'])).toHaveLength(0);
    } finally {
      await ctx.db.organization.update({ where: { id: org.id }, data: { namedUserLimit: org.namedUserLimit } });
    }
  });

  it('creates organization-login members whose external id is their username', async () => {
    const res = await upload(admin, 'Email,Role,User Type,First Name,Last Name,Username,Identity Type\njcho@email.com,publisher,creator,Jon,Cho,jcho11-saml-commit,SAML\nsraj@email.com,user,creator,Sanjay,Rajhandas,srajhandas-oidc-commit,OIDC\n', 'format=org-login&mode=credentials');
    expect(res.json(), res.body).toMatchObject({ status: 'validated', counts: { valid: 2 } });
    expect((await admin.post(`/api/imports/${res.json().id}/commit`, {})).statusCode).toBe(202);
    expect((await waitForCommit(res.json().id)).status).toBe('committed');
    const created = await members(['jcho11-saml-commit', 'srajhandas-oidc-commit']);
    expect(created.map((m) => [m.username, m.identityType, m.externalId, m.status, m.passwordHash]).sort()).toEqual([
      ['jcho11-saml-commit', 'saml', 'jcho11-saml-commit', 'active', null],
      ['srajhandas-oidc-commit', 'oidc', 'srajhandas-oidc-commit', 'active', null],
    ]);
  });
});

describe('retention of uncommitted imports', () => {
  it('deletes jobs never committed once untouched for the retention period, rows and passwords included; keeps committed and recent ones', async () => {
    const old = (await upload(admin, EN_BUILTIN.replace(/jcho11|srajhandas/g, (u) => `${u}-old`), 'format=builtin&mode=credentials')).json().id;
    const failed = (await upload(admin, 'Nothing,Useful\n1,2\n', 'format=builtin&mode=credentials')).json().id;
    const recent = (await upload(admin, EN_BUILTIN.replace(/jcho11|srajhandas/g, (u) => `${u}-new`), 'format=builtin&mode=credentials')).json().id;
    const committed = (await upload(admin, 'Username,Role,User Type\nretained-ldap,user,creator\n', 'format=ldap&mode=credentials')).json().id;
    expect((await admin.post(`/api/imports/${committed}/commit`, {})).statusCode).toBe(202);
    expect((await waitForCommit(committed)).status).toBe('committed');
    expect((await getJob(admin, failed, 'limit=0')).status).toBe('failed');
    await ctx.db.$executeRaw`UPDATE "ImportJob" SET "updatedAt" = now() - interval '8 days' WHERE id = ANY(${[old, failed, committed]}::uuid[])`;
    expect(await ctx.db.importRow.count({ where: { jobId: old, values: { path: ['password'], not: 'null' } } })).toBe(2);

    expect(await purgeAbandonedImports(ctx.db, 7)).toBeGreaterThanOrEqual(2);
    expect((await ctx.db.importJob.findMany({ where: { id: { in: [old, failed, recent, committed] } }, select: { id: true } })).map((j) => j.id).sort()).toEqual([recent, committed].sort());
    expect(await ctx.db.importRow.count({ where: { jobId: { in: [old, failed] } } })).toBe(0);
    expect((await admin.get(`/api/imports/${old}`)).statusCode).toBe(404);
  });
});

describe('organization scope and privileges', () => {
  it('hides another organization’s job (404) and refuses members without the privilege (403)', async () => {
    const id = (await upload(admin, EN_BUILTIN, 'format=builtin&mode=credentials')).json().id;
    expect((await globexAdmin.get(`/api/imports/${id}`)).statusCode).toBe(404);
    expect((await globexAdmin.request('PATCH', `/api/imports/${id}/rows/2`, { values: { firstName: 'X' } })).statusCode).toBe(404);
    expect((await globexAdmin.request('DELETE', `/api/imports/${id}/rows/2`)).statusCode).toBe(404);
    expect((await globexAdmin.post(`/api/imports/${id}/commit`, {})).statusCode).toBe(404);
    expect((await globexAdmin.get(`/api/imports/${id}/errors.csv`)).statusCode).toBe(404);
    expect((await admin.get(`/api/imports/${id}`)).statusCode).toBe(200);

    const batch = await admin.post('/api/members/batch', { mode: 'credentials', members: [{ firstName: 'Plain', lastName: 'User', email: 'plain@example.com', username: 'plainuser', role: 'user', userType: 'creator', password: 'plain.1234' }] });
    expect(batch.statusCode, batch.body).toBe(201);
    await ctx.db.member.updateMany({ where: { organizationId: ctx.acme.organizationId, username: 'plainuser' }, data: { mustChangePassword: false } });
    const plain = new Client(ctx);
    expect((await plain.signIn('plainuser', 'plain.1234')).statusCode).toBe(200);
    expect((await plain.get(`/api/imports/${id}`)).statusCode).toBe(403);
    expect((await plain.get('/api/imports/limits')).statusCode).toBe(403);
    expect((await upload(plain, EN_BUILTIN, 'format=builtin&mode=credentials')).statusCode).toBe(403);
  });
});
