import {
  auditActionLabel,
  auditChangeLines,
  auditTargetText,
  formatInstant,
  toCsv,
  defaultDelimiter,
  UTF8_BOM,
  type ActivityEvent,
  type ActivityList,
  type Language,
  present,
} from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { isUuid } from '../../lib/ids.ts';

export type ActivityDeps = { db: Db };
type Filters = { member?: string; actor?: string; action?: string; from?: string; to?: string };


function where(organizationId: string, f: Filters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ organizationId }];
  if (f.member) and.push({ targetId: f.member });
  if (f.actor) and.push(isUuid(f.actor) ? { actorId: f.actor } : { actorUsername: f.actor });
  if (f.action) and.push(f.action.endsWith('.') ? { action: { startsWith: f.action } } : { action: f.action });
  if (f.from) and.push({ createdAt: { gte: new Date(f.from) } });
  if (f.to) {
    // A bare date means the whole of that day.
    const to = /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? new Date(new Date(f.to).getTime() + 86_400_000) : new Date(f.to);
    and.push({ createdAt: { lt: to } });
  }
  return { AND: and };
}

const toDto = (e: Prisma.AuditEventGetPayload<object>): ActivityEvent => ({
  id: e.id.toString(),
  action: e.action,
  actor: { id: e.actorId, username: e.actorUsername },
  target: { type: e.targetType, id: e.targetId, label: e.targetLabel },
  before: e.before ?? null,
  after: e.after ?? null,
  ip: e.ip,
  createdAt: e.createdAt.toISOString(),
});

/** Newest first; the cursor is the last id seen (ids only grow). */
export async function listActivity({ db }: ActivityDeps, auth: AuthContext, q: Filters & { limit: number; cursor?: string }): Promise<ActivityList> {
  const base = where(auth.organizationId, q);
  const rows = await db.auditEvent.findMany({
    where: q.cursor ? { AND: [base, { id: { lt: BigInt(q.cursor) } }] } : base,
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  return { items: items.map(toDto), nextCursor: rows.length > q.limit ? present(items.at(-1), 'the page\'s last event').id.toString() : null };
}

const headers: Record<Language, string[]> = {
  fr: ['Date (UTC)', 'Action', 'Auteur', 'Cible', 'Avant', 'Après', 'Adresse IP', 'Code de l’action'],
  en: ['Date (UTC)', 'Action', 'Actor', 'Target', 'Before', 'After', 'IP address', 'Action code'],
};
const systemActor: Record<Language, string> = { fr: 'Système', en: 'System' };

/**
 * An event's before or after as the Activity page words it, one "Label : value" per field in
 * the same stable order (packages/contracts activity-labels.ts).
 */
function sideText(lines: ReturnType<typeof auditChangeLines>, side: 'before' | 'after', lang: Language): string {
  const sep = lang === 'fr' ? '\u00A0: ' : ': ';
  return lines
    .filter((l) => l[side] !== undefined)
    .map((l) => `${l.label}${sep}${l[side]}`)
    .join('\n');
}

/** The filtered activity as CSV (formula-safe), read in pages so memory stays flat. */
export async function* exportActivityCsv({ db }: ActivityDeps, auth: AuthContext, q: Filters & { lang: Language }): AsyncGenerator<string> {
  const delimiter = defaultDelimiter(q.lang);
  yield UTF8_BOM + toCsv([headers[q.lang]], { delimiter });
  const base = where(auth.organizationId, q);
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor ? { AND: [base, { id: { lt: cursor } }] } : base,
      orderBy: { id: 'desc' },
      take: 1000,
    });
    if (!rows.length) return;
    yield toCsv(
      rows.map((e) => {
        const lines = auditChangeLines(e.action, e.before, e.after, { lang: q.lang, instant: (iso) => formatInstant(iso, { lang: q.lang, timeZone: 'UTC', style: 'long' }) });
        return [
          e.createdAt.toISOString(),
          auditActionLabel(e.action, q.lang),
          e.actorUsername ?? systemActor[q.lang],
          auditTargetText({ type: e.targetType, id: e.targetId, label: e.targetLabel }, q.lang),
          sideText(lines, 'before', q.lang),
          sideText(lines, 'after', q.lang),
          e.ip ?? '',
          e.action,
        ];
      }),
      { delimiter },
    );
    cursor = present(rows.at(-1), 'the slice\'s last event').id;
  }
}
