/** Problems with the file as a whole (found on the header or at the end). */
export const csvFileIssueCodes = [
  'empty_file',
  'missing_column',
  'duplicate_column',
  'unknown_column',
  'unused_column',
  'not_utf8',
  'mixed_encoding',
  'control_character',
  'read_as_windows_1252',
  'no_rows',
  'too_many_rows',
] as const;
export type CsvFileIssueCode = (typeof csvFileIssueCodes)[number];

/** Problems with one row (errors) or remarks about it (warnings). */
export const csvRowIssueCodes = [
  'required',
  'invalid_email',
  'email_apostrophe',
  'username_length',
  'username_ascii',
  'weak_password',
  'password_too_long',
  'password_not_allowed',
  'value_too_long',
  'unknown_role',
  'ambiguous_role',
  'unknown_user_type',
  'ambiguous_user_type',
  'incompatible_role',
  'role_not_allowed',
  'administrator_not_allowed',
  'privilege_above_own',
  'unknown_identity_type',
  'identity_type_not_configured',
  'duplicate_in_file',
  'username_taken',
  'extra_cells',
  'missing_cells',
  'malformed_row',
  'not_utf8',
  'control_character',
  'trimmed',
] as const;
export type CsvRowIssueCode = (typeof csvRowIssueCodes)[number];
