import {
  AccessRequest,
  AccessRequestList,
  AlreadyDecidedProblem,
  GrantOptions,
  Member,
  type DenyAccessRequestBody,
  type GrantAccessRequestBody,
} from '@sesame/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, request, toSearch } from '../../../lib/api-client.ts';
import { accessRequestKeys } from '../../../lib/access-requests-nav.ts';

export type QueueStatus = 'pending' | 'granted' | 'denied';
export const queueStatuses: readonly QueueStatus[] = ['pending', 'granted', 'denied'];

export const queueKeys = {
  list: (status: QueueStatus) => [...accessRequestKeys.all, 'list', status] as const,
  grantOptions: () => [...accessRequestKeys.all, 'grant-options'] as const,
};

export const queueQueryOptions = (status: QueueStatus) =>
  infiniteQueryOptions({
    queryKey: queueKeys.list(status),
    queryFn: ({ signal, pageParam }) =>
      request(`/api/access-requests${toSearch({ status, limit: 50, cursor: pageParam })}`, { schema: AccessRequestList, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 15_000,
  });

export const grantOptionsQueryOptions = () =>
  queryOptions({
    queryKey: queueKeys.grantOptions(),
    queryFn: ({ signal }) => request('/api/access-requests/grant-options', { schema: GrantOptions, signal }),
    staleTime: 60_000,
  });

/** A decision refused with 409 `already_decided`: who decided (a member, or automatically), how and when. */
export class AlreadyDecidedError extends Error {
  constructor(readonly decided: Pick<AlreadyDecidedProblem, 'decision' | 'decidedAt' | 'decidedBy'>) {
    super('Already decided');
    this.name = 'AlreadyDecidedError';
  }
}

function explainConflict(error: unknown): never {
  if (isApiError(error, 'already_decided')) {
    const parsed = AlreadyDecidedProblem.safeParse(error.problem);
    if (parsed.success) throw new AlreadyDecidedError(parsed.data);
  }
  throw error;
}

export function useGrantAccessRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantAccessRequestBody) =>
      request(`/api/access-requests/${encodeURIComponent(id)}/grant`, { method: 'POST', body, schema: Member }).catch(explainConflict),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessRequestKeys.all }),
  });
}

export function useDenyAccessRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DenyAccessRequestBody) =>
      request(`/api/access-requests/${encodeURIComponent(id)}/deny`, { method: 'POST', body, schema: AccessRequest }).catch(explainConflict),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessRequestKeys.all }),
  });
}
