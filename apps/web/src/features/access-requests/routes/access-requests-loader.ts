import type { QueryClient } from '@tanstack/react-query';
import { data, type LoaderFunctionArgs } from 'react-router';
import { myContactStatusQueryOptions } from '../../../lib/access-requests-nav.ts';
import { queueQueryOptions, queueStatuses, type QueueStatus } from '../api/queue.ts';

export function statusFromSearch(search: URLSearchParams): QueueStatus {
  const value = search.get('status');
  return queueStatuses.includes(value as QueueStatus) ? (value as QueueStatus) : 'pending';
}

/** The queue is the contacts' (primary or secondary): others are told they may not see it. */
export function accessRequestsLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const contact = await queryClient.ensureQueryData(myContactStatusQueryOptions());
    if (!contact.kind) throw data(null, { status: 403 });
    await queryClient.prefetchInfiniteQuery(queueQueryOptions(statusFromSearch(new URL(request.url).searchParams)));
    return null;
  };
}
