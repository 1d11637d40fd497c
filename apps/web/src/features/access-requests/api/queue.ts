import {
  AccessRequest,
  AccessRequestList,
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

/** A decision refused with 409: the request as it now stands, to say who decided. */
export class AlreadyDecidedError extends Error {
  constructor(readonly current: AccessRequest) {
    super('Already decided');
    this.name = 'AlreadyDecidedError';
  }
}

async function explainConflict(id: string, error: unknown): Promise<never> {
  if (isApiError(error, 'conflict')) {
    const current = await request(`/api/access-requests/${encodeURIComponent(id)}`, { schema: AccessRequest }).catch(() => null);
    if (current && current.status !== 'pending' && current.status !== 'unconfirmed') throw new AlreadyDecidedError(current);
  }
  throw error;
}

export function useGrantAccessRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantAccessRequestBody) =>
      request(`/api/access-requests/${encodeURIComponent(id)}/grant`, { method: 'POST', body, schema: Member }).catch((error: unknown) => explainConflict(id, error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessRequestKeys.all }),
  });
}

export function useDenyAccessRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DenyAccessRequestBody) =>
      request(`/api/access-requests/${encodeURIComponent(id)}/deny`, { method: 'POST', body, schema: AccessRequest }).catch((error: unknown) => explainConflict(id, error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessRequestKeys.all }),
  });
}
