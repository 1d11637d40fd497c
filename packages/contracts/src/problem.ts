import { z } from 'zod';

/**
 * Stable codes of the entries of a problem's `errors[]`, so a client can translate them
 * (the `message` stays English). Where a CSV row issue means the same thing, the code is
 * the same (`required`, `invalid_email`, `unknown_role`, `username_taken`, `weak_password`…).
 */
export const fieldErrorCodes = [
  // Request validation (zod issues)
  'required',
  'invalid',
  // A members-list filter or sort that needs View on members (the directory of members without it)
  'needs_members_view',
  'invalid_type',
  'invalid_format',
  'invalid_email',
  'email_apostrophe',
  'invalid_choice',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'too_few',
  'too_many',
  'unknown_field',
  // NUL or another control character in a text (line breaks are allowed in multi-line texts only)
  'control_character',
  // Members, roles and user types
  'unknown_role',
  'unknown_user_type',
  'incompatible_role',
  'administrator_not_allowed',
  'privilege_above_own',
  'duplicate_in_batch',
  'username_taken',
  'unknown_member',
  'member_not_active',
  'same_member',
  // Transfer of ownership: a selected item or group the member does not own
  'not_owned',
  // Passwords
  'password_required',
  'password_not_allowed',
  // An organization login of a type the organization does not allow (the batch; a CSV row says it too)
  'identity_type_not_configured',
  'weak_password',
  'password_too_long',
  'password_unchanged',
  'wrong_password',
  // One code per password rule (password-rules.ts), with its figures in params
  'password_too_short',
  'password_needs_letter',
  'password_needs_digit',
  'password_contains_username',
  'password_common',
  // Licences, groups, categories, seats
  'unknown_license',
  'incompatible_license',
  'license_would_be_lost',
  'unknown_group',
  'unknown_category',
  'too_many_categories',
  'named_user_limit',
  'user_type_seats',
  'license_seats',
  // Other
  'level_above_own',
  'level_not_allowed',
  'invalid_cursor',
  'format_not_enabled',
  'file_required',
  'stale_rows',
  // Organizations (setup, command line, settings)
  'slug_taken',
  // Reference data (categories, groups, licences, roles): a name another item has
  'name_taken',
  'seats_below_used',
  'compatibility_in_use',
  // Identity providers (organization logins)
  'saml_metadata_invalid',
  'saml_settings_missing',
  'certificate_invalid',
  'field_not_for_type',
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

/** One problem with one field of the request: where, a stable code, and an English message. */
export const ProblemFieldError = z.object({
  path: z.string(),
  message: z.string(),
  /** One of {@link fieldErrorCodes}; a string here so that a newer server never breaks an older client. */
  code: z.string().optional(),
  /** The figures and names the message is made of, for a client that words it itself (e.g. seats: `name`, `left`, `requested`, `short`). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** RFC 9457 problem details as rendered by the API for every error. */
export const Problem = z.object({
  type: z.string().optional(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string(),
  code: z.string(),
  /** The figures and names `detail` is made of (the level needed, the action refused, counts…: messages/problem-params.ts), for a client that words it itself. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(ProblemFieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Stable error codes the UI can rely on. */
export const errorCodes = [
  'validation_failed',
  'invalid_credentials',
  'member_disabled',
  'rate_limited',
  'unauthenticated',
  'csrf_failed',
  'password_change_required',
  'forbidden',
  'not_found',
  'conflict',
  'weak_password',
  'wrong_password',
  'internal_error',
  'seats_exhausted',
  'invitation_expired',
  'invitation_used',
  'invitation_revoked',
  'already_decided',
  // Managing members: why a single or bulk action was refused
  'owns_content',
  'last_administrator',
  'own_account',
  'already_disabled',
  'not_disabled',
  'enterprise_login',
  'not_activated',
  'administrator_required',
  'not_pending',
  // CSV import: the file is above IMPORT_MAX_BYTES (extension `maxBytes`)
  'file_too_large',
  // The HTTP request itself, refused before any route rule
  'malformed_json',
  'malformed_url',
  'payload_too_large',
  'unsupported_media_type',
  'uri_too_long',
  'method_not_allowed',
  // First run and organizations
  'setup_done',
  'setup_token_invalid',
  'slug_taken',
  // Reference data administration
  'name_taken',
  'seats_below_used',
  'compatibility_in_use',
  'license_in_use',
  // Custom roles: a built-in role is read-only; a role members hold (or the default role) stays
  'built_in_role',
  'role_in_use',
  // Identity providers: a secret can't be stored without SECRETS_KEY (production)
  'secrets_key_missing',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
