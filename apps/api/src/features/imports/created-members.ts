import { present, type ImportMembersQuery, type ImportMembersResponse } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { z } from 'zod';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError } from '../../lib/errors.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { findJob, requirePrivilege } from './service.ts';

/**
 * The members a committed import created, a page at a time in the file's row order, for the
 * wizard's result (issue 13, item 5). Each valid row chose its member's id at upload; the
 * members exist once the job is committed, and those deleted since are left out (and out of
 * `total`). Same access as the job itself: the privilege to add members, in its organization.
 */
export async function createdMembers(db: Db, auth: AuthContext, id: string, q: z.infer<typeof ImportMembersQuery>): Promise<ImportMembersResponse> {
  requirePrivilege(auth);
  const job = await findJob(db, auth, id);
  if (job.status !== 'committed') throw new AppError(409, 'conflict', { params: { reason: 'import_not_committed' } });
  const after = q.cursor ? Number(q.cursor) : 0;
  // Rows joined to the members that still exist, so a page has no holes.
  const rows = await db.$queryRaw<{ rowNumber: number; memberId: string }[]>`
    SELECT r."rowNumber", r."memberId" FROM "ImportRow" r
    JOIN "Member" m ON m.id = r."memberId" AND m."organizationId" = ${auth.organizationId}::uuid
    WHERE r."jobId" = ${job.id}::uuid AND r.valid AND r."rowNumber" > ${after}
    ORDER BY r."rowNumber" LIMIT ${q.limit + 1}`;
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const [found, total] = await Promise.all([
    db.member.findMany({ where: { organizationId: auth.organizationId, id: { in: page.map((r) => r.memberId) } }, select: memberSelect }),
    countCreated(db, auth.organizationId, job.id),
  ]);
  const byId = new Map(found.map((m) => [m.id, m]));
  const items = page.flatMap((r) => {
    const member = byId.get(r.memberId);
    return member ? [toMemberDto(member)] : [];
  });
  return { items, total, nextCursor: more ? String(present(page.at(-1), 'the page’s last row').rowNumber) : null };
}

async function countCreated(db: Db, organizationId: string, jobId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "ImportRow" r JOIN "Member" m ON m.id = r."memberId" AND m."organizationId" = ${organizationId}::uuid
    WHERE r."jobId" = ${jobId}::uuid AND r.valid`;
  return row?.n ?? 0;
}
