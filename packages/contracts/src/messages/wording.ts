import { formatInstant } from '../datetime.ts';
import { csvColumnLabel, type CsvField } from '../csv/formats.ts';
import type { Language, PrivilegeArea } from '../enums.ts';
import { errorCodes, fieldErrorCodes, type ErrorCode, type FieldErrorCode } from '../problem.ts';
import { csvFileIssueCodes, csvRowIssueCodes, type CsvFileIssueCode, type CsvRowIssueCode } from '../csv/codes.ts';

/**
 * Every code of the one table of refusals (table.ts): problem codes, field-error codes, CSV
 * row and file issue codes. A code shared by a problem and a field error (`weak_password`,
 * `wrong_password`) or by a CSV issue and a field error (`required`, `unknown_role`…) has one
 * wording. Below, the small helpers the wordings are made with.
 */
export const messageCodes = [...new Set([...errorCodes, ...fieldErrorCodes, ...csvRowIssueCodes, ...csvFileIssueCodes])] as (
  | ErrorCode
  | FieldErrorCode
  | CsvRowIssueCode
  | CsvFileIssueCode
)[];
export type MessageCode = ErrorCode | FieldErrorCode | CsvRowIssueCode | CsvFileIssueCode;

/** The names and figures a message is made of (a role's `role`/`roleFr`, seats' `left`/`requested`/`short`, a `char`…). */
export type MessageParams = Record<string, string | number | undefined>;

export type Template<P = MessageParams> = (p: P, lang: Language) => string;
/** A code's English and French wording, made of its params `P` (a problem's are typed per code: problem-params.ts). */
export type Wording<P = MessageParams> = { en: Template<P>; fr: Template<P> };

export const q = (v: string | number | undefined, lang: Language) => (lang === 'fr' ? `« ${v ?? ''} »` : `"${v ?? ''}"`);
export const col = (p: MessageParams, lang: Language) =>
  p.field ? csvColumnLabel(p.field as CsvField, lang) : lang === 'fr' ? 'cette valeur' : 'this value';
export const n = (p: MessageParams, key: string) => Number(p[key] ?? 0);
const pluralRules: Record<Language, Intl.PluralRules> = { en: new Intl.PluralRules('en'), fr: new Intl.PluralRules('fr') };
/**
 * A count with its words in the plural form `lang` asks for (Intl.PluralRules: French says 0
 * and 1 in the singular, English only 1): `counted(0, 'fr', { one: 'place', other: 'places' })`
 * is "0 place". Never "place(s)".
 */
export function counted(count: number, lang: Language, words: { one: string; other: string }): string {
  const figure = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(count);
  return `${figure}${lang === 'fr' ? '\u00a0' : ' '}${pluralRules[lang].select(count) === 'one' ? words.one : words.other}`;
}
/** The form alone (for a word placed away from its figure). */
export const pluralForm = (count: number, lang: Language, words: { one: string; other: string }) => (pluralRules[lang].select(count) === 'one' ? words.one : words.other);
export const has = (p: MessageParams, key: string) => p[key] !== undefined && p[key] !== '';

export const areaNames: Record<PrivilegeArea, { en: string; fr: string }> = {
  manage_access: { en: 'manage access', fr: 'gérer l’accès' },
  members: { en: 'members', fr: 'membres' },
  licenses: { en: 'licences and user types', fr: 'licences et types d’utilisateur' },
  groups: { en: 'groups and categories', fr: 'groupes et catégories' },
  content: { en: 'content', fr: 'contenu' },
  reporting: { en: 'reporting', fr: 'rapports' },
  contact_updates: { en: 'contact updates', fr: 'mises à jour des contacts' },
  organization_settings: { en: 'organization settings', fr: 'paramètres de l’organisation' },
  contact_update_preview: { en: 'contact-update preview', fr: 'aperçu de la mise à jour des contacts' },
  account_documents: { en: 'account documents', fr: 'documents liés au compte' },
};
export const levelNames: Record<string, { en: string; fr: string }> = {
  none: { en: 'None', fr: 'Aucun' },
  view: { en: 'View', fr: 'Consulter' },
  update: { en: 'Update', fr: 'Mettre à jour' },
};
/** `areas` (comma-separated area keys) in `lang`, as the interface names them (locales' `privileges.areas`). */
export const areasIn = (p: MessageParams, lang: Language) =>
  String(p.areas ?? p.area ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => areaNames[a as PrivilegeArea]?.[lang] ?? a.replace(/_/g, ' '))
    .join(', ');
export const levelIn = (p: MessageParams, lang: Language) => levelNames[String(p.level)]?.[lang] ?? String(p.level ?? '');

/** A byte count as the file-size refusals say it: MiB from 1 MiB up, otherwise bytes. */
export function fileSize(bytes: number, lang: Language): string {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return lang === 'fr' ? `${bytes} octets` : `${bytes} bytes`;
  const s = Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
  return lang === 'fr' ? `${s.replace('.', ',')} Mio` : `${s} MiB`;
}

export const decidedWhen = (p: MessageParams, lang: Language) => {
  const at = typeof p.decidedAt === 'string' ? new Date(p.decidedAt) : null;
  if (!at || Number.isNaN(at.getTime())) return '';
  const when = formatInstant(at, { lang, timeZone: 'UTC', style: 'long' });
  return lang === 'fr' ? ` le ${when}` : ` on ${when}`;
};
export const decidedWho = (p: MessageParams, lang: Language) => {
  if (p.by === 'automatic') return lang === 'fr' ? ' automatiquement (domaine approuvé)' : ' automatically (approved domain)';
  if (p.by === 'member') return lang === 'fr' ? ` par ${p.fullName || p.username} (${p.username})` : ` by ${p.fullName || p.username} (${p.username})`;
  if (p.by === 'former') return lang === 'fr' ? ' par un ancien membre' : ' by a former member';
  return '';
};
