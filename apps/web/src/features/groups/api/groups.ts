import {
  GroupDetail,
  MemberListResponse,
  MemberPage,
  MembershipChange,
  type CreateGroupBody,
  type UpdateGroupBody,
} from '@sesame/contracts';
import { infiniteQueryOptions, keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request, toSearch } from '../../../lib/api-client.ts';
import { ownedGroupsKey } from '../../../lib/groups-nav.ts';
import { referenceKeys } from '../../../lib/reference/reference-queries.ts';

// The groups screen: a group's detail, its members and the members one may add (the group
// list itself is the shared reference query, or the groups one owns: lib/groups-nav.ts).

export const groupKeys = {
  all: ['groups'] as const,
  detail: (id: string) => [...groupKeys.all, 'detail', id] as const,
  members: (id: string, q: string) => [...groupKeys.all, 'members', id, q] as const,
  candidates: (id: string, q: string) => [...groupKeys.all, 'candidates', id, q] as const,
  owners: (q: string) => [...groupKeys.all, 'owners', q] as const,
};

const pageSize = 25;

export const groupDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/groups/${encodeURIComponent(id)}`, { schema: GroupDetail, signal }),
  });

/** The group's members, a page at a time (the list grows with "Show more"). */
export const groupMembersQueryOptions = (id: string, q: string) =>
  infiniteQueryOptions({
    queryKey: groupKeys.members(id, q),
    queryFn: ({ signal, pageParam }) =>
      request(`/api/groups/${encodeURIComponent(id)}/members${toSearch({ q, limit: pageSize, cursor: pageParam })}`, { schema: MemberPage, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const groupCandidatesQueryOptions = (id: string, q: string) =>
  queryOptions({
    queryKey: groupKeys.candidates(id, q),
    queryFn: ({ signal }) => request(`/api/groups/${encodeURIComponent(id)}/candidates${toSearch({ q, limit: 50 })}`, { schema: MemberPage, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

/** Active members who may own a group, from the members list (View on members). */
export const ownerCandidatesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: groupKeys.owners(q),
    queryFn: ({ signal }) => request(`/api/members${toSearch({ q, status: 'active', limit: 20 })}`, { schema: MemberListResponse, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Whatever a group change touches: the lists, the group, the organization's default groups (the wizard reads them). */
function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: groupKeys.all }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.groups() }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.organization() }),
      queryClient.invalidateQueries({ queryKey: ownedGroupsKey }),
    ]);
}

export function useCreateGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: CreateGroupBody) => request('/api/groups', { method: 'POST', body, schema: GroupDetail }),
    onSuccess: invalidate,
  });
}

export function useUpdateGroup(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: UpdateGroupBody) => request(`/api/groups/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: GroupDetail }),
    onSuccess: invalidate,
  });
}

const DeletedGroup = z.object({ id: z.string(), name: z.string(), membersRemoved: z.number().int() });

export function useDeleteGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (id: string) => request(`/api/groups/${encodeURIComponent(id)}`, { method: 'DELETE', schema: DeletedGroup }),
    onSuccess: invalidate,
  });
}

/** Adds (`add`) or removes (`remove`) several members at once; all or nothing. */
export function useChangeGroupMembers(id: string, op: 'add' | 'remove') {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (memberIds: string[]) =>
      request(`/api/groups/${encodeURIComponent(id)}/members${op === 'remove' ? '/remove' : ''}`, { method: 'POST', body: { memberIds }, schema: MembershipChange }),
    onSuccess: invalidate,
  });
}
