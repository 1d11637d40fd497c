import { directorySortKeys, type DirectoryMember, type Member, type MemberSort } from '@sesame/contracts';
import type { Prisma } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { hasLevel } from '../../lib/privileges.ts';

/**
 * Who sees whom (decision 014), in one place for the members
 * list, a member's page, their picture and the CSV export: with View on members, everyone
 * in full; without it, one's own record in full and the others only as their profile
 * visibility allows (`everyone` / `organization`: name and picture; `private`: not there).
 */
export type MemberVisibility = { full: true } | { full: false; selfId: string };

export function memberVisibility(auth: Pick<AuthContext, 'memberId' | 'privileges'>): MemberVisibility {
  return hasLevel(auth.privileges, 'members', 'view') ? { full: true } : { full: false, selfId: auth.memberId };
}

/** The members the caller may see at all; `{}` with View on members. Combine it with the organization scope. */
export function visibleMembersWhere(v: MemberVisibility): Prisma.MemberWhereInput {
  if (v.full) return {};
  return { OR: [{ id: v.selfId }, { profileVisibility: { in: ['everyone', 'organization'] } }] };
}

/** Whether the caller sees this member's record in full (not just name and picture). */
export const seesInFull = (v: MemberVisibility, memberId: string): boolean => v.full || v.selfId === memberId;

/** Name and picture only: what a member without View on members sees of another. */
export function toDirectoryMember(m: { id: string; username: string; firstName: string; lastName: string; thumbnailType: string | null }): DirectoryMember {
  return { id: m.id, username: m.username, firstName: m.firstName, lastName: m.lastName, fullName: `${m.firstName} ${m.lastName}`.trim(), hasThumbnail: m.thumbnailType !== null };
}

/** A list item as the caller may see it. */
export function forViewer<R extends { id: string; username: string; firstName: string; lastName: string; thumbnailType: string | null }>(
  v: MemberVisibility,
  row: R,
  full: (row: R) => Member,
): Member | DirectoryMember {
  return seesInFull(v, row.id) ? full(row) : toDirectoryMember(row);
}

/**
 * Without View on members, filtering or sorting on an administrative field (role, user type,
 * status, email, dates) would reveal it: refused, naming the parameter.
 */
export function assertDirectoryQuery(v: MemberVisibility, q: { role?: string; userType?: string; status?: string; sort: MemberSort }): void {
  if (v.full) return;
  const errors: FieldError[] = [];
  for (const key of ['role', 'userType', 'status'] as const) {
    if (q[key] !== undefined) errors.push({ path: `querystring.${key}`, code: 'needs_members_view', params: { what: 'filter' } });
  }
  if (!(directorySortKeys as readonly string[]).includes(q.sort)) errors.push({ path: 'querystring.sort', code: 'needs_members_view', params: { what: 'sort' } });
  if (errors.length) throw new AppError(403, 'forbidden', { params: { reason: 'directory_search' }, errors });
}
