import { describe, expect, it } from 'vitest';
import {
  createCsvStreamParser,
  createRowValidator,
  csvFormats,
  csvIssueMessage,
  csvTemplate,
  errorReportCsv,
  matchCsvHeader,
  neutraliseCell,
  parseCsvStream,
  parseCsvText,
  toCsv,
  unneutraliseCell,
  valuesToCells,
  type CsvFormat,
  type CsvParseOptions,
  type CsvRowResult,
} from '../src/index.ts';
import { documented, frenchHeaders, lookups } from './csv-fixtures.ts';

const opts = (format: CsvFormat, extra: Partial<CsvParseOptions> = {}): CsvParseOptions => ({
  format,
  mode: 'credentials',
  lookups,
  identityTypesConfigured: ['saml', 'oidc'],
  ...extra,
});

const file = (lines: readonly string[], { bom = false, sep = ',', eol = '\r\n' } = {}) =>
  (bom ? '\uFEFF' : '') + lines.map((l) => (sep === ',' ? l : l.replaceAll(',', sep))).join(eol) + eol;

const codes = (row: CsvRowResult | undefined) => row?.errors.map((e) => `${e.field ?? ''}:${e.code}`) ?? [];

describe('documented example rows', () => {
  for (const format of csvFormats) {
    for (const lang of ['en', 'fr'] as const) {
      for (const bom of [false, true]) {
        for (const sep of [',', ';']) {
          it(`${format}, ${lang} header, ${bom ? 'BOM' : 'no BOM'}, "${sep}"`, () => {
            const lines: string[] = [...documented[format]];
            if (lang === 'fr') lines[0] = frenchHeaders[format];
            const result = parseCsvText(file(lines, { bom, sep }), opts(format));
            expect(result.fileErrors).toEqual([]);
            expect(result.fileWarnings).toEqual([]);
            expect(result.ok).toBe(true);
            expect(result.bom).toBe(bom);
            expect(result.delimiter).toBe(sep);
            expect(result.header?.language).toBe(lang);
            expect(result.counts).toEqual({ total: 2, valid: 2, invalid: 0, blank: 0 });
            expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
            expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
            const [jon, satish] = result.rows;
            expect(jon!.values.username).toBe('jcho11');
            expect(jon!.resolved.roleId).toBe('role-publisher');
            expect(satish!.values.username).toBe('srajhandas');
            expect(satish!.resolved).toMatchObject({ roleId: 'role-viewer', userTypeId: 'ut-viewer' });
            if (format === 'org-login') expect(jon!.resolved.identityType).toBe('saml');
            if (format === 'builtin') expect(satish!.values.password).toBe('sraj.abcd1');
          });
        }
      }
    }
  }

  it('organization logins without Identity Type when only one type is configured', () => {
    const lines = documented['org-login'].map((l) => l.split(',').slice(0, 6).join(','));
    const result = parseCsvText(file(lines), opts('org-login', { identityTypesConfigured: ['oidc'] }));
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => r.resolved.identityType)).toEqual(['oidc', 'oidc']);
    // …but required when both are configured.
    const both = parseCsvText(file(lines), opts('org-login'));
    expect(both.ok).toBe(false);
    expect(both.fileErrors[0]).toMatchObject({ code: 'missing_column', columns: ['Identity Type'] });
  });
});

