import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { categoriesQueryOptions, groupsQueryOptions, licensesQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { memberDetailQueryOptions } from '../api/member-detail.ts';
import { seesFullMembers } from './members-loader.ts';

/**
 * Starts the member and the form's choices while the page's code downloads (never throws).
 * Without View on members there are no choices to load: the reference routes would refuse.
 */
export function memberLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    if (params.id) void queryClient.prefetchQuery(memberDetailQueryOptions(params.id));
    if (!(await seesFullMembers(queryClient))) return null;
    void queryClient.prefetchQuery(rolesQueryOptions());
    void queryClient.prefetchQuery(userTypesQueryOptions());
    void queryClient.prefetchQuery(licensesQueryOptions());
    void queryClient.prefetchQuery(groupsQueryOptions());
    void queryClient.prefetchQuery(categoriesQueryOptions());
    return null;
  };
}
