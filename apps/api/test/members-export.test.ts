import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MemberListResponse } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { EXPORT_PAGE_SIZE, exportMembers } from '../src/features/members/export.ts';
import type { AuthContext } from '../src/lib/auth.ts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

let ctx: TestContext;
let admin: Client;
const { makeMember, signedIn } = memberFixtures(() => ctx);

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 20 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

/** RFC 4180 as the export writes it (quoted cells with doubled quotes, CRLF). */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

async function download(client: Client, query = '', headers: Record<string, string> = {}) {
  const res = await client.request('GET', `/api/members/export.csv${query ? `?${query}` : ''}`, undefined, headers);
  return res;
}

async function listAll(client: Client, query: string): Promise<Member[]> {
  const items: Member[] = [];
  let cursor: string | null = null;
  do {
    const page: MemberListResponse = (await client.get(`/api/members?limit=200&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/members/export.csv', () => {
  it('downloads every member of the organization as UTF-8 CSV with a BOM, English headers and labels by default', async () => {
    const res = await download(admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="members-${new Date().toISOString().slice(0, 10)}.csv"`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1), ',');
    expect(header).toEqual(['Last Name', 'First Name', 'Username', 'Email', 'Role', 'User Type', 'Status', 'Last Sign-in (UTC)', 'Created (UTC)']);
    const members = await listAll(admin, '');
    expect(rows.map((r) => r[2])).toEqual(members.map((m) => m.username));
    const adminRow = rows.find((r) => r[2] === 'admin')!;
    expect(adminRow[4]).toBe('Administrator');
    expect(['Active', 'Pending activation', 'Disabled']).toContain(adminRow[6]);
    expect(adminRow[6]).toBe('Active');
    expect(adminRow[8]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Another organization's members are never included.
    const globex = await ctx.db.member.findMany({ where: { organizationId: ctx.globex.organizationId }, select: { username: true, email: true } });
    for (const g of globex) expect(text).not.toContain(g.email);
  });

  it('speaks French when asked (lang or Accept-Language): French headers, labels and the semicolon', async () => {
    for (const res of [await download(admin, 'lang=fr'), await download(admin, '', { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' })]) {
      expect(res.statusCode).toBe(200);
      const [header, ...rows] = parseCsv(res.rawPayload.toString('utf8').slice(1), ';');
      expect(header).toEqual(['Nom', 'Prénom', 'Nom d’utilisateur', 'E-mail', 'Rôle', 'Type d’utilisateur', 'Statut', 'Dernière connexion (UTC)', 'Création (UTC)']);
      const adminRow = rows.find((r) => r[2] === 'admin')!;
      expect(adminRow[4]).toBe('Administrateur');
      expect(adminRow[6]).toBe('Actif');
    }
    // The language and the separator can each be chosen.
    const mixed = await download(admin, 'lang=en&delimiter=semicolon&columns=username,status', { 'accept-language': 'fr' });
    expect(mixed.rawPayload.toString('utf8').split('\r\n')[0]).toBe('\uFEFFUsername;Status');
  });

  it('keeps the list’s filters and order, and writes the chosen columns in the chosen order', async () => {
    const org = ctx.acme.organizationId;
    const some = await ctx.db.member.findMany({ where: { organizationId: org, username: { not: 'admin' } }, take: 3, orderBy: { username: 'asc' } });
    await ctx.db.member.updateMany({ where: { id: { in: some.map((m) => m.id) } }, data: { status: 'disabled' } });
    const query = 'status=disabled&sort=username&order=desc';
    const expected = await listAll(admin, query);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const res = await download(admin, `${query}&columns=email,username,identityType,fullName`);
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = parseCsv(res.rawPayload.toString('utf8').slice(1), ',');
    expect(header).toEqual(['Email', 'Username', 'Identity Type', 'Name']);
    expect(rows).toEqual(expected.map((m) => [m.email, m.username, m.identityType === 'builtin' ? 'Built-in' : expect.any(String), m.fullName]));

    const searched = await listAll(admin, 'q=ADMIN');
    const res2 = await download(admin, 'q=ADMIN&columns=username');
    expect(parseCsv(res2.rawPayload.toString('utf8').slice(1), ',').slice(1).flat()).toEqual(searched.map((m) => m.username));
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes separators, quotes and line breaks', async () => {
    const m = await makeMember('formula1');
    await ctx.db.member.update({ where: { id: m.id }, data: { firstName: '=HYPERLINK("http://evil.example","x")', lastName: 'Dupont; "le grand"' } });
    for (const prefix of ['+1', '-2', '@SUM(A1)', '\tTab', '\rCR']) {
      const o = await makeMember(`formula-${prefix.length}${prefix.charCodeAt(0)}`);
      await ctx.db.member.update({ where: { id: o.id }, data: { lastName: prefix } });
    }
    const res = await download(admin, 'q=formula&columns=username,firstName,lastName&lang=fr&sort=username');
    const text = res.rawPayload.toString('utf8');
    expect(text).toContain(`formula1;"'=HYPERLINK(""http://evil.example"",""x"")";"Dupont; ""le grand"""\r\n`);
    const rows = parseCsv(text.slice(1), ';').slice(1);
    expect(rows.find((r) => r[0] === 'formula1')).toEqual(['formula1', `'=HYPERLINK("http://evil.example","x")`, 'Dupont; "le grand"']);
    expect(rows.filter((r) => r[0] !== 'formula1').map((r) => r[2]).sort()).toEqual(["'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR"].sort());
  });

  it('refuses an unknown column with 400 naming the field, and bad filters like the list does', async () => {
    const res = await download(admin, 'columns=username,password');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([expect.stringMatching(/^(querystring\.)?columns\.1$/)]);
    expect((await download(admin, 'columns=')).statusCode).toBe(400);
    expect((await download(admin, 'status=gone')).statusCode).toBe(400);
    expect((await download(admin, 'lang=de')).statusCode).toBe(400);
    expect((await download(admin, 'delimiter=tab')).statusCode).toBe(400);
  });

  it('needs View on members (a Viewer is refused, a User allowed) and a session', async () => {
    await makeMember('exp-viewer', 'viewer');
    await makeMember('exp-user', 'user');
    const refused = await download(await signedIn('exp-viewer'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    expect((await download(await signedIn('exp-user'))).statusCode).toBe(200);
    const anonymous = await download(new Client(ctx));
    expect(anonymous.statusCode).toBe(401);
  });

  it('is audited as members.exported with the filters, the columns and the count, once the file was sent', async () => {
    const before = await ctx.db.auditEvent.count({ where: { action: 'members.exported' } });
    const res = await download(admin, 'status=active&q=a&columns=username');
    const count = parseCsv(res.rawPayload.toString('utf8').slice(1), ',').length - 1;
    const events = await ctx.db.auditEvent.findMany({ where: { action: 'members.exported' }, orderBy: { createdAt: 'asc' } });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      organizationId: ctx.acme.organizationId,
      actorUsername: 'admin',
      targetType: 'organization',
      after: { filters: { q: 'a', status: 'active', role: null, userType: null, sort: 'lastName', order: 'asc' }, columns: ['username'], lang: 'en', count, complete: true },
    });
    // A refused export writes nothing.
    await download(admin, 'columns=nope');
    expect(await ctx.db.auditEvent.count({ where: { action: 'members.exported' } })).toBe(before + 1);
  });
});

describe('a large organization', () => {
  it('streams every member in order across pages of EXPORT_PAGE_SIZE, never reading the whole organization at once', async () => {
    const org = ctx.acme.organizationId;
    const base = await ctx.db.member.findFirstOrThrow({ where: { organizationId: org, username: 'admin' } });
    const n = 2 * EXPORT_PAGE_SIZE + 345;
    await ctx.db.member.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        organizationId: org,
        username: `bulk${String(i).padStart(5, '0')}`,
        firstName: 'Bulk',
        // Many equal last names: the keyset cursor must break ties by first name and id.
        lastName: `Lot ${i % 7}`,
        email: `bulk${i}@example.com`,
        roleId: base.roleId,
        userTypeId: base.userTypeId,
        status: 'active' as const,
        identityType: 'builtin' as const,
      })),
    });
    const total = await ctx.db.member.count({ where: { organizationId: org } });
    const res = await download(admin, 'columns=username,lastName');
    const rows = parseCsv(res.rawPayload.toString('utf8').slice(1), ',').slice(1);
    expect(rows).toHaveLength(total);
    const listed = await listAll(admin, '');
    expect(rows.map((r) => r[0])).toEqual(listed.map((m) => m.username));
    expect(new Set(rows.map((r) => r[0])).size).toBe(total);

    // The service reads one page per query, each at most EXPORT_PAGE_SIZE rows.
    const takes: (number | undefined)[] = [];
    const db = {
      member: { findMany: (args: { take?: number }) => (takes.push(args.take), ctx.db.member.findMany(args as never)) },
      auditEvent: ctx.db.auditEvent,
    } as unknown as Db;
    const auth = { memberId: base.id, organizationId: org, username: 'admin', privileges: { members: 'view' } } as unknown as AuthContext;
    const file = exportMembers({ db }, auth, { sort: 'username', order: 'asc', columns: ['username'] }, false, '127.0.0.1');
    let lines = 0;
    let chunks = 0;
    for await (const chunk of file.stream) {
      chunks++;
      lines += String(chunk).split('\r\n').length - 1;
    }
    expect(lines).toBe(total + 1);
    expect(takes).toEqual(Array.from({ length: Math.floor(total / EXPORT_PAGE_SIZE) + 1 }, () => EXPORT_PAGE_SIZE));
    expect(chunks).toBeGreaterThanOrEqual(takes.length);
  }, 60_000);
});