describe('headers', () => {
  it('match in any order, case and accent insensitively, with common variants', () => {
    const header = 'MOT DE PASSE;nom d_utilisateur ; prenom;NOM;type d utilisateur;ROLE;Courriel';
    const row = 'jcho.1234;jcho11;Jon;Cho;Creator;publisher;jcho11@email.com';
    const result = parseCsvText(`${header}\n${row}\n`, opts('builtin'));
    expect(result.ok).toBe(true);
    expect(result.delimiter).toBe(';');
    expect(result.rows[0]!.values).toEqual({
      email: 'jcho11@email.com',
      role: 'publisher',
      userType: 'Creator',
      firstName: 'Jon',
      lastName: 'Cho',
      username: 'jcho11',
      password: 'jcho.1234',
    });
    for (const variant of ['Email address', 'E-mail', 'Adresse e-mail', 'adresse  électronique', 'EMAIL*']) {
      expect(matchCsvHeader(variant)?.field).toBe('email');
    }
    expect(matchCsvHeader('Identifiant')?.field).toBe('username');
    expect(matchCsvHeader('Type d’identité')?.field).toBe('identityType');
    expect(matchCsvHeader('Nom')?.field).toBe('lastName');
    expect(matchCsvHeader('Name')).toBeUndefined();
  });

  it('reports unknown columns as warnings and ignores them', () => {
    const lines = [`Département,${documented.ldap[0]},Password`, `Ventes,${documented.ldap[1]},secret123`];
    const result = parseCsvText(file(lines), opts('ldap'));
    expect(result.ok).toBe(true);
    expect(result.fileWarnings.map((w) => [w.code, w.columns])).toEqual([
      ['unknown_column', ['Département']],
      ['unused_column', ['Password']],
    ]);
    expect(result.rows[0]!.values).toEqual({ username: 'jcho11', role: 'publisher', userType: 'Editor' });
    expect(result.rows[0]!.errors).toEqual([]);
  });

  it('names every missing column in one error, in the header’s language', () => {
    const fr = parseCsvText('Prénom;Nom;E-mail\nJon;Cho;jcho@email.com\n', opts('builtin'));
    expect(fr.ok).toBe(false);
    expect(fr.fileErrors).toHaveLength(1);
    expect(fr.fileErrors[0]).toMatchObject({ code: 'missing_column', columns: ['Rôle', 'Type d’utilisateur', 'Nom d’utilisateur', 'Mot de passe'] });
    expect(csvIssueMessage(fr.fileErrors[0]!, 'fr')).toMatch(/^Colonnes manquantes\u00A0: Rôle, Type d’utilisateur/);
    expect(fr.rows).toEqual([]);

    const en = parseCsvText('First Name,Last Name,Email\nJon,Cho,jcho@email.com\n', opts('builtin', { mode: 'invite' }));
    expect(en.fileErrors[0]!.message).toBe(
      'Missing columns: Role, User Type, Username. The first row must name the columns: Email, Role, User Type, First Name, Last Name, Username.',
    );
  });

  it('refuses two columns for the same field, an empty file, a file without rows', () => {
    const dup = parseCsvText('Username,Nom d’utilisateur,Role,User Type\na,b,c,d\n', opts('ldap'));
    expect(dup.fileErrors.map((e) => e.code)).toEqual(['duplicate_column']);
    expect(dup.fileErrors[0]!.columns).toEqual(['Username', 'Nom d’utilisateur']);
    for (const empty of ['', '\uFEFF', '\r\n\r\n', ' , , \n']) {
      expect(parseCsvText(empty, opts('ldap')).fileErrors.map((e) => e.code)).toEqual(['empty_file']);
    }
    const headerOnly = parseCsvText(`${documented.ldap[0]}\r\n`, opts('ldap'));
    expect(headerOnly.fileErrors.map((e) => e.code)).toEqual(['no_rows']);
  });

  it('flags a file that is not UTF-8 (Excel’s legacy "CSV" in Windows-1252)', () => {
    const latin1 = new Uint8Array([...'Pr'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'nom;Nom'].map((c) => c.charCodeAt(0))));
    const text = new TextDecoder().decode(latin1);
    const result = parseCsvText(`${text}\n`, opts('builtin'));
    expect(result.fileErrors.map((e) => e.code)).toContain('not_utf8');
  });
});

