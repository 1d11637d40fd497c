import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { membersListQueryOptions } from '../api/list-members.ts';
import { readMemberFilters, toListParams } from '../member-filters.ts';

/**
 * Starts the first page and the filter choices while the page's code downloads. It does
 * not wait for them: the page shows at once with a skeleton, and its queries pick up the
 * requests already under way (prefetchQuery never throws; a failure is the page's error state).
 */
export function membersLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const filters = readMemberFilters(new URL(request.url).searchParams);
    void queryClient.prefetchQuery(membersListQueryOptions(toListParams(filters)));
    void queryClient.prefetchQuery(rolesQueryOptions());
    void queryClient.prefetchQuery(userTypesQueryOptions());
    return null;
  };
}

/** Typing in the search box changes the URL; the page's own queries follow it, not the loader. */
export function membersShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
}
