import type { MemberPage, MemberPageQuery, MemberSummary } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import { containsText } from './text-match.ts';

const summary = { id: true, username: true, firstName: true, lastName: true, email: true, status: true } as const;
export const memberSummarySelect = summary;

/**
 * A page of members matching `where` (a group's, a licence's), in username order, searched by
 * part of the username, first name, last name or email; the cursor is the last username seen.
 */
export async function memberPage(db: Pick<Db, 'member'>, where: Prisma.MemberWhereInput, query: MemberPageQuery): Promise<MemberPage> {
  const q = query.q?.trim();
  const matching: Prisma.MemberWhereInput = q
    ? {
        AND: [
          where,
          { OR: (['username', 'firstName', 'lastName', 'email'] as const).map((field) => ({ [field]: containsText(q) })) },
        ],
      }
    : where;
  const [rows, total] = await Promise.all([
    db.member.findMany({
      where: query.cursor ? { AND: [matching, { username: { gt: query.cursor } }] } : matching,
      select: summary,
      orderBy: { username: 'asc' },
      take: query.limit + 1,
    }),
    db.member.count({ where: matching }),
  ]);
  const items: MemberSummary[] = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, total, nextCursor: rows.length > query.limit && last ? last.username : null };
}
