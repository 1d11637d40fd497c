import { MeResponse } from '@sesame/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { request } from '../api-client.ts';

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
};

export function fetchMe(signal?: AbortSignal) {
  return request('/api/auth/me', { schema: MeResponse, ...(signal ? { signal } : {}) });
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
    // Route guards decide what a 401 on `me` means; the global handler must not.
    meta: { handlesSessionErrors: true },
  });

/** The signed-in member, their organization and privileges. Only inside guarded routes. */
export function useMe() {
  return useSuspenseQuery(meQueryOptions()).data;
}
