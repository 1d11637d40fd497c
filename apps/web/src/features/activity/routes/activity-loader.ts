import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import { activityQueryOptions } from '../api/activity.ts';
import { readActivityFilters, toActivityQuery } from '../activity-filters.ts';

/** Starts the first page while the page's code downloads (never throws). */
export function activityLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchInfiniteQuery(activityQueryOptions(toActivityQuery(readActivityFilters(new URL(request.url).searchParams))));
    return null;
  };
}

export function activityShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
}
