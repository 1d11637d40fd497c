import Papa from 'papaparse';
import type { Language } from '../enums.ts';
import { matchCsvHeader, normalizeHeader, type CsvDelimiter } from './formats.ts';
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
  /**
   * How many cells the row had in the file, when `cells` was rebuilt (default: `cells.length`);
   * used for a row with missing or extra values, whose password may sit in another column.
   */
  cellCount?: number;
}

const ERRORS_HEADER: Record<Language, string> = { en: 'Errors', fr: 'Erreurs' };

/** Said in the Errors column of each row whose password was left out. */
const PASSWORD_LEFT_OUT: Record<Language, string> = {
  en: 'The password is left out of this report: type it again.',
  fr: 'Le mot de passe n’est pas repris dans ce rapport : saisissez-le de nouveau.',
};

const SHIFTING_ERRORS = new Set(['missing_cells', 'extra_cells']);

/**
 * The row's cells with every cell that may hold its password emptied: the Password column,
 * and for a row with k values missing (extra), the k columns before (after) it, where the
 * password lands when a value is missing (an unquoted separator) earlier in the row.
 * Returns whether a non-empty cell was emptied.
 */
function withoutPassword(cells: string[], row: ErrorReportRow, passwordAt: number, usedWidth: number, width: number): boolean {
  let from = passwordAt;
  let to = passwordAt;
  if (row.errors.some((e) => e.code && SHIFTING_ERRORS.has(e.code))) {
    const count = row.cellCount ?? row.cells.length;
    if (count < usedWidth) from = Math.max(0, passwordAt - (usedWidth - count));
    else if (count > width) to = passwordAt + (count - width);
  }
  let emptied = false;
  for (let i = from; i <= to && i < cells.length; i++) {
    if (cells[i]) emptied = true;
    cells[i] = '';
  }
  return emptied;
}
const errorHeaderKeys = new Set(Object.values(ERRORS_HEADER).map(normalizeHeader));

/**
 * The rows to fix, as a CSV to open in Excel and upload again: the file's own columns plus
 * an "Errors" ("Erreurs") column, BOM-prefixed. On upload the errors column is reported as an
 * unknown column and ignored. A report of a report replaces the old errors column.
 * Passwords are never written (every other answer of the API masks them): the Password
 * column stays, empty, so that the report uploads again once they are typed, and each row
 * whose password was left out says so in its Errors cell.
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
  const passwordAt = header.findIndex((h) => matchCsvHeader(h)?.field === 'password');
  const usedWidth = header.reduce((w, h, i) => (h.trim() ? i + 1 : w), 0);
  const separator = lang === 'fr' ? ' ; ' : '; ';
  for (const row of rows) {
    const cells = [...row.cells];
    const messages = row.errors.map((e) => csvIssueMessage(e, lang));
    if (passwordAt >= 0 && withoutPassword(cells, row, passwordAt, usedWidth, header.length)) messages.push(PASSWORD_LEFT_OUT[lang]);
    out.push([...pick(cells), messages.join(separator), ...cells.slice(header.length)]);
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
