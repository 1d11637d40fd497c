import type { Language } from '../enums.ts';
import type { CsvField } from './formats.ts';
import { messageFor, refusalMessage } from '../messages/table.ts';
import type { CsvFileIssueCode, CsvRowIssueCode } from './codes.ts';

export { csvFileIssueCodes, csvRowIssueCodes, type CsvFileIssueCode, type CsvRowIssueCode } from './codes.ts';

// The wording of every code is in the one table of refusals (../messages/table.ts).
export type CsvIssueParams = Record<string, string | number>;

/** One row problem. `message` is English; translate with {@link csvIssueMessage} or by `code` + `params`. */
export interface CsvIssue {
  /** The column concerned; null for the row as a whole. */
  field: CsvField | null;
  code: CsvRowIssueCode;
  message: string;
  params?: CsvIssueParams;
}

export interface CsvFileIssue {
  code: CsvFileIssueCode;
  message: string;
  /** Header names concerned, in the file's language (missing, duplicate or unknown columns). */
  columns?: string[];
  params?: CsvIssueParams;
}

/** The English wording of a code (what `message` holds). */
export function csvMessage(code: CsvRowIssueCode | CsvFileIssueCode, params: CsvIssueParams = {}, lang: Language = 'en'): string {
  return messageFor(code, params, lang);
}

/** An issue's text in the user's language. */
export function csvIssueMessage(issue: { code?: string; message: string; params?: CsvIssueParams }, lang: Language): string {
  return refusalMessage(issue, lang);
}

export function rowIssue(field: CsvField | null, code: CsvRowIssueCode, params?: CsvIssueParams): CsvIssue {
  const withField = { ...(params ?? {}), ...(field ? { field } : {}) };
  return { field, code, message: csvMessage(code, withField), params: withField };
}

export function fileIssue(code: CsvFileIssueCode, params: CsvIssueParams = {}, columns?: string[]): CsvFileIssue {
  return { code, message: csvMessage(code, params), params, ...(columns ? { columns } : {}) };
}
