import type { PrivilegeArea } from '../enums.ts';
import type { ErrorCode } from '../problem.ts';

/** What a refused action was, as `forbidden` names it beside the level it needs. */
export type ForbiddenAction = 'import_members' | 'add_members' | 'manage_invitations' | 'export_members' | 'change_member' | 'change_picture';

/** What could not be found (`not_found`'s `what`). */
export type NotFoundWhat = 'member' | 'access_request' | 'invitation' | 'outstanding_invitation' | 'import' | 'row' | 'picture' | 'message' | 'member_category' | 'group' | 'license' | 'user_type' | 'identity_provider';

/** Why a write met a `conflict` (`reason`). */
export type ConflictReason =
  | 'unconfirmed'
  | 'not_decided'
  | 'username_taken'
  | 'usernames_taken'
  | 'import_validating'
  | 'import_committing'
  | 'import_committed'
  | 'import_failed'
  | 'import_locked'
  | 'import_changed'
  | 'rows_with_errors'
  | 'no_rows_left'
  | 'commit_superseded'
  | 'owner_changed'
  | 'import_not_committed';

/** Why a request was refused as invalid with no field to point at (`validation_failed`'s `reason`). */
export type ValidationReason = 'no_password_here' | 'image_empty' | 'image_too_large' | 'image_type' | 'unstorable_value' | 'bad_request';

/**
 * The params of each problem code's wording (messages/problems.ts): what a raiser passes with
 * the code, so that the `detail` is worded from the table in either language and names the
 * same specifics (the level needed, the action refused, the counts, the rows). Members marked
 * "derived" are filled from what the problem carries (its field errors, headers, extension
 * members) when it is sent, not by the raiser.
 */
export type ProblemParams = {
  validation_failed: {
    reason?: ValidationReason;
    /** What was not done because of the field errors. */
    outcome?: 'created' | 'saved' | 'changed' | 'transferred';
    /** The largest accepted image (`image_too_large`). */
    maxBytes?: number;
    /** Derived: how many field errors, and their `path: message` list in the language. */
    count?: number;
    fields?: string;
    /** Derived: the paths alone (a client that has only them). */
    paths?: string;
  };
  invalid_credentials: Record<never, never>;
  member_disabled: Record<never, never>;
  rate_limited: {
    action?: 'sign_in' | 'access_request' | 'setup_token';
    /** Derived from the `retry-after` header: seconds. */
    retryAfter?: number;
  };
  unauthenticated: Record<never, never>;
  csrf_failed: Record<never, never>;
  password_change_required: Record<never, never>;
  forbidden: {
    /** Who alone may do it. */
    required?: 'administrator' | 'contact' | 'primary_contact';
    /** What was refused, with `area`/`level` (and `orArea`) it needs, or what only the primary contact may do. */
    action?: ForbiddenAction | 'name_contacts' | 'primary_levels';
    area?: PrivilegeArea;
    orArea?: PrivilegeArea;
    level?: 'view' | 'update';
    /** `levels_above_own`: `areas` (comma-separated) above the giver's own `levels` (the same order). */
    reason?: 'levels_above_own' | 'directory_search';
    areas?: string;
    levels?: string;
  };
  not_found: {
    what?: NotFoundWhat;
    /** Row numbers (comma-separated) an import does not have. */
    rows?: string;
    /** A request no route answers. */
    method?: string;
    path?: string;
  };
  conflict: { reason?: ConflictReason; username?: string; count?: number };
  weak_password: {
    reason?: 'common' | 'username';
    /** Derived: the failed rules' messages in the language. */
    details?: string;
  };
  wrong_password: Record<never, never>;
  internal_error: { reason?: 'database_unavailable' };
  seats_exhausted: {
    /** Derived: each shortfall's message in the language. */
    details?: string;
  };
  invitation_expired: Record<never, never>;
  invitation_used: Record<never, never>;
  invitation_revoked: Record<never, never>;
  already_decided: {
    /** Derived from the extension members `decision`, `decidedAt`, `decidedBy`. */
    decision?: string;
    decidedAt?: string;
    by?: 'automatic' | 'member' | 'former';
    fullName?: string;
    username?: string;
  };
  owns_content: { username?: string; content?: number; groups?: number };
  last_administrator: { action?: 'delete' | 'disable' | 'demote' };
  own_account: { action?: 'delete' | 'disable' | 'enable' };
  already_disabled: Record<never, never>;
  not_disabled: Record<never, never>;
  enterprise_login: Record<never, never>;
  not_activated: Record<never, never>;
  administrator_required: { action?: 'reset_password' | 'disable_administrator' | 'delete_administrator' | 'change_administrator' };
  not_pending: Record<never, never>;
  file_too_large: { maxBytes?: number };
  malformed_json: { reason?: 'empty' };
  malformed_url: Record<never, never>;
  payload_too_large: Record<never, never>;
  unsupported_media_type: Record<never, never>;
  uri_too_long: Record<never, never>;
  method_not_allowed: {
    method?: string;
    path?: string;
    /** Derived from the `allow` header. */
    allow?: string;
  };
  setup_done: Record<never, never>;
  setup_token_invalid: Record<never, never>;
  slug_taken: { value?: string };
  name_taken: { value?: string };
  seats_below_used: { used?: number; seats?: number };
  compatibility_in_use: { count?: number; item?: string; itemFr?: string };
  license_in_use: { name?: string; count?: number };
  secrets_key_missing: Record<never, never>;
};

/** Typecheck only: `ProblemParams` has every problem code and no other key. */
export type ProblemParamsCoverEveryCode = [{ [C in ErrorCode]: ProblemParams[C] }, OnlyNever<Exclude<keyof ProblemParams, ErrorCode>>];
type OnlyNever<T extends never> = T;
