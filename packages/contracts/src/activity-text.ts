import type { Language } from './enums.ts';
import { knownMessage } from './messages/table.ts';
import { areaNames, levelNames } from './messages/wording.ts';
import { memberExportHeaders } from './members-export.ts';
import { auditActionLabels, auditFieldLabels, auditFields, auditValueLabels, fieldRank, isAuditAction, requestStatusWords, yesNo, type AuditField, type Words } from './activity-labels.ts';

// How an audit event reads on the Activity page and in its CSV export: its action, fields,
// values, changes and target, in either language, from the tables of activity-labels.ts.

/** A privileges change records one field per privilege area; every other event names its own fields. */
const isPrivilegesChange = (action: string) => action === 'member.privileges_changed';
const isArea = (key: string): key is keyof typeof areaNames => Object.hasOwn(areaNames, key);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The label of an action in `lang`; an action this version does not know is shown as written. */
export function auditActionLabel(action: string, lang: Language): string {
  return isAuditAction(action) ? auditActionLabels[action][lang] : action;
}

const roleLevelsLabel: Words = { en: 'Role levels', fr: 'Niveaux du rôle' };

/** The label of a field of an event in `lang` (a privilege area for a privileges change), or undefined. */
export function auditFieldLabel(action: string, field: string, lang: Language): string | undefined {
  if (isPrivilegesChange(action) && isArea(field)) return capitalised(areaNames[field][lang]);
  // A role's levels are the role's, not a member's own.
  if (field === 'levels' && action.startsWith('role.')) return roleLevelsLabel[lang];
  return Object.hasOwn(auditFieldLabels, field) ? auditFieldLabels[field as AuditField][lang] : undefined;
}

/** The label of a coded value in `lang`, or undefined when the value is shown as written. */
export function auditValueLabel(action: string, field: string, value: string, lang: Language): string | undefined {
  if (isPrivilegesChange(action) && isArea(field)) return levelNames[value]?.[lang];
  if (field === 'fileErrors' || field === 'fields') return knownMessage(value, undefined, lang);
  const requestStatus = field === 'status' && action.startsWith('access_request.') ? requestStatusWords[value] : undefined;
  if (requestStatus) return requestStatus[lang];
  if ((field === 'columns' || field === 'sort') && Object.hasOwn(memberExportHeaders, value)) return memberExportHeaders[value as keyof typeof memberExportHeaders][lang];
  if (field === 'code') return auditValueLabels.code?.[value]?.[lang] ?? knownMessage(value, undefined, lang);
  return auditValueLabels[field]?.[value]?.[lang];
}