describe('CSV syntax', () => {
  it('reads quoted fields with separators, doubled quotes, embedded newlines, CRLF; row numbers are records', () => {
    const text =
      'Email,Role,User Type,First Name,Last Name,Username,Password\r\n' +
      '"jcho11@email.com","publisher","Creator","Jon ""JJ""","Cho, Jr",jcho11,"jcho.1234"\r\n' +
      'a@email.com,viewer,Viewer,"Anne\r\nMarie",Durand,adurand,pass1234x\r\n' +
      '\r\n' +
      'b@email.com,viewer,Viewer,"Bé\nla",Durand,bdurand,pass1234x\r\n';
    const result = parseCsvText(text, opts('builtin'));
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 3, 5]);
    expect(result.counts).toMatchObject({ total: 3, blank: 1 });
    expect(result.rows[0]!.values).toMatchObject({ firstName: 'Jon "JJ"', lastName: 'Cho, Jr' });
    expect(result.rows[1]!.values.firstName).toBe('Anne\r\nMarie');
    expect(result.rows[2]!.values.firstName).toBe('Bé\nla');
    expect(result.rows.flatMap((r) => r.warnings)).toEqual([]);
  });

  it('reads LF, CRLF, CR-only and mixed line ends, and Excel’s "sep=" line', () => {
    const rows = documented.ldap;
    for (const text of [rows.join('\n'), rows.join('\r\n'), rows.join('\r') + '\r', `${rows[0]}\r\n${rows[1]}\n${rows[2]}\r\n`]) {
      const result = parseCsvText(text, opts('ldap'));
      expect(result.rows.map((r) => [r.rowNumber, r.values.userType, r.warnings.length])).toEqual([
        [2, 'Editor', 0],
        [3, 'Viewer', 0],
      ]);
    }
    const sep = parseCsvText(`sep=;\r\n${rows.map((r) => r.replaceAll(',', ';')).join('\r\n')}`, opts('ldap'));
    expect(sep.delimiter).toBe(';');
    expect(sep.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it('reports a misplaced quote, an unclosed quote and extra values on the row', () => {
    const parse = (...lines: string[]) => parseCsvText([documented.ldap[0], ...lines].join('\n'), opts('ldap')).rows;
    expect(parse('jcho11,publisher,Editor,extra', 'srajhandas,viewer,Viewer,,').map(codes)).toEqual([[':extra_cells'], []]);
    const misplaced = parse('srajhandas,"viewer"x,Viewer', 'jcho11,publisher,Editor');
    expect(codes(misplaced[0])).toContain(':malformed_row');
    expect(misplaced[0]!.errors[0]!.params).toMatchObject({ reason: 'misplaced' });
    const unclosed = parse('jcho11,publisher,Editor', 'zzzzzz,"viewer,Viewer', 'never,read,as,a,row');
    // The record swallowed by the quote has fewer cells than the header: none is put in a column.
    expect(unclosed.map(codes)).toEqual([[], [':malformed_row', ':missing_cells']]);
    expect(unclosed[1]!.values).toEqual({});
    expect(unclosed[1]!.errors[0]!.params).toMatchObject({ reason: 'unclosed' });
  });

  it('gives the same rows whatever the chunking, even one character at a time', () => {
    const text = file(
      [frenchHeaders.builtin, 'a@b.fr,publisher,Creator,"Jé\r\nrôme","Dupont, ""le""",jdupont,pass1234x', ' x@y.fr ;;', 'c@d.fr,viewer,Viewer,Ça,Va,cava01,pass1234x'],
      { bom: true, sep: ';' },
    );
    const whole = parseCsvText(text, opts('builtin'));
    const rows: CsvRowResult[] = [];
    const parser = createCsvStreamParser(opts('builtin'), (r) => rows.push(r));
    for (const ch of text) parser.write(ch);
    const summary = parser.end();
    expect(rows).toEqual(whole.rows);
    const { rows: _rows, ...wholeSummary } = whole;
    expect(summary).toEqual(wholeSummary);
    expect(summary.delimiter).toBe(';');
    expect(summary.bom).toBe(true);
  });

  it('decodes a byte stream cut inside multi-byte characters and hands rows over in batches', async () => {
    const text = file([frenchHeaders.ldap, ...Array.from({ length: 50 }, (_, i) => `élève${String(i).padStart(3, '0')},Éditeur,Créateur`)]);
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const batches: number[] = [];
    const seen: CsvRowResult[] = [];
    const summary = await parseCsvStream(chunks(), { ...opts('ldap'), batchSize: 20 }, {
      onRows: async (rows) => {
        batches.push(rows.length);
        seen.push(...rows);
      },
    });
    expect(summary.bom).toBe(true);
    expect(summary.counts).toMatchObject({ total: 50, invalid: 50 }); // "élève000" isn't ASCII
    expect(seen[0]!.values).toEqual({ username: 'élève000', role: 'Éditeur', userType: 'Créateur' });
    expect(codes(seen[0])).toEqual(['username:username_ascii']);
    expect(Math.max(...batches)).toBeLessThanOrEqual(20);
    expect(seen.map((r) => r.rowNumber)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));

    const web = new Blob([bytes]).stream();
    const viaWeb = await parseCsvStream(web, opts('ldap'), { onRows: () => {} });
    expect(viaWeb.counts).toEqual(summary.counts);
  });
});

