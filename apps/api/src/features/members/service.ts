import type { MemberListQuery, MemberListResponse, MemberSort } from '@sesame/contracts';
import { MemberListQuery as MemberListQuerySchema } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { byIdOrKey } from '../../lib/ids.ts';
import { memberSelect, toMemberDto, type MemberRow } from '../../lib/member-dto.ts';
import { dateColumns, decodeCursor, encodeCursor, nullableColumns, sortColumns } from './cursor.ts';

export type MembersDeps = { db: Db };
type ListQuery = ReturnType<typeof MemberListQuerySchema.parse>;



function filters(organizationId: string, q: ListQuery): Prisma.MemberWhereInput {
  const and: Prisma.MemberWhereInput[] = [{ organizationId }];
  if (q.status) and.push({ status: q.status });
  if (q.role) and.push({ role: { organizationId, ...byIdOrKey(q.role) } });
  if (q.userType) and.push({ userType: { organizationId, ...byIdOrKey(q.userType) } });
  if (q.q) {
    // Prisma passes `contains` to ILIKE as is: escape LIKE's wildcards so the text is literal.
    const contains = { contains: q.q.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const };
    and.push({ OR: [{ username: contains }, { firstName: contains }, { lastName: contains }, { email: contains }] });
  }
  return { AND: and };
}

type Col = (typeof sortColumns)[MemberSort][number];

function cursorValue(row: MemberRow, col: Col): string | null {
  const v = row[col];
  if (v === null) return null;
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * Rows strictly after the cursor in (columns…, id) order. Only the last sort column may be
 * null; nulls always come last, whatever the direction.
 */
function afterCursor(cols: Col[], values: (string | null)[], id: string, order: 'asc' | 'desc'): Prisma.MemberWhereInput {
  const cmp = order === 'asc' ? 'gt' : 'lt';
  const val = (col: Col, v: string) => (dateColumns.has(col) ? new Date(v) : v);
  const or: Prisma.MemberWhereInput[] = [];
  const last = cols.length - 1;
  const eqPrefix = (n: number): Prisma.MemberWhereInput[] =>
    cols.slice(0, n).map((c, i) => {
      const v = values[i];
      return { [c]: v === null || v === undefined ? null : val(c, v) };
    });
  for (const [i, col] of cols.entries()) {
    const v = values[i];
    if (v === null || v === undefined) continue; // nothing sorts after null except ties broken by id
    or.push({ AND: [...eqPrefix(i), { [col]: { [cmp]: val(col, v) } }] });
    if (i === last && nullableColumns.has(col)) or.push({ AND: [...eqPrefix(i), { [col]: null }] });
  }
  or.push({ AND: [...eqPrefix(cols.length), { id: { [cmp]: id } }] });
  return { OR: or };
}

function orderBy(cols: Col[], order: 'asc' | 'desc'): Prisma.MemberOrderByWithRelationInput[] {
  return [
    ...cols.map((c) => (nullableColumns.has(c) ? { [c]: { sort: order, nulls: 'last' as const } } : { [c]: order })),
    { id: order },
  ];
}

export async function listMembers(deps: MembersDeps, auth: AuthContext, input: MemberListQuery): Promise<MemberListResponse> {
  const q = MemberListQuerySchema.parse(input);
  const where = filters(auth.organizationId, q);
  const cols = sortColumns[q.sort];
  const page = q.cursor ? decodeCursor(q.cursor, q.sort, q.order) : null;
  const pageWhere: Prisma.MemberWhereInput = page ? { AND: [where, afterCursor(cols, page.v, page.id, q.order)] } : where;

  const [rows, total] = await Promise.all([
    deps.db.member.findMany({ where: pageWhere, orderBy: orderBy(cols, q.order), take: q.limit + 1, select: memberSelect }),
    deps.db.member.count({ where }),
  ]);
  const items = rows.slice(0, q.limit);
  const lastRow = items[items.length - 1];
  const nextCursor =
    rows.length > q.limit && lastRow
      ? encodeCursor({ s: q.sort, o: q.order, v: cols.map((c) => cursorValue(lastRow, c)), id: lastRow.id })
      : null;
  return { items: items.map(toMemberDto), nextCursor, total };
}
