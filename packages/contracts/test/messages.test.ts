import { describe, expect, it } from 'vitest';
import {
  csvFileIssueCodes,
  csvRowIssueCodes,
  errorCodes,
  fieldErrorCodes,
  frenchSpacing,
  knownMessage,
  messageCodes,
  messageFor,
  problemDetail,
  refusalMessage,
  type ConflictReason,
  type MessageCode,
  type MessageParams,
} from '../src/index.ts';

/**
 * The params each code is sent with, as the API and the CSV validator build them. Typed by
 * every code: a new problem, field-error or CSV code without an entry here fails typecheck,
 * and without words in the table fails typecheck there (messages/table.ts) and this test.
 */
const conflictReasons: ConflictReason[] = [
  'unconfirmed',
  'not_decided',
  'username_taken',
  'usernames_taken',
  'import_validating',
  'import_committing',
  'import_committed',
  'import_failed',
  'import_locked',
  'import_changed',
  'rows_with_errors',
  'no_rows_left',
  'commit_superseded',
  'owner_changed',
];
const role = { role: 'Publisher', roleFr: 'Éditeur', userType: 'Viewer', userTypeFr: 'Lecteur', compatible: 'Viewer', compatibleFr: 'Lecteur' };
const examples: Record<MessageCode, MessageParams[]> = {
  validation_failed: [
    {},
    { count: 2, paths: 'members.0.email, role' },
    { count: 1, fields: 'role: Unknown role "boss"', outcome: 'created' },
    { reason: 'no_password_here' },
    { reason: 'image_empty' },
    { reason: 'image_too_large', maxBytes: 1024 * 1024 },
    { reason: 'image_type' },
    { reason: 'unstorable_value' },
    { reason: 'bad_request' },
  ],
  invalid_credentials: [{}],
  member_disabled: [{}],
  rate_limited: [{}, { retryAfter: 120 }, { retryAfter: 60, action: 'sign_in' }, { retryAfter: 60, action: 'access_request' }, { retryAfter: 60, action: 'setup_token' }],
  unauthenticated: [{}],
  csrf_failed: [{}],
  password_change_required: [{}],
  forbidden: [
    {},
    { required: 'administrator' },
    { required: 'contact' },
    { required: 'primary_contact', action: 'name_contacts' },
    { required: 'primary_contact', action: 'primary_levels' },
    { reason: 'levels_above_own', areas: 'reporting,members', levels: 'view,none' },
    { reason: 'directory_search' },
    { area: 'members', level: 'update' },
    { action: 'import_members', area: 'members', level: 'update', orArea: 'manage_access' },
    { action: 'export_members', area: 'members', level: 'view' },
  ],
  not_found: [{}, { what: 'member' }, { what: 'outstanding_invitation' }, { rows: '999' }, { method: 'GET', path: '/api/nothing' }],
  conflict: [{}, ...conflictReasons.map((reason) => ({ reason, username: 'jdupont', count: 2 })), { reason: 'rows_with_errors', count: 1 }],
  weak_password: [{}, { reason: 'common' }, { reason: 'username' }],
  wrong_password: [{}],
  internal_error: [{}, { reason: 'database_unavailable' }],
  seats_exhausted: [{}, { details: 'Licence Poste SIG\u00a0: 0\u00a0place restante' }],
  invitation_expired: [{}],
  invitation_used: [{}],
  invitation_revoked: [{}],
  already_decided: [{}, { decision: 'denied', by: 'member', fullName: 'Alex Administrateur', username: 'admin', decidedAt: '2026-01-02T03:04:05.000Z' }, { decision: 'granted', by: 'automatic' }],
  owns_content: [{}, { username: 'jdupont', content: 3, groups: 1 }],
  last_administrator: [{}, { action: 'delete' }, { action: 'disable' }, { action: 'demote' }],
  own_account: [{}, { action: 'delete' }, { action: 'disable' }, { action: 'enable' }],
  already_disabled: [{}],
  not_disabled: [{}],
  enterprise_login: [{}],
  not_activated: [{}],
  administrator_required: [{}, { action: 'reset_password' }, { action: 'disable_administrator' }, { action: 'delete_administrator' }, { action: 'change_administrator' }],
  not_pending: [{}],
  file_too_large: [{}, { maxBytes: 200 }, { maxBytes: 50 * 1024 * 1024 }],
  malformed_json: [{}, { reason: 'empty' }],
  malformed_url: [{}],
  payload_too_large: [{}],
  unsupported_media_type: [{}],
  uri_too_long: [{}],
  method_not_allowed: [{}, { allow: 'GET, HEAD' }, { method: 'POST', path: '/api/health', allow: 'GET, HEAD' }],
  required: [{}, { field: 'email' }, { field: 'username', suggestion: 'jdupont' }],
  invalid: [{}],
  invalid_type: [{}],
  invalid_format: [{}],
  invalid_email: [{}],
  email_apostrophe: [{}],
  invalid_choice: [{}, { options: 'private, organization, everyone' }],
  too_short: [{ min: 8 }],
  too_long: [{ max: 100 }],
  too_small: [{ min: 1 }],
  too_big: [{ max: 2147483647 }],
  too_few: [{ min: 1 }],
  too_many: [{ max: 20 }],
  unknown_field: [{}, { keys: 'colour' }],
  control_character: [{}, { char: 'U+0000' }, { field: 'firstName', char: 'U+0000' }, { field: 'firstName', char: 'U+0000', cleared: 1 }, { column: 'Nom', char: 'U+0007' }],
  unknown_role: [{ value: 'boss' }, { value: 'boss', known: 'viewer, user' }],
  unknown_user_type: [{ value: 'boss' }, { value: 'boss', known: 'creator' }],
  incompatible_role: [role],
  administrator_not_allowed: [
    { ...role, role: 'Administrator', roleFr: 'Administrateur', reason: 'at_creation' },
    { ...role, role: 'Administrator', roleFr: 'Administrateur', reason: 'administrators_only' },
    { ...role, role: 'Administrator', roleFr: 'Administrateur', reason: 'not_activated' },
  ],
  privilege_above_own: [{ ...role, areas: 'members, content' }, role],
  duplicate_in_batch: [{ username: 'jdupont', position: 1 }],
  username_taken: [{ username: 'jdupont' }],
  unknown_member: [{}],
  member_not_active: [{}, { reason: 'contact' }],
  same_member: [{}],
  not_owned: [{ kind: 'content', id: 'c1', owner: 'jdupont' }, { kind: 'group', id: 'g1', owner: 'jdupont' }],
  password_required: [{}],
  password_not_allowed: [{}],
  password_too_short: [{ min: 8 }],
  needs_members_view: [{ what: 'filter' }, { what: 'sort' }],
  password_needs_letter: [{}],
  password_needs_digit: [{}],
  password_contains_username: [{}],
  password_common: [{}],
  setup_done: [{}],
  setup_token_invalid: [{}],
  slug_taken: [{ value: 'mairie-lyon' }],
  name_taken: [{ value: 'Étudiants' }],
  seats_below_used: [{ used: 3, seats: 2 }, { used: 1, seats: 0 }],
  compatibility_in_use: [{ count: 2, item: 'Creator', itemFr: 'Créateur' }, { count: 1, item: 'Desktop', itemFr: 'Desktop' }],
  license_in_use: [{ name: 'Desktop', count: 4 }, { name: 'Desktop', count: 1 }],
  built_in_role: [{ role: 'Viewer', roleFr: 'Lecteur', action: 'update' }, { role: 'Viewer', roleFr: 'Lecteur', action: 'delete' }, {}],
  role_in_use: [{ role: 'Editor', roleFr: 'Rédacteur', count: 3 }, { role: 'Editor', roleFr: 'Rédacteur', count: 1 }, { role: 'Editor', roleFr: 'Rédacteur', count: 0, reason: 'default_role' }],
  secrets_key_missing: [{}],
  saml_metadata_invalid: [{ reason: 'not_xml' }, { reason: 'no_sso' }, { reason: 'no_certificate' }, { reason: 'no_entity' }],
  saml_settings_missing: [{}],
  certificate_invalid: [{}],
  field_not_for_type: [{ type: 'saml' }, { type: 'oidc' }],
  password_too_long: [{ max: 256 }, { max: 256, length: 300 }],
  password_unchanged: [{}],
  unknown_license: [{}, { id: 'l1' }],
  incompatible_license: [{ name: 'Poste SIG', userType: 'Viewer', userTypeFr: 'Lecteur' }],
  license_would_be_lost: [{ userType: 'Viewer', userTypeFr: 'Lecteur', names: 'Poste SIG' }],
  unknown_group: [{}, { id: 'g1' }],
  unknown_category: [{}, { id: 'k1' }],
  too_many_categories: [{ max: 20 }],
  named_user_limit: [{ limit: 5, used: 5, requested: 2, short: 2 }],
  user_type_seats: [{ name: 'Creator', nameFr: 'Créateur', left: 0, requested: 1, short: 1 }],
  license_seats: [{ name: 'Poste SIG', left: 1, requested: 3, short: 2 }],
  level_above_own: [{ area: 'reporting', level: 'view' }],
  level_not_allowed: [{ area: 'account_documents' }],
  invalid_cursor: [{}],
  format_not_enabled: [{ format: 'ldap' }, { format: 'org-login' }, { format: 'builtin' }],
  file_required: [{}],
  stale_rows: [{}],
  empty_file: [{}],
  missing_column: [{ count: 1, columns: 'Email', expected: 'Email, Role' }, { count: 2, columns: 'Email, Role', expected: 'Email, Role' }],
  duplicate_column: [{ columns: 'Email, E-mail', label: 'email' }],
  unknown_column: [{ column: 'Colour' }],
  unused_column: [{ column: 'Password' }],
  not_utf8: [{}],
  mixed_encoding: [{}],
  read_as_windows_1252: [{}],
  no_rows: [{}],
  too_many_rows: [{ max: 100000 }],
  username_length: [{ min: 6, max: 128, length: 4 }, { min: 6, max: 128, length: 200, kept: 128 }],
  username_ascii: [{}],
  value_too_long: [{ field: 'firstName', max: 100 }, { field: 'firstName', max: 100, length: 200, kept: 100 }],
  ambiguous_role: [{ value: 'Editor', matches: 'editor, data_editor' }],
  ambiguous_user_type: [{ value: 'Pro', matches: 'pro, pro_plus' }],
  role_not_allowed: [{ ...role, role: 'Administrator', roleFr: 'Administrateur' }],
  unknown_identity_type: [{ value: 'KERBEROS' }],
  identity_type_not_configured: [{ value: 'SAML', configured: 'OIDC' }],
  duplicate_in_file: [{ username: 'jdupont', firstRow: 2 }],
  extra_cells: [{ cells: 8, columns: 7 }],
  missing_cells: [{ cells: 5, columns: 7 }],
  malformed_row: [{ reason: 'unclosed' }, {}],
  trimmed: [{ field: 'email' }],
};