describe('row rules', () => {
  const header = documented.builtin[0];
  const row = (cells: Partial<Record<string, string>>) => {
    const base = { email: 'jcho11@email.com', role: 'publisher', userType: 'Creator', first: 'Jon', last: 'Cho', username: 'jcho11', password: 'jcho.1234' };
    const c = { ...base, ...cells };
    return toCsv([[c.email!, c.role!, c.userType!, c.first!, c.last!, c.username!, c.password!]]).trimEnd();
  };
  const one = (line: string, extra: Partial<CsvParseOptions> = {}) => parseCsvText(`${header}\n${line}\n`, opts('builtin', extra)).rows[0]!;

  it.each([
    [{ email: 'jcho' }, 'email:invalid_email'],
    [{ email: "j'cho@email.com" }, 'email:email_apostrophe'],
    [{ email: 'j’cho@email.com' }, 'email:email_apostrophe'],
    [{ username: 'jcho' }, 'username:username_length'],
    [{ username: 'x'.repeat(129) }, 'username:username_length'],
    [{ username: 'jérôme' }, 'username:username_ascii'],
    [{ username: 'jon cho' }, 'username:username_ascii'],
    [{ password: 'abcdefgh' }, 'password:weak_password'],
    [{ password: 'abc1' }, 'password:weak_password'],
    [{ password: `a1${'x'.repeat(300)}` }, 'password:password_too_long'],
    [{ role: 'chef' }, 'role:unknown_role'],
    [{ userType: 'Gold' }, 'userType:unknown_user_type'],
    [{ role: 'publisher', userType: 'Viewer' }, 'role:incompatible_role'],
    [{ first: '' }, 'firstName:required'],
    [{ last: 'x'.repeat(101) }, 'lastName:value_too_long'],
    [{ role: '' }, 'role:required'],
    [{ password: '' }, 'password:required'],
  ])('%o → %s', (cells, expected) => {
    expect(codes(one(row(cells)))).toEqual([expected]);
  });

  it('explains each error in English and French', () => {
    const r = one(row({ role: 'publisher', userType: 'Viewer' }));
    expect(r.errors[0]!.message).toBe('Role "Publisher" is not compatible with user type "Viewer"; compatible roles: Viewer');
    expect(csvIssueMessage(r.errors[0]!, 'fr')).toBe(
      'Le rôle «\u00A0Éditeur\u00A0» n’est pas compatible avec le type d’utilisateur «\u00A0Lecteur\u00A0»\u00A0; rôles compatibles\u00A0: Lecteur',
    );
    const u = one(row({ username: 'jcho' }));
    expect(u.errors[0]!.message).toBe('Username must have between 6 and 128 characters (it has 4)');
    expect(csvIssueMessage(u.errors[0]!, 'fr')).toBe('Le nom d’utilisateur doit comporter entre 6 et 128 caractères (il en a 4)');
  });

  it('accepts role and user type by key, English name or French name, whatever the case and accents', () => {
    for (const [role, userType] of [
      ['publisher', 'creator'],
      ['Publisher', 'Creator'],
      ['Éditeur', 'Créateur'],
      ['editeur', 'CREATEUR'],
      ['Data Editor', 'Contributor'],
      ['Éditeur de données', 'contributeur'],
      ['data_editor', 'Contributeur'],
    ]) {
      const r = one(row({ role, userType }));
      expect(r.errors, `${role} / ${userType}`).toEqual([]);
      expect(r.resolved.roleId).toMatch(/^role-(publisher|data_editor)$/);
    }
  });

  it('refuses a password in invite mode; the Password column may then be left out', () => {
    expect(codes(one(row({}), { mode: 'invite' }))).toEqual(['password:password_not_allowed']);
    expect(codes(one(row({ password: '' }), { mode: 'invite' }))).toEqual([]);
    const noColumn = parseCsvText('Email,Role,User Type,First Name,Last Name,Username\njcho11@email.com,viewer,Viewer,Jon,Cho,jcho11\n', {
      ...opts('builtin'),
      mode: 'invite',
    });
    expect(noColumn.ok).toBe(true);
    expect(noColumn.rows[0]!.errors).toEqual([]);
  });

  it('reports a duplicate username on the later row, naming the earlier one (case-sensitive)', () => {
    const text = [header, row({}), row({ username: 'JCHO11' }), row({ username: 'jcho11' })].join('\n');
    const result = parseCsvText(text, opts('builtin'));
    expect(result.rows.map(codes)).toEqual([[], [], ['username:duplicate_in_file']]);
    expect(result.rows[2]!.errors[0]!.message).toBe('Username "jcho11" is already used on row 2 of this file');
  });

  it('trims values and warns when trimming changed them', () => {
    const r = one(row({ username: '  jcho11 ', role: '\tpublisher' }));
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ username: 'jcho11', role: 'publisher' });
    expect(r.warnings.map((w) => `${w.field}:${w.code}`)).toEqual(['role:trimmed', 'username:trimmed']);
    expect(r.warnings[1]!.message).toBe('Spaces around Username were removed');
  });

  it('checks identity types against the configuration', () => {
    const h = documented['org-login'][0];
    const parse = (value: string, configured: ('saml' | 'oidc')[]) =>
      parseCsvText(`${h}\njcho@email.com,viewer,Viewer,Jon,Cho,jcho11,${value}\n`, opts('org-login', { identityTypesConfigured: configured })).rows[0]!;
    expect(parse('OpenID Connect', ['saml', 'oidc']).resolved.identityType).toBe('oidc');
    expect(codes(parse('Kerberos', ['saml', 'oidc']))).toEqual(['identityType:unknown_identity_type']);
    expect(codes(parse('', ['saml', 'oidc']))).toEqual(['identityType:required']);
    expect(codes(parse('OIDC', ['saml']))).toEqual(['identityType:identity_type_not_configured']);
  });

  it('optionally refuses the Administrator role, usernames already taken, and suggests a username', () => {
    expect(codes(one(row({ role: 'administrator' }), { administratorRoleAllowed: false }))).toEqual(['role:administrator_not_allowed']);
    expect(codes(one(row({ role: 'administrator' })))).toEqual([]);
    expect(codes(one(row({}), { usernameTaken: (u) => u === 'jcho11' }))).toEqual(['username:username_taken']);
    const missing = one(row({ username: '' }), { usernameFormat: 'first.last' });
    expect(missing.errors[0]).toMatchObject({ code: 'required', params: { suggestion: 'jon.cho' } });
    expect(missing.errors[0]!.message).toBe('Username is required (for example "jon.cho")');
  });

  it('validates without lookups (presence only) and validates edited values', () => {
    const r = parseCsvText(`${header}\n${row({ role: 'anything' })}\n`, { format: 'builtin', mode: 'credentials' }).rows[0]!;
    expect(r.errors).toEqual([]);
    const v = createRowValidator(opts('builtin'));
    v.header(header.split(','));
    const edited = v.validateValues({ email: 'x@y.fr', role: 'viewer', userType: 'viewer', firstName: 'A', lastName: 'B', username: ' abcdef', password: 'x' }, 7);
    expect(edited.rowNumber).toBe(7);
    expect(codes(edited)).toEqual(['password:weak_password']);
    expect(edited.warnings.map((w) => w.code)).toEqual(['trimmed']);
    expect(() => createRowValidator(opts('ldap')).row([], 2)).toThrow(/header/);
  });

  it('flags cells that were not UTF-8', () => {
    expect(codes(one(row({ last: 'M\uFFFDller' })))).toEqual(['lastName:not_utf8']);
  });
});

