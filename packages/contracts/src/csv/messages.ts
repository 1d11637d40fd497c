import type { Language } from '../enums.ts';
import { csvColumnLabel, type CsvField } from './formats.ts';

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

export type CsvIssueParams = Record<string, string | number>;

/** One row problem. `message` is English; translate with {@link csvIssueMessage} or by `code` + `params`. */
export interface CsvIssue {
  /** The column concerned; null for the row as a whole. */
  field: CsvField | null;
  code: CsvRowIssueCode;
  message: string;
  params?: CsvIssueParams;
}

export interface CsvFileIssue {
  code: CsvFileIssueCode;
  message: string;
  /** Header names concerned, in the file's language (missing, duplicate or unknown columns). */
  columns?: string[];
  params?: CsvIssueParams;
}

type Template = (p: CsvIssueParams, lang: Language) => string;

const q = (v: string | number | undefined, lang: Language) => (lang === 'fr' ? `« ${v ?? ''} »` : `"${v ?? ''}"`);
const col = (p: CsvIssueParams, lang: Language) =>
  p.field ? csvColumnLabel(p.field as CsvField, lang) : lang === 'fr' ? 'cette valeur' : 'this value';

/** French and English wording of every code, with the params each uses. */
const templates: Record<CsvRowIssueCode | CsvFileIssueCode, { en: Template; fr: Template }> = {
  empty_file: {
    en: () => 'The file is empty. Its first row must name the columns.',
    fr: () => 'Le fichier est vide. Sa première ligne doit contenir les noms des colonnes.',
  },
  missing_column: {
    en: (p) => `Missing column${Number(p.count) > 1 ? 's' : ''}: ${p.columns}. The first row must name the columns: ${p.expected}.`,
    fr: (p) =>
      `${Number(p.count) > 1 ? 'Colonnes manquantes' : 'Colonne manquante'} : ${p.columns}. La première ligne doit contenir les noms des colonnes : ${p.expected}.`,
  },
  duplicate_column: {
    en: (p) => `Columns ${p.columns} both give the ${p.label}; keep only one of them.`,
    fr: (p) => `Les colonnes ${p.columns} donnent toutes deux la valeur ${q(p.label, 'fr')} ; n'en gardez qu'une.`,
  },
  unknown_column: {
    en: (p, l) => `Column ${q(p.column, l)} is not a known column; it is ignored.`,
    fr: (p, l) => `La colonne ${q(p.column, l)} n'est pas une colonne connue ; elle est ignorée.`,
  },
  unused_column: {
    en: (p, l) => `Column ${q(p.column, l)} is not used by this kind of import; it is ignored.`,
    fr: (p, l) => `La colonne ${q(p.column, l)} ne sert pas pour ce type d'import ; elle est ignorée.`,
  },
  not_utf8: {
    en: () => 'The file is not UTF-8 text: accented letters are unreadable. In Excel, save it as "CSV UTF-8".',
    fr: () =>
      "Le fichier n'est pas encodé en UTF-8 : les lettres accentuées sont illisibles. Dans Excel, enregistrez-le au format « CSV UTF-8 ».",
  },
  mixed_encoding: {
    en: () =>
      'Part of the file is UTF-8 text and part of it is not (two encodings are mixed): accented letters would be wrong. In Excel, save it again as "CSV UTF-8".',
    fr: () =>
      "Une partie du fichier est encodée en UTF-8 et une autre non (deux encodages mélangés) : des lettres accentuées seraient fausses. Dans Excel, enregistrez-le de nouveau au format « CSV UTF-8 ».",
  },
  control_character: {
    en: (p, l) =>
      p.field
        ? `${col(p, l)} contains an invisible control character (${p.char})${p.cleared ? '; it was not kept: type it again' : '; it was removed: check the value and save the row'}`
        : `Column ${q(p.column, l)} contains an invisible control character (${p.char}); the header can't be read. Save the file again from the spreadsheet as CSV.`,
    fr: (p, l) =>
      p.field
        ? `${q(col(p, l), l)} contient un caractère de contrôle invisible (${p.char})${p.cleared ? ' ; la valeur n’a pas été gardée : saisissez-la de nouveau' : ' ; il a été retiré : vérifiez la valeur puis enregistrez la ligne'}`
        : `La colonne ${q(p.column, l)} contient un caractère de contrôle invisible (${p.char}) ; l’en-tête est illisible. Enregistrez de nouveau le fichier au format CSV depuis le tableur.`,
  },
  read_as_windows_1252: {
    en: () =>
      'The file is not UTF-8: it was read as Windows-1252 (what Excel writes for "CSV (semicolon delimited)"). Check that the accented letters are right.',
    fr: () =>
      "Le fichier n'est pas encodé en UTF-8 : il a été lu comme Windows-1252 (l'encodage du format « CSV (séparateur : point-virgule) » d'Excel). Vérifiez que les lettres accentuées sont justes.",
  },
  no_rows: {
    en: () => 'The file has no member rows below its header.',
    fr: () => "Le fichier ne contient aucune ligne de membre sous l'en-tête.",
  },
  too_many_rows: {
    en: (p) => `The file has more than ${p.max} rows; split it into several files.`,
    fr: (p) => `Le fichier contient plus de ${p.max} lignes ; découpez-le en plusieurs fichiers.`,
  },
  required: {
    en: (p, l) => `${col(p, l)} is required${p.suggestion ? ` (for example "${p.suggestion}")` : ''}`,
    fr: (p, l) => `${q(col(p, l), l)} est obligatoire${p.suggestion ? ` (par exemple « ${p.suggestion} »)` : ''}`,
  },
  invalid_email: {
    en: () => 'Enter a valid email address',
    fr: () => 'Saisissez une adresse électronique valide',
  },
  email_apostrophe: {
    en: () => 'Email cannot contain an apostrophe',
    fr: () => "L'adresse électronique ne peut pas contenir d'apostrophe",
  },
  username_length: {
    en: (p) =>
      `Username must have between ${p.min} and ${p.max} characters (it ${p.kept !== undefined ? `had ${p.length}; only the first ${p.kept} were kept` : `has ${p.length}`})`,
    fr: (p) =>
      `Le nom d'utilisateur doit comporter entre ${p.min} et ${p.max} caractères (il ${p.kept !== undefined ? `en avait ${p.length} ; seuls les ${p.kept} premiers ont été gardés` : `en a ${p.length}`})`,
  },
  username_ascii: {
    en: () => 'Username may contain only ASCII letters, digits and symbols, without spaces or accents',
    fr: () => "Le nom d'utilisateur ne peut contenir que des lettres, chiffres et symboles ASCII, sans espace ni accent",
  },
  weak_password: {
    en: () => 'Password must have at least 8 characters, including a letter and a digit',
    fr: () => 'Le mot de passe doit comporter au moins 8 caractères, dont au moins une lettre et un chiffre',
  },
  password_too_long: {
    en: (p) => `Password must have at most ${p.max} characters${p.length !== undefined ? ` (it had ${p.length}; it was not kept: type it again)` : ''}`,
    fr: (p) =>
      `Le mot de passe doit comporter au plus ${p.max} caractères${p.length !== undefined ? ` (il en avait ${p.length} ; il n’a pas été gardé : saisissez-le de nouveau)` : ''}`,
  },
  password_not_allowed: {
    en: () => 'Leave the password empty: invited members choose their own password',
    fr: () => 'Laissez le mot de passe vide : les membres invités choisissent eux-mêmes leur mot de passe',
  },
  value_too_long: {
    en: (p, l) => `${col(p, l)} must have at most ${p.max} characters${p.kept !== undefined ? ` (it had ${p.length}; only the first ${p.kept} were kept)` : ''}`,
    fr: (p, l) =>
      `${q(col(p, l), l)} doit comporter au plus ${p.max} caractères${p.kept !== undefined ? ` (la valeur en avait ${p.length} ; seuls les ${p.kept} premiers ont été gardés)` : ''}`,
  },
  unknown_role: {
    en: (p, l) => `Unknown role ${q(p.value, l)}. Give a role's key or name, e.g. ${p.known}`,
    fr: (p, l) => `Rôle inconnu ${q(p.value, l)}. Indiquez la clé ou le nom d'un rôle, par exemple : ${p.known}`,
  },
  ambiguous_role: {
    en: (p, l) => `Role ${q(p.value, l)} matches several roles (${p.matches}); give the role's key`,
    fr: (p, l) => `Le rôle ${q(p.value, l)} correspond à plusieurs rôles (${p.matches}) ; indiquez la clé du rôle`,
  },
  unknown_user_type: {
    en: (p, l) => `Unknown user type ${q(p.value, l)}. Give a user type's key or name, e.g. ${p.known}`,
    fr: (p, l) => `Type d'utilisateur inconnu ${q(p.value, l)}. Indiquez la clé ou le nom d'un type d'utilisateur, par exemple : ${p.known}`,
  },
  ambiguous_user_type: {
    en: (p, l) => `User type ${q(p.value, l)} matches several user types (${p.matches}); give the user type's key`,
    fr: (p, l) =>
      `Le type d'utilisateur ${q(p.value, l)} correspond à plusieurs types (${p.matches}) ; indiquez la clé du type d'utilisateur`,
  },
  incompatible_role: {
    en: (p, l) =>
      `Role ${q(p.role, l)} is not compatible with user type ${q(p.userType, l)}; compatible roles: ${p.compatible || 'none'}`,
    fr: (p, l) =>
      `Le rôle ${q(p.roleFr, l)} n'est pas compatible avec le type d'utilisateur ${q(p.userTypeFr, l)} ; rôles compatibles : ${p.compatibleFr || 'aucun'}`,
  },
  role_not_allowed: {
    en: (p, l) => `Role ${q(p.role, l)} can't be given when adding members; give it once the member exists`,
    fr: (p, l) => `Le rôle ${q(p.roleFr, l)} ne peut pas être attribué à l'ajout ; attribuez-le une fois le membre créé`,
  },
  administrator_not_allowed: {
    en: (p, l) =>
      p.reason === 'administrators_only'
        ? `Only administrators can give the role ${q(p.role, l)}`
        : `Role ${q(p.role, l)} can't be given when adding members; give it once the member exists`,
    fr: (p, l) =>
      p.reason === 'administrators_only'
        ? `Seuls les administrateurs peuvent attribuer le rôle ${q(p.roleFr, l)}`
        : `Le rôle ${q(p.roleFr, l)} ne peut pas être attribué à l'ajout ; attribuez-le une fois le membre créé`,
  },
  privilege_above_own: {
    en: (p, l) => `Role ${q(p.role, l)} gives more privileges than your own; choose another role or ask an administrator`,
    fr: (p, l) => `Le rôle ${q(p.roleFr, l)} donne plus de privilèges que les vôtres ; choisissez un autre rôle ou demandez à un administrateur`,
  },
  unknown_identity_type: {
    en: (p, l) => `Unknown identity type ${q(p.value, l)}; use SAML or OIDC`,
    fr: (p, l) => `Type d'identité inconnu ${q(p.value, l)} ; indiquez SAML ou OIDC`,
  },
  identity_type_not_configured: {
    en: (p) => `${p.value} logins are not configured for this organization; use ${p.configured}`,
    fr: (p) => `Les connexions ${p.value} ne sont pas configurées pour cette organisation ; indiquez ${p.configured}`,
  },
  duplicate_in_file: {
    en: (p, l) => `Username ${q(p.username, l)} is already used on row ${p.firstRow} of this file`,
    fr: (p, l) => `Le nom d'utilisateur ${q(p.username, l)} figure déjà à la ligne ${p.firstRow} de ce fichier`,
  },
  username_taken: {
    en: (p, l) => `Username ${q(p.username, l)} is already taken in this organization`,
    fr: (p, l) => `Le nom d'utilisateur ${q(p.username, l)} est déjà pris dans cette organisation`,
  },
  extra_cells: {
    en: (p) => `This row has ${p.cells} values but the header has ${p.columns} columns; put values containing the separator in double quotes`,
    fr: (p) =>
      `Cette ligne contient ${p.cells} valeurs alors que l'en-tête a ${p.columns} colonnes ; mettez entre guillemets les valeurs qui contiennent le séparateur`,
  },
  missing_cells: {
    en: (p) =>
      `This row has ${p.cells} values but the header has ${p.columns} columns: a value is missing and the others can't be put in their columns; give every value (empty ones too) and upload again, or type the row here`,
    fr: (p) =>
      `Cette ligne contient ${p.cells} valeurs alors que l'en-tête a ${p.columns} colonnes : une valeur manque et les autres ne peuvent pas être rangées dans leurs colonnes ; indiquez toutes les valeurs (même vides) puis chargez de nouveau le fichier, ou saisissez la ligne ici`,
  },
  malformed_row: {
    en: (p) =>
      p.reason === 'unclosed'
        ? 'A value in this row opens a double quote that is never closed; the rest of the file was read as part of it'
        : 'A value in this row has a misplaced double quote (the lines after it may have been read into it); put the whole value in double quotes and double the quotes inside it',
    fr: (p) =>
      p.reason === 'unclosed'
        ? "Une valeur de cette ligne ouvre des guillemets jamais refermés ; la suite du fichier a été lue comme faisant partie de cette valeur"
        : 'Une valeur de cette ligne contient des guillemets mal placés (les lignes suivantes ont pu y être lues) ; mettez toute la valeur entre guillemets et doublez les guillemets internes',
  },
  trimmed: {
    en: (p, l) => `Spaces around ${col(p, l)} were removed`,
    fr: (p, l) => `Les espaces autour de ${q(col(p, l), l)} ont été supprimés`,
  },
};

/** The English wording of a code (what `message` holds). */
export function csvMessage(code: CsvRowIssueCode | CsvFileIssueCode, params: CsvIssueParams = {}, lang: Language = 'en'): string {
  return templates[code][lang](params, lang);
}

/** An issue's text in the user's language. */
export function csvIssueMessage(issue: { code?: string; message: string; params?: CsvIssueParams }, lang: Language): string {
  const t = issue.code ? templates[issue.code as CsvRowIssueCode] : undefined;
  if (!t) return issue.message;
  return t[lang](issue.params ?? {}, lang);
}

export function rowIssue(field: CsvField | null, code: CsvRowIssueCode, params?: CsvIssueParams): CsvIssue {
  const withField = { ...(params ?? {}), ...(field ? { field } : {}) };
  return { field, code, message: csvMessage(code, withField), params: withField };
}

export function fileIssue(code: CsvFileIssueCode, params: CsvIssueParams = {}, columns?: string[]): CsvFileIssue {
  return { code, message: csvMessage(code, params), params, ...(columns ? { columns } : {}) };
}
