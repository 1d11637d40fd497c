import { aboveOwnParams, incompatibleRoleParams, roleCompatible, type RoleRefusal } from '../rules/roles.ts';
import { administratorRefusalParams } from '../rules/administrator.ts';
import type { z } from 'zod';
import type { Language } from '../enums.ts';
import { Password } from '../auth.ts';
import { Email, PersonName, Username, formatUsername } from '../members-batch.ts';
import {
  csvColumnLabel,
  csvFieldMaxLength,
  csvFieldRule,
  csvFormatFields,
  matchCsvHeader,
  type CsvField,
  type CsvFormatContext,
} from './formats.ts';
import { LookupIndex, type CsvLookups, type CsvRoleLookup, type CsvUserTypeLookup } from './lookups.ts';
import { fileIssue, rowIssue, type CsvFileIssue, type CsvIssue } from './messages.ts';
import { cutValue, findInvalidCharacter, removeInvalidCharacters } from './text.ts';
import { unneutraliseCell } from './write.ts';

export interface CsvValidatorOptions extends CsvFormatContext {
  /** Roles and user types of the organization. Without them role and user type are only checked for presence. */
  lookups?: CsvLookups;
  /**
   * False when the Administrator role can't be given at creation (the organization's setting,
   * and always in invite mode). Not checked when omitted; the API checks again at commit.
   */
  administratorRoleAllowed?: boolean;
  /**
   * Roles (ids) the uploader may not give, and why ({@link roleRefusalsFor} of the rules module:
   * the Administrator role from a non-administrator, a role above the uploader's own levels).
   */
  roleRefusals?: ReadonlyMap<string, NonNullable<RoleRefusal>>;
  /** Usernames already taken in the organization (server side); not checked when omitted. */
  usernameTaken?: (username: string) => boolean;
  /** The organization's username format, to suggest a username when the cell is empty. */
  usernameFormat?: string;
  /** Language used to name columns in file-level messages when the header doesn't tell. */
  lang?: Language;
}

export type CsvRowValues = Partial<Record<CsvField, string>>;

export interface CsvResolved {
  roleId?: string;
  userTypeId?: string;
  identityType?: 'saml' | 'oidc';
}

export interface CsvRowResult {
  /** Record number as a spreadsheet shows it: the header is row 1. */
  rowNumber: number;
  /** Trimmed values of the format's columns present in the header. */
  values: CsvRowValues;
  /** Ids the values resolve to (whatever could be resolved, even when the row has errors). */
  resolved: CsvResolved;
  errors: CsvIssue[];
  warnings: CsvIssue[];
  /** The row's raw cells, for the error report. */
  cells: string[];
}

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

export interface CsvRowValidator {
  /** Reads the header row. Must be called once, before `row`. */
  header(cells: readonly string[]): CsvHeaderResult;
  /** Validates one data row, tracking usernames seen so far for duplicates. */
  row(cells: readonly string[], rowNumber: number): CsvRowResult;
  /**
   * Validates values edited after upload (PATCH of a row), without duplicate tracking: the
   * caller checks the username against the other stored rows.
   */
  validateValues(values: CsvRowValues, rowNumber: number): CsvRowResult;
  readonly headerResult: CsvHeaderResult | undefined;
}

const labelList = (fields: readonly CsvField[], lang: Language) => fields.map((f) => csvColumnLabel(f, lang));

/** Maps values back onto a header's cells (for an error report built from stored values). */
export function valuesToCells(header: readonly string[], values: CsvRowValues): string[] {
  return header.map((h) => {
    const field = matchCsvHeader(h)?.field;
    return (field && values[field]) ?? '';
  });
}