describe('writing CSV', () => {
  it('neutralises formula-like cells and quotes what needs it', () => {
    expect(['=1+2', '+33', '-5', '@SUM(A1)', '\tx', '\rx', "'=x", 'ok', "'ok", ''].map(neutraliseCell)).toEqual([
      "'=1+2",
      "'+33",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "''=x",
      'ok',
      "'ok",
      '',
    ]);
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', ' edge ', '=cmd|calc']], { delimiter: ',' })).toBe(
      '"a,b","say ""hi""","two\nlines"," edge ","\'=cmd|calc"\r\n',
    );
    expect(toCsv([['a;b', 'c,d']], { delimiter: ';', bom: true })).toBe('\uFEFF"a;b";c,d\r\n');
    for (const v of ['=1+2', "'=1+2", "''@x", '-', "'", 'plain']) expect(unneutraliseCell(neutraliseCell(v))).toBe(v);
  });

  it('error report: original columns + Errors, BOM, neutralised, and it uploads again', () => {
    const header = documented.builtin[0];
    const source = [
      header,
      'jcho11@email.com,publisher,Creator,Jon,Cho,jcho11,jcho.1234',
      '"=HYPERLINK(""http://x"")",viewer,Viewer,@Satish,-Raj,srajhandas,+sraj.abcd1',
      'x@y.fr,viewer,Viewer,"Zoé\nAnne",Durand,jcho11,pass1234x',
    ].join('\r\n');
    const first = parseCsvText(source, opts('builtin'));
    const bad = first.rows.filter((r) => r.errors.length);
    expect(bad.map((r) => r.rowNumber)).toEqual([3, 4]);
    for (const lang of ['fr', 'en'] as const) {
      const report = errorReportCsv(header.split(','), bad, lang, { delimiter: first.delimiter });
      expect(report.startsWith('\uFEFF')).toBe(true);
      expect(report).toContain(`,${lang === 'fr' ? 'Erreurs' : 'Errors'}\r\n`);
      expect(report).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(report).toContain(`"'@Satish","'-Raj"`);
      expect(report).toContain(lang === 'fr' ? 'Saisissez une adresse e-mail valide' : 'Enter a valid email address');
      const again = parseCsvText(report, opts('builtin'));
      expect(again.ok).toBe(true);
      expect(again.fileWarnings.map((w) => w.code)).toEqual(['unknown_column']);
      // Same values as the first upload (neutralisation undone) but the passwords, left out of
      // the report; same errors bar the duplicate (the row it duplicated is not in the report).
      expect(report).not.toContain('sraj.abcd1');
      expect(report).not.toContain('pass1234x');
      expect(report.match(lang === 'fr' ? /Le mot de passe n’est pas repris dans ce rapport/g : /The password is left out of this report/g)).toHaveLength(2);
      expect(again.rows.map((r) => r.values)).toEqual(bad.map((r) => ({ ...r.values, password: '' })));
      expect(again.rows[0]!.values).toMatchObject({ email: '=HYPERLINK("http://x")', firstName: '@Satish', password: '' });
      expect(again.rows.map(codes)).toEqual([['email:invalid_email', 'password:required'], ['password:required']]);
      // A report of the report keeps one errors column.
      const twice = errorReportCsv(again.header!.columns.map((c) => c.header), again.rows, lang);
      expect(twice.split('\r\n')[0]).toBe(`\uFEFF${header.replaceAll(',', lang === 'fr' ? ';' : ',')}${lang === 'fr' ? ';Erreurs' : ',Errors'}`);
    }
  });

  it('rebuilds cells from stored values', () => {
    expect(valuesToCells(['Nom d’utilisateur', 'Autre', 'ROLE'], { username: 'jcho11', role: 'viewer' })).toEqual(['jcho11', '', 'viewer']);
  });
});

