import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { categoriesQueryOptions, groupsQueryOptions, licensesQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { memberDetailQueryOptions } from '../api/member-detail.ts';

/** Starts the member and the form's choices while the page's code downloads (never throws). */
export function memberLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    if (params.id) void queryClient.prefetchQuery(memberDetailQueryOptions(params.id));
    void queryClient.prefetchQuery(rolesQueryOptions());
    void queryClient.prefetchQuery(userTypesQueryOptions());
    void queryClient.prefetchQuery(licensesQueryOptions());
    void queryClient.prefetchQuery(groupsQueryOptions());
    void queryClient.prefetchQuery(categoriesQueryOptions());
    return null;
  };
}
