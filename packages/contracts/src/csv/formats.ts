import { z } from 'zod';
import type { IdentityType, Language } from '../enums.ts';
import type { BatchMode } from '../members-batch.ts';

/** The three CSV import formats (decision 002): built-in, organization logins, LDAP. */
export const csvFormats = ['builtin', 'org-login', 'ldap'] as const;
export const CsvFormat = z.enum(csvFormats);
export type CsvFormat = z.infer<typeof CsvFormat>;

export const csvFields = ['email', 'role', 'userType', 'firstName', 'lastName', 'username', 'password', 'identityType'] as const;
export type CsvField = (typeof csvFields)[number];

export type CsvDelimiter = ',' | ';';

export interface CsvColumn {
  field: CsvField;
  /** Accepted header names; the first of each list is the canonical one (templates, messages). */
  /** The canonical name first. */
  names: { en: readonly [string, ...string[]]; fr: readonly [string, ...string[]] };
}

/**
 * Every column any format knows. Header cells are compared after {@link normalizeHeader},
 * so case, accents, apostrophes (' ’), spaces, hyphens and underscores never matter:
 * "E-mail", "email", "EMAIL ", "e_mail" are the same header.
 */
export const csvColumns: Readonly<Record<CsvField, CsvColumn>> = {
  email: {
    field: 'email',
    names: {
      en: ['Email', 'Email address', 'Mail'],
      fr: ['E-mail', 'Adresse électronique', 'Adresse e-mail', 'Adresse mail', 'Courriel', 'Adresse courriel', 'Mél'],
    },
  },
  role: { field: 'role', names: { en: ['Role'], fr: ['Rôle'] } },
  userType: { field: 'userType', names: { en: ['User Type'], fr: ['Type d’utilisateur', 'Type utilisateur'] } },
  firstName: { field: 'firstName', names: { en: ['First Name', 'Given name'], fr: ['Prénom'] } },
  lastName: { field: 'lastName', names: { en: ['Last Name', 'Surname', 'Family name'], fr: ['Nom', 'Nom de famille'] } },
  username: { field: 'username', names: { en: ['Username', 'Login'], fr: ['Nom d’utilisateur', 'Identifiant', 'Login'] } },
  password: { field: 'password', names: { en: ['Password', 'Temporary password'], fr: ['Mot de passe', 'Mot de passe temporaire'] } },
  identityType: {
    field: 'identityType',
    // "Type d’entité" is what the product's French CSV help calls this column: files made from it must import.
    names: { en: ['Identity Type'], fr: ['Type d’identité', 'Type d’entité'] },
  },
};

/**
 * The longest value each field takes (the member schemas' maxima; role, user type and
 * identity type as the batch schema bounds them). An uploaded value longer than this is a row
 * error and is stored cut to it (a password is not stored at all), so a stored row always
 * fits the API's response schema (`ImportRowValues`, at most {@link CSV_VALUE_MAX}).
 */
export const csvFieldMaxLength: Readonly<Record<CsvField, number>> = {
  email: 254,
  role: 100,
  userType: 100,
  firstName: 100,
  lastName: 100,
  username: 128,
  password: 256,
  identityType: 100,
};

/** The longest value an import row holds or accepts in an edit (every field's maximum is below it). */
export const CSV_VALUE_MAX = 1000;

/** The columns of each format, in template order. */
export const csvFormatFields: Readonly<Record<CsvFormat, readonly CsvField[]>> = {
  builtin: ['email', 'role', 'userType', 'firstName', 'lastName', 'username', 'password'],
  'org-login': ['email', 'role', 'userType', 'firstName', 'lastName', 'username', 'identityType'],
  ldap: ['username', 'role', 'userType'],
};

/** What a file must contain; `identityTypesConfigured` only matters for organization logins. */
export interface CsvFormatContext {
  format: CsvFormat;
  mode: BatchMode;
  /** The organization's configured enterprise login types (only 'saml' and 'oidc' matter). */
  identityTypesConfigured?: readonly IdentityType[];
}

export interface CsvFieldRule {
  /** The header must name this column. */
  columnRequired: boolean;
  /** Every row must give a value. */
  valueRequired: boolean;
  /** Every row must leave it empty (passwords when members are invited by email). */
  valueForbidden: boolean;
}

export function bothOrgLoginTypes(types: readonly IdentityType[] | undefined): boolean {
  return !!types && types.includes('saml') && types.includes('oidc');
}

/** Required-ness of one field in a format and mode; undefined when the format has no such column. */
export function csvFieldRule(ctx: CsvFormatContext, field: CsvField): CsvFieldRule | undefined {
  if (!csvFormatFields[ctx.format].includes(field)) return undefined;
  if (field === 'password') {
    const credentials = ctx.mode === 'credentials';
    return { columnRequired: credentials, valueRequired: credentials, valueForbidden: !credentials };
  }
  if (field === 'identityType') {
    const both = bothOrgLoginTypes(ctx.identityTypesConfigured);
    return { columnRequired: both, valueRequired: both, valueForbidden: false };
  }
  return { columnRequired: true, valueRequired: true, valueForbidden: false };
}

/** The columns a template or an error report shows for this context. */
export function csvTemplateFields(ctx: CsvFormatContext): CsvField[] {
  return csvFormatFields[ctx.format].filter((f) => csvFieldRule(ctx, f)?.columnRequired);
}

/** Canonical header name of a field in a language ("Username" / "Nom d’utilisateur"). */
export function csvColumnLabel(field: CsvField, lang: Language): string {
  return csvColumns[field].names[lang][0];
}

/**
 * Header (and role / user type) comparison key: lower case, accents and ligatures folded,
 * and everything but letters and digits dropped (apostrophes, spaces, hyphens, underscores,
 * dots, a stray BOM or non-breaking space). "Type d’utilisateur " → "typedutilisateur".
 */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '');
}

export interface CsvHeaderMatch {
  field: CsvField;
  /** Which language the header name belongs to; 'any' when it is spelt the same in both. */
  lang: Language | 'any';
}

const headerIndex: ReadonlyMap<string, CsvHeaderMatch> = (() => {
  const langsOf = new Map<string, { field: CsvField; langs: Set<Language> }>();
  for (const column of Object.values(csvColumns)) {
    for (const lang of ['en', 'fr'] as const) {
      for (const name of column.names[lang]) {
        const key = normalizeHeader(name);
        const seen = langsOf.get(key);
        if (seen && seen.field !== column.field) throw new Error(`CSV header "${name}" is claimed by two fields`);
        if (seen) seen.langs.add(lang);
        else langsOf.set(key, { field: column.field, langs: new Set([lang]) });
      }
    }
  }
  const index = new Map<string, CsvHeaderMatch>();
  for (const [key, { field, langs }] of langsOf) {
    const [only] = langs;
    index.set(key, { field, lang: langs.size > 1 || !only ? 'any' : only });
  }
  return index;
})();

/** The field a header cell names, in any accepted language or spelling; undefined when unknown. */
export function matchCsvHeader(cell: string): CsvHeaderMatch | undefined {
  return headerIndex.get(normalizeHeader(cell));
}