/** `keys` in the fields' stable order (unknown ones last, alphabetically). */
export function sortAuditFields(keys: Iterable<string>): string[] {
  const rank = (k: string) => fieldRank.get(k) ?? (isArea(k) ? auditFields.length : auditFields.length + 1);
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type AuditValueOptions = {
  lang: Language;
  /** Names a bare key or id (older events kept only a role's key); undefined to leave it. */
  nameOf?: (field: string, value: string) => string | undefined;
  /** Text for an instant (e.g. an invitation's expiry). */
  instant?: (iso: string) => string;
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const NOTHING = '—';

/** A recorded value as people read it: labels for codes, names for things, never a raw id. */
export function auditValueText(action: string, field: string, value: unknown, options: AuditValueOptions): string {
  const { lang } = options;
  if (value === null || value === undefined || value === '') return NOTHING;
  if (typeof value === 'boolean') return yesNo[value ? 'true' : 'false'][lang];
  if (Array.isArray(value)) return value.length ? value.map((v) => auditValueText(action, field, v, options)).join(', ') : NOTHING;
  if (isRecord(value)) {
    // Things are recorded with their names: { key, name, nameFr }, { id, name }, { id, username }.
    if (typeof value.name === 'string') return lang === 'fr' && typeof value.nameFr === 'string' && value.nameFr ? value.nameFr : value.name;
    if (typeof value.username === 'string') return value.username;
    // Nested fields (own levels, an export's filters, default settings): "Label : value, …".
    // Levels in the areas' order (as the Roles and member pages list them); other fields in the table's order.
    const areaOrder = Object.keys(areaNames);
    const keys = field === 'levels' ? Object.keys(value).sort((a, b) => areaOrder.indexOf(a) - areaOrder.indexOf(b)) : sortAuditFields(Object.keys(value));
    const entries = keys.filter((k) => value[k] !== null && value[k] !== undefined && value[k] !== '');
    if (!entries.length) return NOTHING;
    const sep = lang === 'fr' ? '\u00A0: ' : ': ';
    return entries
      .map((k) => {
        const nestedField = field === 'levels' ? 'levels' : k;
        const label = field === 'levels' && isArea(k) ? capitalised(areaNames[k][lang]) : (auditFieldLabel(action, k, lang) ?? k);
        return `${label}${sep}${auditValueText(action, nestedField, value[k], options)}`;
      })
      .join(', ');
  }
  const text = String(value);
  const coded = auditValueLabel(action, field, text, lang);
  if (coded) return coded;
  if (typeof value === 'string') {
    const named = options.nameOf?.(field, text);
    if (named) return named;
    if (options.instant && ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return options.instant(text);
    // An id with no name recorded is never shown (auditChangeLines leaves such a field out).
    if (UUID.test(text)) return NOTHING;
  }
  if (typeof value === 'number') return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(value);
  return text;
}

export type AuditChangeLine = { field: string; label: string; before?: string; after?: string };

/**
 * An event's before and after as lines, one per field in the stable order, with labels and
 * readable values; a field whose before and after read the same is left out (older events).
 */
export function auditChangeLines(action: string, before: unknown, after: unknown, options: AuditValueOptions): AuditChangeLine[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const lines: AuditChangeLine[] = [];
  const bareId = (field: string, value: unknown) => value === null || value === undefined || (typeof value === 'string' && UUID.test(value) && !options.nameOf?.(field, value));
  for (const field of sortAuditFields([...Object.keys(b), ...Object.keys(a)])) {
    // Ids kept for machines (memberId, importId…) sit next to the names people read.
    if (bareId(field, b[field]) && bareId(field, a[field])) continue;
    const label = auditFieldLabel(action, field, options.lang) ?? field;
    const line: AuditChangeLine = { field, label };
    if (field in b) line.before = auditValueText(action, field, b[field], options);
    if (field in a) line.after = auditValueText(action, field, a[field], options);
    if (line.before !== undefined && line.after !== undefined && line.before === line.after) continue;
    lines.push(line);
  }
  return lines;
}

/** One line's text: "before → after", or the value alone when only one side was recorded. */
export function auditChangeText(line: AuditChangeLine): string {
  if (line.before !== undefined && line.after !== undefined) return `${line.before} → ${line.after}`;
  if (line.before !== undefined) return `${line.before} → ${NOTHING}`;
  return line.after ?? NOTHING;
}

/** An event's target as people read it: its recorded name, else what it is (never a raw id). */
export function auditTargetText(target: { type: string | null; id: string | null; label: string | null }, lang: Language): string {
  if (target.label) return target.label;
  const kinds: Record<string, Words> = {
    member: { en: 'A member', fr: 'Un membre' },
    organization: { en: 'The organization', fr: 'L’organisation' },
    access_request: { en: 'An access request', fr: 'Une demande d’accès' },
    import: { en: 'A file import', fr: 'Un import de fichier' },
    group: { en: 'A group', fr: 'Un groupe' },
    category: { en: 'A category', fr: 'Une catégorie' },
    license: { en: 'A licence', fr: 'Une licence' },
    user_type: { en: 'A user type', fr: 'Un type d’utilisateur' },
    role: { en: 'A role', fr: 'Un rôle' },
  };
  const kind = target.type ? kinds[target.type] : undefined;
  if (kind) return kind[lang];
  if (target.id && UUID.test(target.id)) return NOTHING;
  return target.id ?? NOTHING;
}
