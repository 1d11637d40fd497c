import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCsvStreamParser,
  csvColumnLabel,
  csvFormats,
  csvRowIssueCodes,
  csvTemplateFields,
  parseCsvText,
  type CsvFormat,
  type CsvParseOptions,
  type CsvRowResult,
} from '../src/index.ts';
import { lookups } from './csv-fixtures.ts';

const optionsFor = (format: CsvFormat): CsvParseOptions => ({
  format,
  mode: 'credentials',
  lookups,
  identityTypesConfigured: ['saml', 'oidc'],
});

/** Every row is accounted for: no errors and every required value present, or explained errors. */
function expectExplained(rows: readonly CsvRowResult[]) {
  let previous = 1;
  for (const row of rows) {
    expect(row.rowNumber).toBeGreaterThan(previous);
    previous = row.rowNumber;
    for (const issue of [...row.errors, ...row.warnings]) {
      expect(csvRowIssueCodes).toContain(issue.code);
      expect(issue.message.length).toBeGreaterThan(0);
    }
    if (row.errors.length === 0) {
      expect(Object.values(row.values).some((v) => v !== '')).toBe(true);
      expect(row.values.username).toBeTruthy();
    }
  }
}

/** Splits a text at random places and streams it. */
function streamed(text: string, cuts: number[], options: CsvParseOptions) {
  const rows: CsvRowResult[] = [];
  const parser = createCsvStreamParser(options, (r) => rows.push(r));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(text.length, cut);
    if (to > at) parser.write(text.slice(at, to));
    at = Math.max(at, to);
  }
  parser.write(text.slice(at));
  return { ...parser.end(), rows };
}

/** An independent, deliberately simple CSV writer (always quotes what could be ambiguous). */
function serialize(rows: readonly (readonly string[])[], delimiter: string, eol: string, quoteAll: boolean): string {
  const cell = (v: string) => (quoteAll || /[",;\r\n]/.test(v) || v.startsWith('\uFEFF') ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => r.map(cell).join(delimiter)).join(eol) + eol;
}

const nastyChar = fc.constantFrom('a', 'Z', '7', 'é', 'ß', ' ', '\t', '"', ',', ';', '\n', '\r', '=', '@', '-', '+', "'", '’', '.', '\u00a0', '\uFEFF', '😀');
const nastyCell = fc.oneof(
  fc.string({ unit: nastyChar, maxLength: 12 }),
  fc.constantFrom('', 'jcho11@email.com', 'publisher', 'Creator', 'viewer', 'Jon', 'jcho11', 'jcho.1234', 'SAML', '=1+2', "'=x"),
);

describe('property: the parser never throws and never drops a row', () => {
  it('random bytes, alone or after a valid header', () => {
    fc.assert(
      fc.property(fc.constantFrom(...csvFormats), fc.uint8Array({ maxLength: 600 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 5 }), (format, bytes, withHeader, cuts) => {
        const header = withHeader ? csvTemplateFields({ format, mode: 'credentials', identityTypesConfigured: ['saml', 'oidc'] }).map((f) => csvColumnLabel(f, 'en')).join(',') + '\n' : '';
        const text = header + new TextDecoder().decode(bytes);
        const result = parseCsvText(text, optionsFor(format));
        expectExplained(result.rows);
        expect(result.rows.length).toBe(result.counts.total);
        expect(result.counts.valid + result.counts.invalid).toBe(result.counts.total);
        if (!result.ok) expect(result.fileErrors.length).toBeGreaterThan(0);
        const chunked = streamed(text, cuts.map((c) => c % (text.length + 1)), optionsFor(format));
        expect(chunked.rows).toEqual(result.rows);
      }),
      { numRuns: Number(process.env.CSV_FC_RUNS ?? 400) },
    );
  });

  it('random text full of quotes, separators and line breaks after a valid header', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...csvFormats),
        fc.string({ unit: nastyChar, maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (format, body, cuts) => {
          const header = csvTemplateFields({ format, mode: 'credentials', identityTypesConfigured: ['saml', 'oidc'] }).map((f) => csvColumnLabel(f, 'fr'));
          const text = `${header.join(';')}\r\n${body}`;
          const result = parseCsvText(text, optionsFor(format));
          expectExplained(result.rows);
          expect(result.counts.total).toBe(result.rows.length);
          const chunked = streamed(text, cuts.map((c) => c % (text.length + 1)), optionsFor(format));
          expect(chunked.rows).toEqual(result.rows);
          expect(chunked.counts).toEqual(result.counts);
        },
      ),
      { numRuns: Number(process.env.CSV_FC_RUNS ?? 400) },
    );
  });

  it('random CSV: rows in = rows out, cells intact, same result however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...csvFormats),
        fc.constantFrom('en', 'fr'),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.array(nastyCell, { minLength: 1, maxLength: 9 }), { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        (format, lang, delimiter, eol, bom, quoteAll, rows, cuts, extraColumn, order) => {
          const fields = csvTemplateFields({ format, mode: 'credentials', identityTypesConfigured: ['saml', 'oidc'] });
          const header = fields
            .map((f, i) => ({ name: csvColumnLabel(f, lang), key: order[i]! }))
            .sort((a, b) => a.key - b.key)
            .map((h) => h.name);
          if (extraColumn) header.push('Notes');
          const text = (bom ? '\uFEFF' : '') + serialize([header, ...rows], delimiter, eol, quoteAll);
          const options = optionsFor(format);
          const result = parseCsvText(text, options);

          expect(result.fileErrors.filter((e) => e.code !== 'no_rows')).toEqual([]);
          expect(result.delimiter).toBe(delimiter);
          expect(result.bom).toBe(bom);
          const nonBlank = rows.map((r, i) => ({ r, rowNumber: i + 2 })).filter(({ r }) => r.some((c) => c.trim() !== ''));
          expect(result.rows.length).toBe(nonBlank.length);
          expect(result.counts.blank).toBe(rows.length - nonBlank.length);
          expect(result.rows.map((r) => r.rowNumber)).toEqual(nonBlank.map((x) => x.rowNumber));
          const lastCr = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c.replace(/\r$/, '') : c));
          expect(result.rows.map((r) => r.cells)).toEqual(nonBlank.map((x) => lastCr(x.r)));
          expectExplained(result.rows);

          const chunked = streamed(text, cuts.map((c) => c % (text.length + 1)), options);
          expect(chunked.rows).toEqual(result.rows);
          expect(chunked.counts).toEqual(result.counts);
        },
      ),
      { numRuns: Number(process.env.CSV_FC_RUNS ?? 300) },
    );
  });
});
