import type { QueryClient } from '@tanstack/react-query';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';

/** The roles (fresh: member counts change) and the user types they name, fetched before the page shows. */
export function rolesLoader(queryClient: QueryClient) {
  return async () => {
    await Promise.all([queryClient.fetchQuery({ ...rolesQueryOptions(), staleTime: 0 }), queryClient.prefetchQuery(userTypesQueryOptions())]);
    return null;
  };
}
