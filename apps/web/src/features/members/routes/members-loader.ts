import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { membersListQueryOptions } from '../api/list-members.ts';
import { readMemberFilters, toListParams } from '../member-filters.ts';

/** Starts the first page and the filter choices while the page's code downloads. */
export function membersLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const filters = readMemberFilters(new URL(request.url).searchParams);
    // prefetchQuery never throws: a failure shows as the page's error state.
    await Promise.all([
      queryClient.prefetchQuery(membersListQueryOptions(toListParams(filters))),
      queryClient.prefetchQuery(rolesQueryOptions()),
      queryClient.prefetchQuery(userTypesQueryOptions()),
    ]);
    return null;
  };
}

/** Typing in the search box changes the URL; the page's own queries follow it, not the loader. */
export function membersShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
}