/** Words the same in both languages by nature (a header name, an address, a figure). */
const sameInBothLanguages = new Set<string>([]);

describe('the table of refusals', () => {
  it('lists every code the API and the CSV library can send', () => {
    const all = new Set<string>(messageCodes);
    for (const code of [...errorCodes, ...fieldErrorCodes, ...csvRowIssueCodes, ...csvFileIssueCodes]) expect(all.has(code), code).toBe(true);
    expect(Object.keys(examples).sort()).toEqual([...all].sort());
  });

  it('words every code in English and in French with its params filled in', () => {
    for (const code of messageCodes) {
      for (const params of examples[code]) {
        const en = messageFor(code, params, 'en');
        const fr = messageFor(code, params, 'fr');
        const where = `${code} ${JSON.stringify(params)}`;
        for (const text of [en, fr]) {
          expect(text, where).toMatch(/\S/);
          // No placeholder left, no param missing.
          expect(text, where).not.toMatch(/\{|\}|undefined|NaN|\[object|""|« »/);
        }
        if (!sameInBothLanguages.has(code)) expect(fr, where).not.toBe(en);
      }
    }
  });

  it('says French words in French: a role’s French name, French figures and quotes', () => {
    expect(messageFor('incompatible_role', role, 'fr')).toBe('Le rôle «\u00A0Éditeur\u00A0» n’est pas compatible avec le type d’utilisateur «\u00A0Lecteur\u00A0»\u00A0; rôles compatibles\u00A0: Lecteur');
    expect(messageFor('incompatible_role', role, 'en')).toBe('Role "Publisher" is not compatible with user type "Viewer"; compatible roles: Viewer');
    expect(messageFor('user_type_seats', examples.user_type_seats[0], 'fr')).toBe('Type d’utilisateur Créateur\u00a0: 0\u00a0place restante, 1\u00a0demandée (il en manque 1)');
    expect(messageFor('user_type_seats', { name: 'Creator', left: 2, requested: 3, short: 1 }, 'en')).toBe('User type Creator: 2 seats left, 3 requested (1 short)');
    expect(messageFor('privilege_above_own', { ...role, areas: 'members, content' }, 'fr')).toContain('(membres, contenu)');
    expect(messageFor('file_too_large', { maxBytes: 1.5 * 1024 * 1024 }, 'fr')).toContain('1,5 Mio');
  });

  it('leaves a code it does not know to the sender’s message', () => {
    expect(knownMessage('from_a_newer_server', {}, 'fr')).toBeUndefined();
    expect(refusalMessage({ code: 'from_a_newer_server', message: 'Something new' }, 'fr')).toBe('Something new');
    expect(refusalMessage({ code: 'unknown_group', message: 'Unknown group' }, 'fr')).toBe('Groupe inconnu');
  });

  it('writes French with the typographic apostrophe and the glossary’s words, every code with every example’s params', () => {
    const forbiddenWords = /compl[ée]mentaire|courriel|page de d[ée]marrage|adresse [ée]lectronique/i;
    for (const code of messageCodes) {
      for (const params of examples[code]) {
        const fr = messageFor(code, params, 'fr');
        const where = `${code} ${JSON.stringify(params)}: ${fr}`;
        expect(fr, where).not.toContain("'");
        expect(fr, where).not.toMatch(forbiddenWords);
      }
    }
  });

  it('says counts with plural forms (Intl.PluralRules), never "(s)"; English with no space before a colon', () => {
    const counts = [0, 1, 2, 5];
    for (const code of messageCodes) {
      for (const params of examples[code]) {
        // Every example again with each count in each figure it carries.
        const figures = Object.keys(params).filter((k) => typeof params[k] === 'number');
        const variants = [params, ...counts.flatMap((c) => figures.map((k) => ({ ...params, [k]: c })))];
        for (const p of variants) {
          for (const lang of ['en', 'fr'] as const) {
            const text = messageFor(code, p, lang);
            const where = `${code} ${lang} ${JSON.stringify(p)}: ${text}`;
            expect(text, where).not.toMatch(/\w\((s|e|es)\)/);
            // (`details` carries another refusal's words, in the request's language.)
            if (lang === 'en' && !('details' in p)) expect(text, where).not.toMatch(/\s:(\s|$)/);
          }
        }
      }
    }
    expect(problemDetail('rate_limited', { action: 'sign_in', retryAfter: 60 }, 'fr')).toBe('Trop de tentatives de connexion. Réessayez dans 1\u00a0minute.');
    expect(problemDetail('rate_limited', { action: 'sign_in', retryAfter: 120 }, 'en')).toBe('Too many sign-in attempts. Try again in 2 minutes.');
    expect(problemDetail('owns_content', { content: 0, groups: 1 }, 'fr')).toContain('0\u00a0élément de contenu et 1\u00a0groupe');
    expect(problemDetail('owns_content', { content: 0, groups: 1 }, 'en')).toContain('0 content items and 1 group');
  });

  it('words a problem’s detail from its typed params, naming what its raiser named', () => {
    expect(problemDetail('forbidden', { action: 'import_members', area: 'members', level: 'update', orArea: 'manage_access' }, 'en')).toBe(
      'Importing members requires the Update level on members or on manage access',
    );
    expect(problemDetail('forbidden', { action: 'import_members', area: 'members', level: 'update', orArea: 'manage_access' }, 'fr')).toBe(
      'L’import de membres demande le niveau Mettre à jour sur «\u00A0membres\u00A0» ou sur «\u00A0gérer l’accès\u00A0»',
    );
    expect(problemDetail('owns_content', { username: 'jdupont', content: 3, groups: 1 }, 'fr')).toBe(
      'Le membre jdupont possède 3\u00a0éléments de contenu et 1\u00a0groupe\u00A0; transférez-les à un autre membre avant de supprimer ce compte',
    );
    expect(problemDetail('not_found', { rows: '999, 1000' }, 'en')).toBe('No row 999, 1000 in this import; nothing was removed');
    expect(problemDetail('conflict', { reason: 'rows_with_errors', count: 7 }, 'en')).toBe('7 rows still have errors: fix or remove them before importing');
    expect(problemDetail('last_administrator', { action: 'disable' }, 'fr')).toBe('Vous ne pouvez pas désactiver le dernier administrateur de l’organisation\u00A0; nommez d’abord un autre administrateur');
  });
});

describe('French typography', () => {
  it('puts a no-break space before « ; : ! ? » and after « in every French message, never an ordinary one', () => {
    const params = { value: 'x', username: 'jdupont', role: 'R', roleFr: 'R', userType: 'T', userTypeFr: 'T', name: 'N', details: 'D', columns: 'A, B', expected: 'A', count: 2, field: 'email' };
    const offending = messageCodes.flatMap((code) => {
      const text = knownMessage(code, params, 'fr') ?? '';
      return / [;:!?»]|« /.test(text) ? [`${code}: ${text}`] : [];
    });
    expect(offending).toEqual([]);
    // English keeps its own spacing.
    expect(knownMessage('owns_content', { username: 'jdupont', content: 1, groups: 0 }, 'en')).not.toContain('\u00A0;');
  });

  it('is applied by frenchSpacing: ordinary spaces become no-break ones, other text is left as it is', () => {
    expect(frenchSpacing('Colonnes manquantes : « Rôle » ; vraiment ? oui !')).toBe('Colonnes manquantes\u00A0: «\u00A0Rôle\u00A0»\u00A0; vraiment\u00A0? oui\u00A0!');
    expect(frenchSpacing('https://exemple.fr à 12:30')).toBe('https://exemple.fr à 12:30');
  });
});
