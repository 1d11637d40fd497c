import type { QueryClient } from '@tanstack/react-query';
import { groupsQueryOptions, licensesQueryOptions, organizationQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';

/** The settings and the reference data their choices name, fetched before the page shows. */
export function organizationSettingsLoader(queryClient: QueryClient) {
  return async () => {
    await Promise.all([
      queryClient.fetchQuery({ ...organizationQueryOptions(), staleTime: 0 }),
      queryClient.prefetchQuery(rolesQueryOptions()),
      queryClient.prefetchQuery(userTypesQueryOptions()),
      queryClient.prefetchQuery(groupsQueryOptions()),
      queryClient.prefetchQuery(licensesQueryOptions()),
    ]);
    return null;
  };
}
