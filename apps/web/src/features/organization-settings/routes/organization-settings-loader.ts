import type { QueryClient } from '@tanstack/react-query';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { categoriesQueryOptions, groupsQueryOptions, licensesQueryOptions, organizationQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

/** The settings and the reference data their choices name, fetched before the page shows. */
export function organizationSettingsLoader(queryClient: QueryClient) {
  return async () => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    await Promise.all([
      queryClient.fetchQuery({ ...organizationQueryOptions(), staleTime: 0 }),
      queryClient.prefetchQuery(rolesQueryOptions()),
      queryClient.prefetchQuery(userTypesQueryOptions()),
      queryClient.prefetchQuery(groupsQueryOptions()),
      queryClient.prefetchQuery(licensesQueryOptions()),
      // The member categories section: View on groups and categories.
      hasPrivilege(me.privileges, { area: 'groups', level: 'view' }) ? queryClient.prefetchQuery({ ...categoriesQueryOptions(), staleTime: 0 }) : null,
    ]);
    return null;
  };
}
