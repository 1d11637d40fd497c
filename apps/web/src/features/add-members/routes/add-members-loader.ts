import type { QueryClient } from '@tanstack/react-query';
import { categoriesQueryOptions, groupsQueryOptions, licensesQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { importLimitsQueryOptions, organizationQueryOptions } from '../api/wizard-data.ts';

/** The wizard needs its reference data from the first step on: wait for all of it. */
export function addMembersLoader(queryClient: QueryClient) {
  return async () => {
    await Promise.all([
      queryClient.ensureQueryData(organizationQueryOptions()),
      queryClient.ensureQueryData(rolesQueryOptions()),
      queryClient.ensureQueryData(userTypesQueryOptions()),
      queryClient.ensureQueryData(licensesQueryOptions()),
      queryClient.ensureQueryData(groupsQueryOptions()),
      queryClient.ensureQueryData(categoriesQueryOptions()),
      queryClient.ensureQueryData(importLimitsQueryOptions()),
    ]);
    return null;
  };
}
