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
