import type { MemberIdsBody, MembershipChange } from '@sesame/contracts';
import { audit } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/field-error.ts';
import { actorOf, findGroup, assertManageMembers, type Client, type GroupDeps } from './service.ts';

/**
 * POST /api/groups/:id/members and …/members/remove: all or nothing. Every id must be a member
 * of the organization (400 `unknown_member` at `memberIds.<i>` otherwise, nothing changed);
 * members who already are (or are not) in the group count as unchanged. The group's row is
 * locked, so a deletion of the group waits for the change or the change finds it gone.
 */
export async function changeGroupMembers({ db }: GroupDeps, auth: AuthContext, groupId: string, body: MemberIdsBody, op: 'add' | 'remove', client: Client): Promise<MembershipChange> {
  const { organizationId } = auth;
  const ids = [...new Set(body.memberIds)];
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${groupId}::uuid AND "organizationId" = ${organizationId}::uuid FOR UPDATE`;
    const group = await findGroup(tx, auth, groupId);
    assertManageMembers(auth, group);
    const found = await tx.member.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true, username: true } });
    const known = new Map(found.map((m) => [m.id, m.username]));
    const errors: FieldError[] = body.memberIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `memberIds.${i}`, code: 'unknown_member' as const, params: { value: id } }]));
    if (errors.length) throw new AppError(400, 'validation_failed', { errors });

    const already = new Set(
      (await tx.groupMembership.findMany({ where: { groupId, memberId: { in: ids } }, select: { memberId: true } })).map((m) => m.memberId),
    );
    const toChange = ids.filter((id) => (op === 'add' ? !already.has(id) : already.has(id)));
    if (op === 'add') await tx.groupMembership.createMany({ data: toChange.map((memberId) => ({ organizationId, groupId, memberId })) });
    else await tx.groupMembership.deleteMany({ where: { organizationId, groupId, memberId: { in: toChange } } });
    const changed = toChange.length;
    const memberCount = await tx.groupMembership.count({ where: { groupId } });
    if (changed > 0) {
      await audit(tx, {
        ...actorOf(auth, client),
        action: op === 'add' ? 'group.members_added' : 'group.members_removed',
        targetType: 'group',
        targetId: groupId,
        targetLabel: group.name,
        after: { members: toChange.map((id) => ({ id, username: known.get(id) ?? id })), memberCount },
      });
    }
    return { changed, unchanged: ids.length - changed, memberCount };
  });
}
