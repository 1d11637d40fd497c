import type { Prisma } from '@sesame/db';

/** A role's compatibility with a user type (a row of the user type's compatible roles). */
export type RoleTypePair = { roleId: string; userTypeId: string };

/**
 * The role–user type compatibilities among `removed` that can't be removed, with how many
 * members rely on each: members of the type who hold the role, or the organization's default
 * pair (its default role with its default user type, count 0). The one rule of both sides of
 * the table: PATCH /api/user-types/:id (`roleIds`) and PATCH /api/roles/:id (`userTypeIds`).
 */
export async function compatibilitiesInUse(tx: Prisma.TransactionClient, organizationId: string, removed: readonly RoleTypePair[]): Promise<(RoleTypePair & { count: number })[]> {
  if (!removed.length) return [];
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultRoleId: true, defaultUserTypeId: true } });
  const out: (RoleTypePair & { count: number })[] = [];
  for (const pair of removed) {
    const count = await tx.member.count({ where: { organizationId, userTypeId: pair.userTypeId, roleId: pair.roleId } });
    const isDefaultPair = org.defaultUserTypeId === pair.userTypeId && org.defaultRoleId === pair.roleId;
    if (count > 0 || isDefaultPair) out.push({ ...pair, count });
  }
  return out;
}
