import type { MemberDirectoryResponse, MemberListQuery, MemberSort } from '@sesame/contracts';
import { MemberListQuery as MemberListQuerySchema } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { byIdOrKey } from '../../lib/ids.ts';
import { memberSelect, toMemberDto, type MemberRow } from '../../lib/member-dto.ts';
import { dateColumns, decodeCursor, encodeCursor, nullableColumns, sortColumns } from './cursor.ts';
import { assertDirectoryQuery, forViewer, memberVisibility, visibleMembersWhere, type MemberVisibility } from './visibility.ts';
import { containsText } from '../../lib/text-match.ts';

export type MembersDeps = { db: Db };
export type ListQuery = ReturnType<typeof MemberListQuerySchema.parse>;

/**
 * The list's filters (search, status, role, user type) within the organization and what the
 * caller may see; shared by the list and the CSV export. Without View on members the search
 * leaves emails out (it would reveal them).
 */
export function filters(organizationId: string, q: ListQuery, visibility: MemberVisibility): Prisma.MemberWhereInput {
  const and: Prisma.MemberWhereInput[] = [{ organizationId }, visibleMembersWhere(visibility)];
  if (q.status) and.push({ status: q.status });
  if (q.role) and.push({ role: { organizationId, ...byIdOrKey(q.role) } });
  if (q.userType) and.push({ userType: { organizationId, ...byIdOrKey(q.userType) } });
  if (q.q) {
    const contains = containsText(q.q);
    const names: Prisma.MemberWhereInput[] = [{ username: contains }, { firstName: contains }, { lastName: contains }];
    and.push({ OR: visibility.full ? [...names, { email: contains }] : names });
  }
  return { AND: and };
}

type Col = (typeof sortColumns)[MemberSort][number];

export function cursorValue(row: Pick<MemberRow, Col>, col: Col): string | null {
  const v = row[col];
  if (v === null) return null;
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * Rows strictly after the cursor in (columns…, id) order. Only the last sort column may be
 * null; nulls always come last, whatever the direction.
 */
export function afterCursor(cols: Col[], values: (string | null)[], id: string, order: 'asc' | 'desc'): Prisma.MemberWhereInput {
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

export function orderBy(cols: Col[], order: 'asc' | 'desc'): Prisma.MemberOrderByWithRelationInput[] {
  return [
    ...cols.map((c) => (nullableColumns.has(c) ? { [c]: { sort: order, nulls: 'last' as const } } : { [c]: order })),
    { id: order },
  ];
}

export async function listMembers(deps: MembersDeps, auth: AuthContext, input: MemberListQuery): Promise<MemberDirectoryResponse> {
  const q = MemberListQuerySchema.parse(input);
  const visibility = memberVisibility(auth);
  assertDirectoryQuery(visibility, q);
  const where = filters(auth.organizationId, q, visibility);
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
  return { items: items.map((row) => forViewer(visibility, row, toMemberDto)), nextCursor, total };
}