describe('templates', () => {
  for (const format of csvFormats) {
    for (const lang of ['fr', 'en'] as const) {
      for (const mode of ['credentials', 'invite'] as const) {
        it(`${format} ${lang} ${mode} parses back without errors`, () => {
          for (const identityTypesConfigured of [['saml', 'oidc'], ['saml']] as const) {
            const template = csvTemplate(format, lang, mode, { identityTypesConfigured });
            expect(template.startsWith('\uFEFF')).toBe(true);
            const result = parseCsvText(template, { format, mode, lookups, identityTypesConfigured });
            expect(result.fileErrors).toEqual([]);
            expect(result.fileWarnings).toEqual([]);
            expect(result.header!.language).toBe(lang);
            expect(result.delimiter).toBe(lang === 'fr' ? ';' : ',');
            expect(result.rows).toHaveLength(1);
            expect(result.rows[0]!.errors).toEqual([]);
            expect(result.rows[0]!.values.username).toBe('jcho11');
          }
        });
      }
    }
  }

  it('writes the headers of the reference page', () => {
    expect(csvTemplate('builtin', 'en', 'credentials', { delimiter: ',' }).split('\r\n')[0]).toBe(`\uFEFF${documented.builtin[0]}`);
    expect(csvTemplate('builtin', 'fr', 'invite').split('\r\n')[0]).toBe("\uFEFFE-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur");
    expect(csvTemplate('org-login', 'en', 'invite', { identityTypesConfigured: ['saml', 'oidc'] }).split('\r\n')[0]).toBe(
      `\uFEFF${documented['org-login'][0]}`,
    );
    expect(csvTemplate('ldap', 'fr', 'invite').split('\r\n')[0]).toBe("\uFEFFNom d’utilisateur;Rôle;Type d’utilisateur");
  });
});
