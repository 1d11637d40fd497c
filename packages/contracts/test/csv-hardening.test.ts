import { describe, expect, it } from 'vitest';
import {
  createCsvDecoder,
  createRowValidator,
  decodeWindows1252,
  csvIssueMessage,
  cutValue,
  errorReportCsv,
  findInvalidCharacter,
  parseCsvBytes,
  parseCsvStream,
  parseCsvText,
  removeInvalidCharacters,
  type CsvParseOptions,
  type CsvRowResult,
} from '../src/index.ts';
import { lookups } from './csv-fixtures.ts';

// Issue 11 (hardening from outside testing): encodings, control characters, long values,
// short rows and passwords in the error report.

const opts: CsvParseOptions = { format: 'builtin', mode: 'credentials', lookups };
const codes = (row: CsvRowResult | undefined) => row?.errors.map((e) => `${e.field ?? ''}:${e.code}`) ?? [];

/**
 * Windows-1252 bytes of a string, written by hand (not with a decoder under test): Latin-1
 * characters are their own byte, plus the few of 0x80–0x9F used here.
 */
const HIGH: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c, 'Œ': 0x8c };
const cp1252 = (text: string) =>
  new Uint8Array(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (HIGH[c] !== undefined) return HIGH[c];
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      throw new Error(`not in the test's Windows-1252 table: ${c}`);
    }),
  );

async function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function streamed(bytes: Uint8Array, size: number, options = opts) {
  const rows: CsvRowResult[] = [];
  const summary = await parseCsvStream(chunked(bytes, size), options, { onRows: (r) => void rows.push(...r) });
  return { ...summary, rows };
}

const FR_HEADER = "E-mail;Rôle;Type d'utilisateur;Prénom;Nom;Nom d'utilisateur;Mot de passe";
const EN_HEADER = 'Email,Role,User Type,First Name,Last Name,Username,Password';