export function createRowValidator(options: CsvValidatorOptions): CsvRowValidator {
  const formatFields = csvFormatFields[options.format];
  const roles = options.lookups ? new LookupIndex<CsvRoleLookup>(options.lookups.roles) : undefined;
  const userTypes = options.lookups ? new LookupIndex<CsvUserTypeLookup>(options.lookups.userTypes) : undefined;
  const rolesById = new Map(options.lookups?.roles.map((r) => [r.id, r]));
  const userTypesById = new Map(options.lookups?.userTypes.map((u) => [u.id, u]));
  const configuredTypes = (options.identityTypesConfigured ?? []).filter((t): t is 'saml' | 'oidc' => t === 'saml' || t === 'oidc');
  const seenUsernames = new Map<string, number>();
  let headerResult: CsvHeaderResult | undefined;
  /** Cell index of each field present in the header. */
  let fieldIndex: [CsvField, number][] = [];
  /** Cells a row must have: up to the header's last named column (Excel's empty trailing columns don't count). */
  let usedWidth = 0;

  function header(cells: readonly string[]): CsvHeaderResult {
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

    fieldIndex = [...byField].map(([field, list]) => [field, list[0]!.index]);
    usedWidth = columns.reduce((w, c) => (c.header ? c.index + 1 : w), 0);
    headerResult = { ok: errors.length === 0, language, columns, errors, warnings };
    return headerResult;
  }

  function row(rawCells: readonly string[], rowNumber: number): CsvRowResult {
    if (!headerResult) throw new Error('createRowValidator: call header() before row()');
    // The cells as stored for the error report: never with a character the database refuses.
    const cells = rawCells.map(removeInvalidCharacters);
    if (rawCells.length < usedWidth) {
      // A value is missing somewhere: the others can't be put in their columns (reading them
      // in order would shift them, the username landing in the last name), so none is.
      return { rowNumber, values: {}, resolved: {}, errors: [rowIssue(null, 'missing_cells', { cells: rawCells.length, columns: usedWidth })], warnings: [], cells };
    }
    const values: CsvRowValues = {};
    const warnings: CsvIssue[] = [];
    const errors: CsvIssue[] = [];
    const found = new Map<CsvField, CsvIssue>();
    for (const [field, index] of fieldIndex) {
      const value = readValue(field, rawCells[index] ?? '', warnings, found);
      values[field] = value;
    }
    const width = headerResult.columns.length;
    if (rawCells.length > width && rawCells.slice(width).some((c) => c.trim() !== '')) {
      errors.push(rowIssue(null, 'extra_cells', { cells: rawCells.length, columns: width }));
    }
    const result = check(values, rowNumber, cells, errors, warnings, found);
    const username = values.username;
    if (username && formatFields.includes('username')) {
      const first = seenUsernames.get(username);
      if (first !== undefined) result.errors.push(rowIssue('username', 'duplicate_in_file', { username, firstRow: first }));
      else seenUsernames.set(username, rowNumber);
    }
    return result;
  }

  /**
   * A cell's value: control characters removed and the value cut to the field's maximum, each
   * with its error in `found` (the value is then not checked further); a password is dropped
   * rather than changed behind the administrator's back.
   */
  function readValue(field: CsvField, cell: string, warnings: CsvIssue[], found: Map<CsvField, CsvIssue>): string {
    const bad = findInvalidCharacter(cell);
    const raw = unneutraliseCell(bad ? removeInvalidCharacters(cell) : cell);
    let value = raw.trim();
    if (value !== raw && value) warnings.push(rowIssue(field, 'trimmed'));
    if (bad) {
      found.set(field, rowIssue(field, 'control_character', { char: bad.char, ...(field === 'password' ? { cleared: 1 } : {}) }));
      if (field === 'password') return '';
    }
    const max = csvFieldMaxLength[field];
    if (value.length <= max) return value;
    const length = value.length;
    if (field === 'password') {
      if (!bad) found.set(field, rowIssue(field, 'password_too_long', { max, length }));
      return '';
    }
    value = cutValue(value, max).trimEnd();
    if (!bad) {
      found.set(
        field,
        field === 'username'
          ? rowIssue(field, 'username_length', { min: 6, max, length, kept: value.length })
          : rowIssue(field, 'value_too_long', { max, length, kept: value.length }),
      );
    }
    return value;
  }

  function validateValues(input: CsvRowValues, rowNumber: number): CsvRowResult {
    const values: CsvRowValues = {};
    const warnings: CsvIssue[] = [];
    const found = new Map<CsvField, CsvIssue>();
    for (const field of formatFields) {
      const raw = input[field];
      if (raw === undefined) continue;
      const bad = findInvalidCharacter(raw);
      values[field] = removeInvalidCharacters(raw).trim();
      if (bad) {
        // The API refuses such an edit (400) before it gets here; other callers get the upload's error.
        found.set(field, rowIssue(field, 'control_character', { char: bad.char, ...(field === 'password' ? { cleared: 1 } : {}) }));
        if (field === 'password') values[field] = '';
      }
      if (values[field] !== raw && values[field] && !bad) warnings.push(rowIssue(field, 'trimmed'));
    }
    return check(values, rowNumber, [], [], warnings, found);
  }

  function check(
    values: CsvRowValues,
    rowNumber: number,
    cells: string[],
    errors: CsvIssue[],
    warnings: CsvIssue[],
    found: ReadonlyMap<CsvField, CsvIssue> = new Map(),
  ): CsvRowResult {
    const resolved: CsvResolved = {};
    const fieldErrors = new Set<CsvField>();
    const fail = (issue: CsvIssue) => {
      errors.push(issue);
      if (issue.field) fieldErrors.add(issue.field);
    };

    for (const field of formatFields) {
      const rule = csvFieldRule(options, field)!;
      const value = values[field] ?? '';
      const known = found.get(field);
      if (known) {
        fail(known);
        continue;
      }
      if (value.includes('\uFFFD')) {
        fail(rowIssue(field, 'not_utf8'));
        continue;
      }
      if (!value) {
        if (rule.valueRequired) {
          const suggestion =
            field === 'username' && options.usernameFormat && (values.firstName || values.lastName || values.email)
              ? formatUsername(options.usernameFormat, {
                  firstName: values.firstName ?? '',
                  lastName: values.lastName ?? '',
                  email: values.email ?? '',
                })
              : undefined;
          fail(rowIssue(field, 'required', suggestion ? { suggestion } : undefined));
        }
        continue;
      }
      if (rule.valueForbidden) {
        fail(rowIssue(field, 'password_not_allowed'));
        continue;
      }
      const issue = checkValue(field, value, resolved);
      if (issue) fail(issue);
    }

    if (resolved.roleId && resolved.userTypeId) {
      const chosen = rolesById.get(resolved.roleId);
      const userType = userTypesById.get(resolved.userTypeId);
      if (chosen && userType && !roleCompatible(userType, chosen.id)) {
        const compatible = userType.compatibleRoleIds.map((id) => rolesById.get(id)).filter((r) => r !== undefined);
        fail(rowIssue('role', 'incompatible_role', incompatibleRoleParams(chosen, userType, compatible)));
      }
    }
    // The rules module's order, as the API's: compatibility, the Administrator role at creation, then who gives it.
    const role = resolved.roleId ? rolesById.get(resolved.roleId) : undefined;
    if (role?.isAdministrator && options.administratorRoleAllowed === false && !fieldErrors.has('role')) {
      fail(rowIssue('role', 'administrator_not_allowed', administratorRefusalParams(role, 'at_creation')));
    }
    const refusal = role ? options.roleRefusals?.get(role.id) : undefined;
    if (role && refusal && !fieldErrors.has('role')) {
      fail(
        refusal.code === 'administrator_not_allowed'
          ? rowIssue('role', 'administrator_not_allowed', administratorRefusalParams(role, refusal.reason))
          : rowIssue('role', 'privilege_above_own', aboveOwnParams(role, refusal.areas)),
      );
    }
    if (options.format === 'org-login' && !resolved.identityType && !values.identityType && configuredTypes.length === 1) {
      resolved.identityType = configuredTypes[0];
    }
    if (values.username && !fieldErrors.has('username') && options.usernameTaken?.(values.username)) {
      fail(rowIssue('username', 'username_taken', { username: values.username }));
    }
    return { rowNumber, values, resolved, errors, warnings, cells };
  }

  function checkValue(field: CsvField, value: string, resolved: CsvResolved): CsvIssue | undefined {
    switch (field) {
      case 'email': {
        const issue = firstIssue(Email, value);
        if (!issue) return undefined;
        return rowIssue('email', issue.code === 'custom' ? 'email_apostrophe' : 'invalid_email');
      }
      case 'username': {
        const issue = firstIssue(Username, value);
        if (!issue) return undefined;
        return issue.code === 'too_small' || issue.code === 'too_big'
          ? rowIssue('username', 'username_length', { min: 6, max: 128, length: value.length })
          : rowIssue('username', 'username_ascii');
      }
      case 'password': {
        const issue = firstIssue(Password, value);
        if (!issue) return undefined;
        const tooLong = issue.code === 'custom' && (issue as { params?: { code?: string } }).params?.code === 'password_too_long';
        return tooLong ? rowIssue('password', 'password_too_long', { max: 256 }) : rowIssue('password', 'weak_password');
      }
      case 'firstName':
      case 'lastName': {
        const issue = firstIssue(personName, value);
        return issue ? rowIssue(field, 'value_too_long', { max: 100 }) : undefined;
      }
      case 'role': {
        if (!roles) return undefined;
        const found = roles.resolve(value);
        if (!found) return rowIssue('role', 'unknown_role', { value, known: roles.examples() });
        if ('ambiguous' in found) return rowIssue('role', 'ambiguous_role', { value, matches: found.ambiguous.map((r) => r.key).join(', ') });
        resolved.roleId = found.entry.id;
        return undefined;
      }
      case 'userType': {
        if (!userTypes) return undefined;
        const found = userTypes.resolve(value);
        if (!found) return rowIssue('userType', 'unknown_user_type', { value, known: userTypes.examples() });
        if ('ambiguous' in found) {
          return rowIssue('userType', 'ambiguous_user_type', { value, matches: found.ambiguous.map((u) => u.key).join(', ') });
        }
        resolved.userTypeId = found.entry.id;
        return undefined;
      }
      case 'identityType': {
        const type = parseIdentityType(value);
        if (!type) return rowIssue('identityType', 'unknown_identity_type', { value });
        if (options.identityTypesConfigured && !configuredTypes.includes(type)) {
          return rowIssue('identityType', 'identity_type_not_configured', {
            value: type.toUpperCase(),
            configured: configuredTypes.map((t) => t.toUpperCase()).join(', ') || '—',
          });
        }
        resolved.identityType = type;
        return undefined;
      }
    }
  }

  return {
    header,
    row,
    validateValues,
    get headerResult() {
      return headerResult;
    },
  };
}

/** Built once: making a zod schema costs far more than running it (20 µs vs 0.25 µs). */
const personName = PersonName('Name');

function firstIssue(schema: z.ZodType, value: string) {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0];
}

const identityTypeNames: Record<string, 'saml' | 'oidc'> = {
  saml: 'saml',
  saml2: 'saml',
  oidc: 'oidc',
  openid: 'oidc',
  openidconnect: 'oidc',
};

/** "SAML", "OIDC", "OpenID Connect" (any case) → 'saml' | 'oidc'. */
export function parseIdentityType(value: string): 'saml' | 'oidc' | undefined {
  return identityTypeNames[value.toLowerCase().replace(/[^a-z0-9]/g, '')];
}
