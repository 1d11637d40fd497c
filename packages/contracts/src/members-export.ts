import { z } from 'zod';
import { Language, type IdentityType, type MemberStatus } from './enums.ts';
import { MemberListQuery } from './members.ts';

/**
 * `GET /api/members/export.csv`: the members list as a CSV file. Same filters and order as
 * `GET /api/members` (no paging: every matching member), the columns chosen from a fixed
 * list, headers and values (role, user type, status, identity type) in `lang`.
 */
export const memberExportColumns = [
  'lastName',
  'firstName',
  'fullName',
  'username',
  'email',
  'role',
  'userType',
  'status',
  'identityType',
  'licenses',
  'groups',
  'categories',
  'lastSignInAt',
  'createdAt',
] as const;
export const MemberExportColumn = z.enum(memberExportColumns);
export type MemberExportColumn = z.infer<typeof MemberExportColumn>;

/** The members list's own columns, in its order (name split in two, as a spreadsheet wants it). */
export const defaultMemberExportColumns: readonly MemberExportColumn[] = ['lastName', 'firstName', 'username', 'email', 'role', 'userType', 'status', 'lastSignInAt', 'createdAt'];

export const memberExportDelimiters = { comma: ',', semicolon: ';' } as const;

export const MemberExportQuery = MemberListQuery.omit({ limit: true, cursor: true }).extend({
  /**
   * Comma-separated column keys, in the order wanted (e.g. `username,email,role`); a
   * repeated key counts once. Default: {@link defaultMemberExportColumns}.
   */
  columns: z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((c) => c.trim()))
    .pipe(z.array(MemberExportColumn).min(1))
    // What the document says the server accepts (each key checked by the enum above, naming its place).
    .meta({ pattern: `^ *(${memberExportColumns.join('|')}) *(, *(${memberExportColumns.join('|')}) *)*$` })
    .optional(),
  /** Language of the header row and of the values; default: the request's Accept-Language (French when preferred, else English). */
  lang: Language.optional(),
  /** Default: `semicolon` in French (what French Excel opens by double-click), `comma` in English. */
  delimiter: z.enum(['comma', 'semicolon']).optional(),
});
export type MemberExportQuery = z.input<typeof MemberExportQuery>;
/** The query once parsed (columns as a list, defaults applied). */
export type MemberExportOptions = z.output<typeof MemberExportQuery>;

/** Header of each column, per language. */
export const memberExportHeaders: Record<MemberExportColumn, Record<Language, string>> = {
  lastName: { en: 'Last Name', fr: 'Nom' },
  firstName: { en: 'First Name', fr: 'Prénom' },
  fullName: { en: 'Name', fr: 'Nom complet' },
  username: { en: 'Username', fr: 'Nom d’utilisateur' },
  email: { en: 'Email', fr: 'E-mail' },
  role: { en: 'Role', fr: 'Rôle' },
  userType: { en: 'User Type', fr: 'Type d’utilisateur' },
  status: { en: 'Status', fr: 'Statut' },
  identityType: { en: 'Identity Type', fr: 'Type d’identité' },
  licenses: { en: 'Add-on Licences', fr: 'Licences additionnelles' },
  groups: { en: 'Groups', fr: 'Groupes' },
  categories: { en: 'Member Categories', fr: 'Catégories de membres' },
  lastSignInAt: { en: 'Last Sign-in (UTC)', fr: 'Dernière connexion (UTC)' },
  createdAt: { en: 'Created (UTC)', fr: 'Création (UTC)' },
};

export const memberStatusLabels: Record<MemberStatus, Record<Language, string>> = {
  pending: { en: 'Pending activation', fr: 'En attente d’activation' },
  active: { en: 'Active', fr: 'Actif' },
  disabled: { en: 'Disabled', fr: 'Désactivé' },
};

export const identityTypeLabels: Record<IdentityType, Record<Language, string>> = {
  builtin: { en: 'Built-in', fr: 'Intégré' },
  ldap: { en: 'LDAP', fr: 'LDAP' },
  saml: { en: 'SAML', fr: 'SAML' },
  oidc: { en: 'OpenID Connect', fr: 'OpenID Connect' },
};

/** The file's download name: `members-YYYY-MM-DD.csv` (the UTC date of the export). */
export const memberExportFileName = (at: Date): string => `members-${at.toISOString().slice(0, 10)}.csv`;
