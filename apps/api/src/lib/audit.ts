import type { AuditAction } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';

export type AuditInput = {
  organizationId: string;
  actorId?: string | null;
  actorUsername?: string | null;
  /** One of the actions the Activity page has words for (packages/contracts activity-labels.ts). */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  targetLabel?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string;
};

type Tx = Pick<Db, 'auditEvent'>;

/**
 * Writes one audit event; call it with the transaction client of the change it records. When
 * the event has both a before and an after, a field that did not change is left out of both,
 * and an event left with nothing changed is not written (a save that changes nothing is not
 * logged); returns whether it wrote one.
 */
export async function audit(tx: Tx, e: AuditInput): Promise<boolean> {
  const before: unknown = e.before;
  const after: unknown = e.after;
  if (isValues(before) && isValues(after) && (Object.keys(before).length || Object.keys(after).length)) {
    const same = Object.keys(after).filter((k) => k in before && canonical(before[k]) === canonical(after[k]));
    const keep = (values: Values) => Object.fromEntries(Object.entries(values).filter(([k]) => !same.includes(k))) as Prisma.InputJsonValue;
    const [b, a] = [keep(before), keep(after)];
    if (!Object.keys(b).length && !Object.keys(a).length) return false;
    e = { ...e, before: b, after: a };
  }
  await tx.auditEvent.create({ data: { ...e, actorId: e.actorId ?? null, actorUsername: e.actorUsername ?? null } });
  return true;
}

const isValues = (value: unknown): value is Values => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How a role or user type appears in an audit event's before/after: the key for machines, the
 * names (English and French) for people, as they were when the change was made.
 */
export const roleLabel = (r: { key: string; nameEn: string; nameFr: string }) => ({ key: r.key, name: r.nameEn, nameFr: r.nameFr });

/**
 * How licences, groups and categories appear in an audit event: `[{ id, name }]` in the order
 * of `ids`, each named from `rows` as it is now (an unknown id keeps the id as its name).
 */
export const namedList = (ids: string[], rows: { id: string; name: string }[]) => ids.map((id) => ({ id, name: rows.find((r) => r.id === id)?.name ?? id }));

type Values = Record<string, unknown>;

/**
 * JSON text with object keys sorted, so that equal values compare equal whatever their key
 * order; nothing, an empty text and an empty list all read "—" and compare equal.
 */
function canonical(value: unknown): string {
  const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  return JSON.stringify(empty(value) ? null : value, (_key, v: unknown) =>
    empty(v) ? null : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export type AuditChanges = { before: Record<string, Prisma.InputJsonValue | null>; after: Record<string, Prisma.InputJsonValue | null> };

/**
 * What an update changed, for its audit event: only the fields whose value differs (compared
 * as JSON; `undefined` counts as null), in the order of `fields` (then any other field in
 * alphabetical order), or null when nothing changed — and then no event is written. Values
 * that are sets (licences, groups…) must be given in a canonical order by the caller.
 */
export function auditChanges(before: Values, after: Values, fields: readonly string[] = []): AuditChanges | null {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const rank = (k: string) => (fields.includes(k) ? fields.indexOf(k) : fields.length);
  keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const changes: AuditChanges = { before: {}, after: {} };
  for (const key of keys) {
    if (canonical(before[key]) === canonical(after[key])) continue;
    changes.before[key] = (before[key] ?? null) as Prisma.InputJsonValue | null;
    changes.after[key] = (after[key] ?? null) as Prisma.InputJsonValue | null;
  }
  return Object.keys(changes.after).length ? changes : null;
}

/**
 * Writes the audit event of an update only when something changed, with only what changed
 * (see {@link auditChanges}); returns whether it wrote one.
 */
export async function auditUpdate(tx: Tx, e: Omit<AuditInput, 'before' | 'after'>, before: Values, after: Values, fields?: readonly string[]): Promise<boolean> {
  const changes = auditChanges(before, after, fields);
  if (!changes) return false;
  await audit(tx, { ...e, ...changes });
  return true;
}