describe('Windows-1252 files (French Excel’s "CSV (séparateur: point-virgule)")', () => {
  const french = [FR_HEADER, 'helene@example.org;Éditeur;Créateur;Hélène;Lefèvre;hlefevre;Pivoine-2026a', 'zoe@example.org;Utilisateur;Créateur;Zoé;Müller;zmuller;Pivoine-2026b'].join('\r\n') + '\r\n';

  it('reads French headers and accents intact, says so, and never yields U+FFFD — whole or streamed byte by byte', async () => {
    const bytes = cp1252(french);
    expect(bytes).toContain(0xe9); // é as Windows-1252 writes it
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    for (const result of [parseCsvBytes(bytes, opts), await streamed(bytes, 1), await streamed(bytes, 7), await streamed(bytes, 64 * 1024)]) {
      expect(result.encoding).toBe('windows-1252');
      expect(result.fileErrors).toEqual([]);
      expect(result.fileWarnings.map((w) => w.code)).toEqual(['read_as_windows_1252']);
      expect(result.header?.columns.map((c) => c.header)).toContain('Prénom');
      expect(result.rows.map((r) => [r.values.firstName, r.values.lastName, r.resolved.roleId])).toEqual([
        ['Hélène', 'Lefèvre', 'role-publisher'],
        ['Zoé', 'Müller', 'role-user'],
      ]);
      expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
      expect(JSON.stringify(result)).not.toContain('\uFFFD');
    }
    const notice = parseCsvBytes(bytes, opts).fileWarnings[0]!;
    expect(csvIssueMessage(notice, 'fr')).toContain('lu comme Windows-1252');
    expect(csvIssueMessage(notice, 'en')).toContain('read as Windows-1252');
  });

  it('reads an English-header file whose first accent comes after many rows, chunk boundaries anywhere', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `u${i}@example.org,user,Creator,Anne,Smith,asmith${i},Pivoine-${i}a`);
    const text = [EN_HEADER, ...ascii, 'helene@example.org,user,Creator,Hélène,Dubœuf-d’Arc,hduboeuf,Pivoine-x1'].join('\n');
    const bytes = cp1252(text);
    for (const size of [1, 5, 4096, 1 << 20]) {
      const result = await streamed(bytes, size);
      expect(result.encoding).toBe('windows-1252');
      expect(result.counts).toMatchObject({ total: 3001, invalid: 0 });
      expect(result.rows.at(-1)!.values).toMatchObject({ firstName: 'Hélène', lastName: 'Dubœuf-d’Arc' });
    }
  });

  it('keeps UTF-8 files UTF-8 (a multi-byte first accent cut by a chunk included), with no notice', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${french}`);
    for (const size of [1, 2, 3, 1000]) {
      const result = await streamed(bytes, size);
      expect(result.encoding).toBe('utf-8');
      expect(result.bom).toBe(true);
      expect(result.fileWarnings).toEqual([]);
      expect(result.rows[0]!.values.firstName).toBe('Hélène');
    }
  });

  it('refuses a file mixing UTF-8 and Windows-1252 with one file error, and no U+FFFD', async () => {
    const utf8 = new TextEncoder().encode(`${EN_HEADER}\nzoe@example.org,user,Creator,Zoé,Lu,zlu001,Pivoine-1a\n`);
    const bytes = new Uint8Array([...utf8, ...cp1252('hel@example.org,user,Creator,Hélène,Lu,hlu001,Pivoine-2a\n')]);
    for (const result of [parseCsvBytes(bytes, opts), await streamed(bytes, 3)]) {
      expect(result.ok).toBe(false);
      expect(result.fileErrors.map((e) => e.code)).toEqual(['mixed_encoding']);
      expect(JSON.stringify(result)).not.toContain('\uFFFD');
    }
    expect(csvIssueMessage({ code: 'mixed_encoding', message: '' }, 'fr')).toContain('CSV UTF-8');
  });

  it('decides on the first non-ASCII sequence, even one cut at the end of the file', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x92, 0x9c, 0xe9, 0x41, 0x81]))).toBe('€’œéA\u0081');
    const decoder = createCsvDecoder();
    expect(decoder.decode(new Uint8Array([0x41, 0xc3]))).toBe('A');
    expect(decoder.end()).toBe('Ã');
    expect(decoder.encoding).toBe('windows-1252');
  });
});

describe('control characters', () => {
  it('finds and removes NUL, other C0 controls, DEL, C1 controls and lone surrogates, not tab or line breaks', () => {
    expect(findInvalidCharacter('Ali\u0000ce')).toEqual({ index: 3, char: 'U+0000' });
    expect(findInvalidCharacter('a\u0085b')?.char).toBe('U+0085');
    expect(findInvalidCharacter('x\uD800')?.char).toBe('U+D800');
    expect(findInvalidCharacter('\uDC00x')?.char).toBe('U+DC00');
    expect(findInvalidCharacter('😀 a\tb\r\nc é')).toBeUndefined();
    expect(removeInvalidCharacters('A\u0000l\u001Fi\u007Fc\u009Fe')).toBe('Alice');
  });

  it('a control character in a cell is a row error on that field; the value is kept without it (a password is not kept)', () => {
    const text = [EN_HEADER, 'a@example.org,user,Creator,Ali\u0000ce,Smith,asmith01,Pivo\u0000ine-1a', 'b@example.org,user,Creator,Bob,Sm\u0007ith,bsmith01,Pivoine-1a'].join('\n');
    const result = parseCsvText(text, opts);
    expect(result.ok).toBe(true);
    expect(result.rows.map(codes)).toEqual([['firstName:control_character', 'password:control_character'], ['lastName:control_character']]);
    expect(result.rows[0]!.values).toMatchObject({ firstName: 'Alice', password: '' });
    expect(result.rows[1]!.values.lastName).toBe('Smith');
    expect(JSON.stringify(result.rows)).not.toMatch(/\\u0000|\\u0007/);
    const [nameError, passwordError] = result.rows[0]!.errors;
    expect(csvIssueMessage(nameError!, 'fr')).toBe('«\u00A0Prénom\u00A0» contient un caractère de contrôle invisible (U+0000)\u00A0; il a été retiré\u00A0: vérifiez la valeur puis enregistrez la ligne');
    expect(csvIssueMessage(nameError!, 'en')).toBe('First Name contains an invisible control character (U+0000); it was removed: check the value and save the row');
    expect(csvIssueMessage(passwordError!, 'fr')).toContain('saisissez-la de nouveau');
  });

  it('a control character in a header is a file error; the header is kept without it', () => {
    const result = parseCsvText(`Email,Ro\u0000le,User Type,First Name,Last Name,Username,Password\na@example.org,user,Creator,A,B,abcdef,Pivoine-1a\n`, opts);
    expect(result.ok).toBe(false);
    expect(result.fileErrors.map((e) => e.code)).toEqual(['control_character']);
    expect(result.fileErrors[0]!.columns).toEqual(['Role']);
    expect(result.header!.columns[1]!.header).toBe('Role');
    expect(csvIssueMessage(result.fileErrors[0]!, 'fr')).toContain('La colonne «\u00A0Role\u00A0» contient un caractère de contrôle invisible (U+0000)');
    expect(JSON.stringify(result)).not.toContain('\\u0000');
  });

  it('edited values with a control character get the same error, and are returned without it', () => {
    const result = createRowValidator(opts).validateValues({ email: 'a@example.org', role: 'user', userType: 'Creator', firstName: 'A\u0000nne', lastName: 'Smith', username: 'asmith01', password: 'Pivoine-1a' }, 2);
    expect(codes(result)).toEqual(['firstName:control_character']);
    expect(result.values.firstName).toBe('Anne');
  });
});

describe('values longer than their field allows', () => {
  it('are row errors on the field, kept cut to the maximum (saying so); a password is not kept', () => {
    const long = 'x'.repeat(10_000);
    const text = [EN_HEADER, `a@example.org,user,Creator,${long},Smith,${'u'.repeat(200)},${'a1'.repeat(200)}`, `${'e'.repeat(300)}@example.org,${'r'.repeat(150)},Creator,Jo,${'😀'.repeat(60)},jsmith01,Pivoine-1a`].join('\n');
    const [first, second] = parseCsvText(text, opts).rows;
    expect(codes(first)).toEqual(['firstName:value_too_long', 'username:username_length', 'password:password_too_long']);
    expect(first!.values.firstName).toBe('x'.repeat(100));
    expect(first!.values.username).toHaveLength(128);
    expect(first!.values.password).toBe('');
    expect(first!.errors[0]!.params).toMatchObject({ max: 100, length: 10_000, kept: 100 });
    expect(csvIssueMessage(first!.errors[0]!, 'fr')).toBe('«\u00A0Prénom\u00A0» doit comporter au plus 100 caractères (la valeur en avait 10000\u00A0; seuls les 100 premiers ont été gardés)');
    expect(csvIssueMessage(first!.errors[0]!, 'en')).toBe('First Name must have at most 100 characters (it had 10000; only the first 100 were kept)');
    expect(csvIssueMessage(first!.errors[2]!, 'en')).toBe('Password must have at most 256 characters (it had 400; it was not kept: type it again)');
    expect(codes(second)).toEqual(['email:value_too_long', 'role:value_too_long', 'lastName:value_too_long']);
    // 60 emoji are 120 code units: cut before the 50th emoji's second half, not inside it.
    expect(second!.values.lastName).toBe('😀'.repeat(50));
    expect(cutValue('a😀', 2)).toBe('a');
  });
});

describe('rows with fewer values than the header', () => {
  it('are a row error with nothing put in a column; trailing empty header columns and blank rows are no reason', () => {
    const text = [
      `${EN_HEADER},,`,
      'a@example.org,user,Creator,Anne,Smith,asmith01,Pivoine-1a',
      'b@example.org,user,Creator,bsmith01,Pivoine-1b',
      '',
      ',,,,',
      'c@example.org,user,Creator,Cleo,Smith,csmith01,Pivoine-1c,,',
      '',
    ].join('\n');
    const result = parseCsvText(text, opts);
    expect(result.rows.map((r) => [r.rowNumber, codes(r)])).toEqual([
      [2, []],
      [3, [':missing_cells']],
      [6, []],
    ]);
    expect(result.counts).toMatchObject({ total: 3, invalid: 1, blank: 2 });
    const short = result.rows[1]!;
    expect(short.values).toEqual({});
    expect(short.errors[0]!.params).toMatchObject({ cells: 5, columns: 7 });
    expect(csvIssueMessage(short.errors[0]!, 'fr')).toMatch(/^Cette ligne contient 5 valeurs alors que l’en-tête a 7 colonnes/);
    expect(csvIssueMessage(short.errors[0]!, 'en')).toMatch(/^This row has 5 values but the header has 7 columns/);
  });
});

describe('the error report', () => {
  it('leaves every password out (saying so, in the report’s language), also one shifted by missing or extra values', () => {
    const text = [
      EN_HEADER,
      'not-an-email,user,Creator,Anne,Smith,asmith01,Secret-111a',
      'b@example.org,user,Creator,Bob,bsmith01,Secret-222b',
      'c@example.org,user,Creator,Cleo,Smith,Jr,csmith01,Secret-333c',
    ].join('\n');
    const bad = parseCsvText(text, opts).rows.filter((r) => r.errors.length);
    expect(bad.map(codes)).toEqual([['email:invalid_email'], [':missing_cells'], [':extra_cells', 'username:username_length']]);
    for (const lang of ['en', 'fr'] as const) {
      const report = errorReportCsv(EN_HEADER.split(','), bad, lang);
      expect(report).not.toMatch(/Secret-/);
      const lines = report.split('\r\n');
      expect(lines[0]).toContain('Password');
      const notice = lang === 'fr' ? 'Le mot de passe n’est pas repris dans ce rapport : saisissez-le de nouveau.' : 'The password is left out of this report: type it again.';
      for (const line of lines.slice(1, 4)) expect(line).toContain(notice);
      expect(report).toContain('not-an-email');
      expect(report).toContain('Bob');
    }
  });
});
