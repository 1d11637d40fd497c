import {
  administratorAtCreationAllowed,
  roleRefusalsFor,
  type RoleGiver,
  type RoleRefusal,
  createRowValidator,
  csvIssueMessage,
  csvFormatFields,
  csvLookupsFrom,
  matchCsvHeader,
  parseCsvBytes,
  parseCsvText,
  type CsvEncoding,
  type CsvFormat,
  type BatchMode,
  type CsvField,
  type CsvLookups,
  type CsvRowValues,
  type Language,
  type OrganizationDefaults,
  type Role,
  type UserType,
} from '@sesame/contracts';

// The file import's rules, free of React: the instant preview and the user types of the rows.

export interface ImportPreview {
  total: number;
  valid: number;
  invalid: number;
  delimiter: ',' | ';';
  bom: boolean;
  /** 'windows-1252' when the file is not UTF-8 (French Excel's "CSV (séparateur: point-virgule)"), as the API reads it. */
  encoding: CsvEncoding;
  fileErrors: number;
  /** The user type each row resolves to, by row number (for the licences offered). */
  userTypes: Map<number, string | undefined>;
}

export function importLookups(roles: Role[], userTypes: UserType[]): CsvLookups {
  return csvLookupsFrom(roles, userTypes);
}

type RoleRefusals = ReadonlyMap<string, NonNullable<RoleRefusal>>;

function validatorOptions(mode: BatchMode, lookups: CsvLookups, organization: OrganizationDefaults, roleRefusals?: RoleRefusals, format: CsvFormat = 'builtin') {
  return {
    format,
    mode,
    identityTypesConfigured: organization.allowedIdentityTypes,
    lookups,
    administratorRoleAllowed: administratorAtCreationAllowed(organization),
    ...(roleRefusals ? { roleRefusals } : {}),
  };
}

/** The roles (ids) this giver may not give, and why, as the API marks them on the rows (the same rule, decision 011). */
export function rolesAboveOwn(roles: Role[], giver: RoleGiver): RoleRefusals {
  return roleRefusalsFor(giver, roles);
}

/**
 * Reads the file in the browser with the same library as the API: counts, at once. Given its
 * bytes, it decodes them as the API does (UTF-8, else Windows-1252).
 */
export function previewCsv(file: Uint8Array | string, mode: BatchMode, lookups: CsvLookups, organization: OrganizationDefaults, aboveOwn?: RoleRefusals, format: CsvFormat = 'builtin'): ImportPreview {
  const options = validatorOptions(mode, lookups, organization, aboveOwn, format);
  const result = typeof file === 'string' ? parseCsvText(file, options) : parseCsvBytes(file, options);
  const userTypes = new Map<number, string | undefined>();
  for (const row of result.rows) userTypes.set(row.rowNumber, row.resolved.userTypeId);
  return {
    total: result.counts.total,
    valid: result.counts.valid,
    invalid: result.counts.invalid,
    delimiter: result.delimiter,
    bom: result.bom,
    encoding: result.encoding,
    fileErrors: result.fileErrors.length,
    userTypes,
  };
}

/** The user type a row's values resolve to (after an edit). */
export function resolveUserType(values: CsvRowValues, rowNumber: number, mode: BatchMode, lookups: CsvLookups, organization: OrganizationDefaults) {
  return createRowValidator(validatorOptions(mode, lookups, organization)).validateValues(values, rowNumber).resolved.userTypeId;
}

/** The role and user type (ids) a row's cells name, read as the server reads them; undefined for a cell that names none. */
export function resolveChoices(values: CsvRowValues, rowNumber: number, mode: BatchMode, lookups: CsvLookups, organization: OrganizationDefaults) {
  const { roleId, userTypeId } = createRowValidator(validatorOptions(mode, lookups, organization)).validateValues(values, rowNumber).resolved;
  return { role: roleId, userType: userTypeId };
}

/** The distinct user types of the rows still in the file. */
export function rowUserTypes(types: ReadonlyMap<number, string | undefined>): string[] {
  const ids = new Set<string>();
  for (const id of types.values()) if (id) ids.add(id);
  return [...ids];
}

/**
 * The columns the table and the edit form show, in template order. A Password column in an
 * invite-mode file is shown too, so that its (refused) values can be cleared.
 */
export function importFields(mode: BatchMode, header: readonly string[] = []): CsvField[] {
  const hasPassword = header.some((cell) => matchCsvHeader(cell)?.field === 'password');
  return csvFormatFields.builtin.filter((field) => field !== 'password' || mode === 'credentials' || hasPassword);
}

export function looksLikeCsv(file: File): boolean {
  const name = file.name.toLowerCase();
  return name.endsWith('.csv') || name.endsWith('.txt') || ['text/csv', 'text/plain', 'application/vnd.ms-excel', 'application/csv'].includes(file.type);
}

/** An issue of the API in the interface language (its code and params), else as the API worded it. */
export function issueText(issue: { code?: string | undefined; message: string; params?: Record<string, string | number> | undefined }, lang: Language) {
  return csvIssueMessage({ message: issue.message, ...(issue.code ? { code: issue.code } : {}), ...(issue.params ? { params: issue.params } : {}) }, lang);
}
