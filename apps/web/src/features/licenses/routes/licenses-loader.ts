import type { QueryClient } from '@tanstack/react-query';
import { licensesQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';

/** The user types, licences and roles the page shows, fetched fresh (seats change as members are added). */
export function licensesLoader(queryClient: QueryClient) {
  return async () => {
    await Promise.all([
      queryClient.fetchQuery({ ...userTypesQueryOptions(), staleTime: 0 }),
      queryClient.fetchQuery({ ...licensesQueryOptions(), staleTime: 0 }),
      queryClient.prefetchQuery(rolesQueryOptions()),
    ]);
    return null;
  };
}
