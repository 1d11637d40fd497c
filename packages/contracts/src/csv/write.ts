import Papa from 'papaparse';
import type { Language } from '../enums.ts';
import { normalizeHeader, type CsvDelimiter } from './formats.ts';
import { csvIssueMessage, type CsvIssueParams } from './messages.ts';

export const UTF8_BOM = '\uFEFF';

/**
 * Cells a spreadsheet could run as a formula start with = + - @ tab or CR (OWASP "CSV
 * injection"). Such a cell is written with a leading apostrophe. Cells that already start
 * with apostrophes followed by one of those characters get one more apostrophe, so that
 * {@link unneutraliseCell} (applied on import) gives back exactly the original value.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Inverse of {@link neutraliseCell}: drops the apostrophe the product added when it wrote the file. */
export function unneutraliseCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

export interface ToCsvOptions {
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte order mark so that Excel reads accents correctly. */
  bom?: boolean;
}

/**
 * Rows to CSV text: CRLF line ends (what Excel writes), values quoted when they contain the
 * delimiter, a quote, a line break or edge spaces, and formula-like cells neutralised.
 */
export function toCsv(rows: readonly (readonly string[])[], options: ToCsvOptions = {}): string {
  const body = Papa.unparse(rows as string[][], {
    delimiter: options.delimiter ?? ',',
    newline: '\r\n',
    quotes: false,
    escapeFormulae: FORMULA_START,
  });
  return `${options.bom ? UTF8_BOM : ''}${body}${rows.length ? '\r\n' : ''}`;
}

export interface ErrorReportRow {
  /** The row's cells as they were in the file (or rebuilt with {@link valuesToCells}). */
  cells: readonly string[];
  errors: readonly { code?: string; message: string; params?: CsvIssueParams }[];
}

const ERRORS_HEADER: Record<Language, string> = { en: 'Errors', fr: 'Erreurs' };
const errorHeaderKeys = new Set(Object.values(ERRORS_HEADER).map(normalizeHeader));

/**
 * The rows to fix, as a CSV to open in Excel and upload again: the file's own columns plus
 * an "Errors" ("Erreurs") column, BOM-prefixed. On upload the errors column is reported as an
 * unknown column and ignored. A report of a report replaces the old errors column.
 */
export function errorReportCsv(
  header: readonly string[],
  rows: readonly ErrorReportRow[],
  lang: Language,
  options: { delimiter?: CsvDelimiter } = {},
): string {
  const keep = header.map((h) => !errorHeaderKeys.has(normalizeHeader(h)));
  const pick = (cells: readonly string[]) => header.map((_, i) => cells[i] ?? '').filter((_, i) => keep[i]);
  const out: string[][] = [[...pick(header), ERRORS_HEADER[lang]]];
  for (const row of rows) {
    const errors = row.errors.map((e) => csvIssueMessage(e, lang)).join(lang === 'fr' ? ' ; ' : '; ');
    out.push([...pick(row.cells), errors, ...row.cells.slice(header.length)]);
  }
  return toCsv(out, { delimiter: options.delimiter ?? defaultDelimiter(lang), bom: true });
}

/**
 * The separator French Excel expects when a file is opened by double-click (the French list
 * separator is ";"); English Excel expects ",". Both are accepted on upload.
 */
export function defaultDelimiter(lang: Language): CsvDelimiter {
  return lang === 'fr' ? ';' : ',';
}
