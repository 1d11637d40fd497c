import type { MemberIdsBody, MemberPage, MemberPageQuery, MembershipChange } from '@sesame/contracts';
import { audit } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { memberPage } from '../../lib/member-page.ts';
import { assertKnownMembers, auditedMember, auditedMemberSelect, membershipDelta } from '../../lib/memberships.ts';
import { actorOf, findGroup, assertManageMembers, type Client, type GroupDeps } from './service.ts';

/**
 * POST /api/groups/:id/members and …/members/remove: all or nothing. Every id must be a member
 * of the organization (400 `unknown_member` at `memberIds.<i>` otherwise, nothing changed);
 * members who already are (or are not) in the group count as unchanged. The group's row is
 * locked, so a deletion of the group waits for the change or the change finds it gone.
 * The audit event names the group and each member changed.
 */
export async function changeGroupMembers({ db }: GroupDeps, auth: AuthContext, groupId: string, body: MemberIdsBody, op: 'add' | 'remove', client: Client): Promise<MembershipChange> {
  const { organizationId } = auth;
  const ids = [...new Set(body.memberIds)];
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${groupId}::uuid AND "organizationId" = ${organizationId}::uuid FOR UPDATE`;
    const group = await findGroup(tx, auth, groupId);
    assertManageMembers(auth, group);
    const found = await tx.member.findMany({ where: { organizationId, id: { in: ids } }, select: auditedMemberSelect });
    const known = new Map(found.map((m) => [m.id, m]));
    assertKnownMembers(body.memberIds, known);

    const holders = new Set((await tx.groupMembership.findMany({ where: { groupId, memberId: { in: ids } }, select: { memberId: true } })).map((m) => m.memberId));
    const toChange = membershipDelta(op, ids, holders);
    if (op === 'add') await tx.groupMembership.createMany({ data: toChange.map((memberId) => ({ organizationId, groupId, memberId })) });
    else await tx.groupMembership.deleteMany({ where: { organizationId, groupId, memberId: { in: toChange } } });
    const changed = toChange.length;
    const named = toChange.flatMap((id) => {
      const m = known.get(id);
      return m ? [auditedMember(m)] : [];
    });
    const memberCount = await tx.groupMembership.count({ where: { groupId } });
    if (changed > 0) {
      await audit(tx, {
        ...actorOf(auth, client),
        action: op === 'add' ? 'group.members_added' : 'group.members_removed',
        targetType: 'group',
        targetId: groupId,
        targetLabel: group.name,
        after: { members: named, memberCount },
      });
    }
    return { changed, unchanged: ids.length - changed, memberCount };
  });
}

/**
 * GET /api/groups/:id/candidates: the organization's members who are not in the group, searched
 * and paged, for the add-members picker. Whoever may manage the group's members may search
 * them (its owner included, without View on members); only names, usernames and emails.
 */
export async function listGroupCandidates({ db }: GroupDeps, auth: AuthContext, groupId: string, query: MemberPageQuery): Promise<MemberPage> {
  const group = await findGroup(db, auth, groupId);
  assertManageMembers(auth, group);
  return memberPage(db, { organizationId: auth.organizationId, groups: { none: { groupId } } }, query);
}
