import { MemberDirectoryResponse, type MemberSort, type MemberStatus } from '@sesame/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request, toSearch } from '../../../lib/api-client.ts';
import { memberKeys } from './member-keys.ts';

/** GET /api/members query, with the defaults already applied. */
export interface MemberListParams {
  q?: string;
  role?: string;
  userType?: string;
  status?: MemberStatus;
  sort: MemberSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

/**
 * One page of members. With View on members every item is a full Member; without it the
 * caller's own record is and the others are DirectoryMember (name and picture, decision 014).
 */
export function listMembers(params: MemberListParams, signal?: AbortSignal) {
  return request(`/api/members${toSearch({ ...params })}`, {
    schema: MemberDirectoryResponse,
    ...(signal ? { signal } : {}),
  });
}

export const membersListQueryOptions = (params: MemberListParams) =>
  queryOptions({
    queryKey: memberKeys.list(params),
    queryFn: ({ signal }) => listMembers(params, signal),
  });

/** One page of members; the previous page stays on screen while the next one loads. */
export function useMembersList(params: MemberListParams) {
  return useQuery({ ...membersListQueryOptions(params), placeholderData: keepPreviousData });
}
