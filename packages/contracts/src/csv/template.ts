import type { IdentityType, Language } from '../enums.ts';
import type { BatchMode } from '../members-batch.ts';
import { csvColumnLabel, csvTemplateFields, type CsvDelimiter, type CsvField, type CsvFormat } from './formats.ts';
import { defaultDelimiter, toCsv } from './write.ts';

/**
 * The example member of the CSV help (packages/contracts/test/csv-fixtures.ts): Jon Cho, jcho11. Role and user
 * type are given by key ("publisher", "creator"), which works whatever the language.
 */
const example: Record<CsvFormat, Record<CsvField, string>> = {
  builtin: {
    email: 'jcho11@email.com',
    role: 'publisher',
    userType: 'creator',
    firstName: 'Jon',
    lastName: 'Cho',
    username: 'jcho11',
    password: 'jcho.1234',
    identityType: '',
  },
  'org-login': {
    email: 'jcho@email.com',
    role: 'publisher',
    userType: 'creator',
    firstName: 'Jon',
    lastName: 'Cho',
    username: 'jcho11',
    password: '',
    identityType: 'SAML',
  },
  ldap: { email: '', role: 'publisher', userType: 'creator', firstName: '', lastName: '', username: 'jcho11', password: '', identityType: '' },
};

export interface CsvTemplateOptions {
  /** Organization logins: the Identity Type column is included when both SAML and OIDC are configured. */
  identityTypesConfigured?: readonly IdentityType[];
  /** Default: ";" in French (what French Excel expects on double-click), "," in English. */
  delimiter?: CsvDelimiter;
  /** Replaces example values (e.g. a role key that exists in the organization). */
  example?: Partial<Record<CsvField, string>>;
}

/**
 * The downloadable template: UTF-8 with a BOM (so Excel shows accents), the header row in the
 * user's language and one example row. Columns: those the format requires in this mode (no
 * Password column when members are invited by email).
 */
export function csvTemplate(format: CsvFormat, lang: Language, mode: BatchMode, options: CsvTemplateOptions = {}): string {
  const fields = csvTemplateFields({ format, mode, identityTypesConfigured: options.identityTypesConfigured });
  const values = { ...example[format], ...options.example };
  return toCsv(
    [fields.map((f) => csvColumnLabel(f, lang)), fields.map((f) => values[f])],
    { delimiter: options.delimiter ?? defaultDelimiter(lang), bom: true },
  );
}

/** The template's download name, e.g. "modele-membres-builtin.csv". */
export function csvTemplateFileName(format: CsvFormat, lang: Language): string {
  return lang === 'fr' ? `modele-membres-${format}.csv` : `members-template-${format}.csv`;
}
