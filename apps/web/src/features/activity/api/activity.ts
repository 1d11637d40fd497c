import { ActivityList, MemberListResponse, type ActivityQuery } from '@sesame/contracts';
import { infiniteQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { request, toSearch } from '../../../lib/api-client.ts';

type Filters = Omit<ActivityQuery, 'limit' | 'cursor'>;
const pageSize = 50;

export const activityKeys = {
  all: ['activity'] as const,
  list: (filters: Filters) => [...activityKeys.all, 'list', filters] as const,
  memberSearch: (q: string) => [...activityKeys.all, 'member-search', q] as const,
};

export const activityQueryOptions = (filters: Filters) =>
  infiniteQueryOptions({
    queryKey: activityKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      request(`/api/activity${toSearch({ ...filters, limit: pageSize, cursor: pageParam })}`, { schema: ActivityList, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 10_000,
  });

/** Newest first; older events are added below with "load more" (keyset paging). */
export const useActivity = (filters: Filters) => useInfiniteQuery(activityQueryOptions(filters));

export function activityExportUrl(filters: Filters, lang: 'fr' | 'en') {
  return `/api/activity/export.csv${toSearch({ ...filters, lang })}`;
}

/** Members to filter on (needs View on members; without it the search stays empty). */
export function useMemberSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: activityKeys.memberSearch(q),
    queryFn: ({ signal }) => request(`/api/members${toSearch({ q, limit: 20 })}`, { schema: MemberListResponse, signal }),
    enabled,
    staleTime: 30_000,
  });
}
