import { SetupStatus } from '@sesame/contracts';
import { queryOptions } from '@tanstack/react-query';
import { request } from './api-client.ts';

// Whether the instance still waits for its first organization: the setup page and the
// sign-in page (which points to it) both read it.

export const setupStatusKeys = { all: ['setup-status'] as const };

export const setupStatusQueryOptions = () =>
  queryOptions({
    queryKey: setupStatusKeys.all,
    queryFn: ({ signal }) => request('/api/setup', { schema: SetupStatus, signal }),
    staleTime: 30_000,
    meta: { handlesSessionErrors: true },
  });
