import { directorySortKeys, MemberSort, MemberStatus } from '@sesame/contracts';
import type { MemberListParams } from './api/list-members.ts';

// The list's filters, search and sort live in the URL so a reload or a shared link shows
// the same list. Unknown or invalid values are ignored rather than sent to the API.

export const pageSizes = [10, 25, 50, 100] as const;
export type SortOrder = 'asc' | 'desc';

export interface MemberFilters {
  q: string;
  role: string | null;
  userType: string | null;
  status: MemberStatus | null;
  sort: MemberSort;
  order: SortOrder;
  limit: number;
}

export const defaultFilters: MemberFilters = {
  q: '',
  role: null,
  userType: null,
  status: null,
  sort: 'lastName',
  order: 'asc',
  limit: 25,
};

const isDirectorySort = (sort: MemberSort) => (directorySortKeys as readonly MemberSort[]).includes(sort);

/**
 * The filters in the URL. The directory (a member without View on members) is searched and
 * sorted by name only: the role, user type and status filters and the other sorts of a link
 * made by an administrator are dropped, as the API would refuse them.
 */
export function readMemberFilters(params: URLSearchParams, options: { directory?: boolean } = {}): MemberFilters {
  const directory = options.directory ?? false;
  const sort = MemberSort.safeParse(params.get('sort'));
  const status = MemberStatus.safeParse(params.get('status'));
  const order = params.get('order');
  const limit = Number(params.get('limit'));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    role: directory ? null : params.get('role') || null,
    userType: directory ? null : params.get('userType') || null,
    status: !directory && status.success ? status.data : null,
    sort: sort.success && (!directory || isDirectorySort(sort.data)) ? sort.data : defaultFilters.sort,
    order: order === 'asc' || order === 'desc' ? order : defaultFilters.order,
    limit: (pageSizes as readonly number[]).includes(limit) ? limit : defaultFilters.limit,
  };
}

/** URL search params for the filters, leaving out defaults to keep links short. */
export function writeMemberFilters(filters: MemberFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.role) params.set('role', filters.role);
  if (filters.userType) params.set('userType', filters.userType);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort !== defaultFilters.sort) params.set('sort', filters.sort);
  if (filters.order !== defaultFilters.order) params.set('order', filters.order);
  if (filters.limit !== defaultFilters.limit) params.set('limit', String(filters.limit));
  return params;
}

export function hasActiveFilters(filters: MemberFilters): boolean {
  return filters.q.trim() !== '' || !!filters.role || !!filters.userType || !!filters.status;
}

export function toListParams(filters: MemberFilters, cursor?: string): MemberListParams {
  const q = filters.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.userType ? { userType: filters.userType } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    sort: filters.sort,
    order: filters.order,
    limit: filters.limit,
    ...(cursor ? { cursor } : {}),
  };
}
