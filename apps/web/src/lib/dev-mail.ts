import { CaughtMailList } from '@sesame/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError, request } from './api-client.ts';

// The development mail catcher answers only outside production and without SMTP_URL, and
// only to administrators (caught invitations would take over accounts). The navigation asks
// once whether it is there, for administrators only; its page lists the same messages.

export const devMailKeys = {
  all: ['dev-mail'] as const,
  list: () => [...devMailKeys.all, 'list'] as const,
  detail: (id: string) => [...devMailKeys.all, 'detail', id] as const,
};

export const caughtMailQueryOptions = () =>
  queryOptions({
    queryKey: devMailKeys.list(),
    queryFn: ({ signal }) => request('/api/dev/mail', { schema: CaughtMailList, signal }),
    staleTime: 60_000,
    retry: false,
    meta: { handlesSessionErrors: true },
  });

/** True once the catcher answered an administrator; false for others, or when it does not exist here (404). */
export function useDevMailAvailable(isAdministrator: boolean): boolean {
  return useQuery({ ...caughtMailQueryOptions(), select: () => true, enabled: isAdministrator }).data === true;
}

export function isDevMailMissing(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}
