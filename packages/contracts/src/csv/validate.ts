import { aboveOwnParams, incompatibleRoleParams, roleCompatible, type RoleRefusal } from '../rules/roles.ts';
import { administratorRefusalParams } from '../rules/administrator.ts';
import type { Language } from '../enums.ts';
import { formatUsername } from '../members-batch.ts';
import { csvFieldRule, csvFormatFields, matchCsvHeader, type CsvField, type CsvFormatContext } from './formats.ts';
import { readCsvHeader, type CsvHeaderResult } from './header.ts';
import { LookupIndex, type CsvLookups, type CsvRoleLookup, type CsvUserTypeLookup } from './lookups.ts';
import { rowIssue, type CsvIssue } from './messages.ts';
import { findInvalidCharacter, removeInvalidCharacters } from './text.ts';
import { checkValue, readValue, type CsvResolved, type ValueContext } from './values.ts';

// A CSV file's rows: each read against the header (header.ts), each value checked on its own
// (values.ts), then the rules between a row's values, and usernames repeated in the file.

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
  const valueContext: ValueContext = { roles, userTypes, configuredTypes, identityTypesConfigured: options.identityTypesConfigured };
  const seenUsernames = new Map<string, number>();
  let headerResult: CsvHeaderResult | undefined;
  /** Cell index of each field present in the header. */
  let fieldIndex: [CsvField, number][] = [];
  /** Cells a row must have: up to the header's last named column (Excel's empty trailing columns don't count). */
  let usedWidth = 0;

  function header(cells: readonly string[]): CsvHeaderResult {
    const read = readCsvHeader(cells, options);
    fieldIndex = read.fieldIndex;
    usedWidth = read.usedWidth;
    headerResult = read.result;
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
      const rule = csvFieldRule(options, field);
      if (!rule) throw new Error(`Internal error: the format ${options.format} has no rule for ${field}`);
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
      const issue = checkValue(field, value, resolved, valueContext);
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

  return {
    header,
    row,
    validateValues,
    get headerResult() {
      return headerResult;
    },
  };
}

