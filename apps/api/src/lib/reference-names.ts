import type { Prisma } from '@sesame/db';
import { AppError } from './errors.ts';
import { sameText } from './text-match.ts';

/**
 * Names of an organization's reference data (categories, groups, licences, roles) are unique
 * whatever their case. A check then a write would let two concurrent requests both pass, so
 * each kind's names are checked and written under a transaction-scoped advisory lock of the
 * organization and the kind. It is taken before any row lock of the change.
 */
export async function lockNames(tx: Prisma.TransactionClient, organizationId: string, kind: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${kind}:${organizationId}`}, 0))`;
}

/** 409 `name_taken` on `name`: another item of the kind has this name (whatever its case). */
export const nameTaken = (name: string) =>
  new AppError(409, 'name_taken', { params: { value: name }, errors: [{ path: 'name', code: 'name_taken', params: { value: name } }] });

/** The `where` of a search for another item of the kind with this name, whatever its case. */
export type NameClashWhere = { organizationId: string; name: ReturnType<typeof sameText>; id?: { not: string } };

/**
 * 409 `name_taken` when another item of the kind already has `name` (whatever its case).
 * `findClash` runs the kind's own query, e.g. `(where) => tx.group.findFirst({ where, select: { id: true } })`,
 * so groups, categories, licences and roles share the rule; call it under `lockNames`.
 */
export async function assertNameFree(findClash: (where: NameClashWhere) => Promise<unknown>, organizationId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await findClash({ organizationId, name: sameText(name), ...(exceptId ? { id: { not: exceptId } } : {}) });
  if (clash) throw nameTaken(name);
}
