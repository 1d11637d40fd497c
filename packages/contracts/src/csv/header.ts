import type { Language } from '../enums.ts';
import { csvColumnLabel, csvFieldRule, csvFormatFields, matchCsvHeader, type CsvField, type CsvFormatContext } from './formats.ts';
import { fileIssue, type CsvFileIssue } from './messages.ts';
import { findInvalidCharacter, removeInvalidCharacters } from './text.ts';

// The header row of a CSV file: which columns it has, in which language, and what is wrong
// with it at the file level (missing, duplicate, unknown or unused columns).

export interface CsvHeaderColumn {
  index: number;
  header: string;
  field: CsvField | null;
}

export interface CsvHeaderResult {
  /** False when a file-level error makes row validation pointless (missing or duplicate columns). */
  ok: boolean;
  /** The language the header is written in (the option `lang`, else English, when it doesn't tell). */
  language: Language;
  columns: CsvHeaderColumn[];
  errors: CsvFileIssue[];
  warnings: CsvFileIssue[];
}

/** A read header: its result, and what the row rules need from it. */
export interface CsvHeader {
  result: CsvHeaderResult;
  /** Cell index of each field present in the header (its first column when it is repeated). */
  fieldIndex: [CsvField, number][];
  /** Cells a row must have: up to the header's last named column (Excel's empty trailing columns don't count). */
  usedWidth: number;
}

const labelList = (fields: readonly CsvField[], lang: Language) => fields.map((f) => csvColumnLabel(f, lang));

/** Reads the header row of a file of `options.format`. */
export function readCsvHeader(cells: readonly string[], options: CsvFormatContext & { lang?: Language }): CsvHeader {
  const formatFields = csvFormatFields[options.format];
  const columns: CsvHeaderColumn[] = [];
  const votes = { en: 0, fr: 0 };
  const byField = new Map<CsvField, CsvHeaderColumn[]>();
  const unknown: CsvHeaderColumn[] = [];
  const unused: CsvHeaderColumn[] = [];
  const controlled: { column: string; char: string }[] = [];
  cells.forEach((raw, index) => {
    const bad = findInvalidCharacter(raw);
    // Never kept as read: the header is stored with the job, and PostgreSQL refuses NUL.
    const headerText = removeInvalidCharacters(raw.replace(/^\uFEFF/, '')).trim();
    if (bad) controlled.push({ column: headerText, char: bad.char });
    const match = headerText ? matchCsvHeader(headerText) : undefined;
    const column: CsvHeaderColumn = { index, header: headerText, field: null };
    columns.push(column);
    if (!headerText) return; // Excel's trailing empty columns: nothing to say.
    if (!match) return void unknown.push(column);
    if (match.lang !== 'any') votes[match.lang]++;
    if (!formatFields.includes(match.field)) return void unused.push(column);
    column.field = match.field;
    byField.set(match.field, [...(byField.get(match.field) ?? []), column]);
  });
  const language: Language = votes.fr > votes.en ? 'fr' : votes.en > votes.fr ? 'en' : (options.lang ?? 'en');
  const errors: CsvFileIssue[] = [];
  const warnings: CsvFileIssue[] = [];
  const quote = (s: string) => (language === 'fr' ? `« ${s} »` : `"${s}"`);

  if (cells.every((c) => !c.replace(/^\uFEFF/, '').trim())) {
    errors.push(fileIssue('empty_file'));
  } else {
    if (cells.some((c) => c.includes('\uFFFD'))) errors.push(fileIssue('not_utf8'));
    for (const c of controlled) errors.push(fileIssue('control_character', c, [c.column]));
    const missing = formatFields.filter((f) => csvFieldRule(options, f)?.columnRequired && !byField.has(f));
    if (missing.length) {
      const names = labelList(missing, language);
      const expected = labelList(
        formatFields.filter((f) => csvFieldRule(options, f)?.columnRequired),
        language,
      );
      errors.push(
        fileIssue('missing_column', { columns: names.join(', '), count: names.length, expected: expected.join(', ') }, names),
      );
    }
    for (const [field, list] of byField) {
      if (list.length < 2) continue;
      const names = list.map((c) => c.header);
      errors.push(
        fileIssue('duplicate_column', { columns: names.map(quote).join(', '), label: csvColumnLabel(field, language) }, names),
      );
    }
  }
  for (const c of unknown) warnings.push(fileIssue('unknown_column', { column: c.header }, [c.header]));
  for (const c of unused) warnings.push(fileIssue('unused_column', { column: c.header }, [c.header]));

  const fieldIndex = [...byField].flatMap(([field, [first]]): [CsvField, number][] => (first ? [[field, first.index]] : []));
  const usedWidth = columns.reduce((w, c) => (c.header ? c.index + 1 : w), 0);
  return { result: { ok: errors.length === 0, language, columns, errors, warnings }, fieldIndex, usedWidth };
}
