import type { Db, Prisma } from '@sesame/db';

export type AuditInput = {
  organizationId: string;
  actorId?: string | null;
  actorUsername?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  targetLabel?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string;
};

type Tx = Pick<Db, 'auditEvent'>;

/** Writes one audit event; call it with the transaction client of the change it records. */
export async function audit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: { ...e, actorId: e.actorId ?? null, actorUsername: e.actorUsername ?? null } });
}

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
