import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { membersView } from '../../../lib/sections.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';
import { membersListQueryOptions } from '../api/list-members.ts';
import { readMemberFilters, toListParams } from '../member-filters.ts';

/**
 * Whether the signed-in member sees members in full (View on members) rather than the
 * directory. The session guard runs beside this loader: its answer (or its redirect) wins,
 * so a failure here only means nothing is prefetched.
 */
export async function seesFullMembers(queryClient: QueryClient): Promise<boolean | null> {
  try {
    return hasPrivilege((await queryClient.ensureQueryData(meQueryOptions())).privileges, membersView);
  } catch {
    return null;
  }
}

/**
 * Starts the first page and the filter choices while the page's code downloads. It does
 * not wait for them: the page shows at once with a skeleton, and its queries pick up the
 * requests already under way (prefetchQuery never throws; a failure is the page's error state).
 * The directory (no View on members) has no filter choices: the reference routes would refuse.
 */
export function membersLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const full = await seesFullMembers(queryClient);
    if (full === null) return null;
    const filters = readMemberFilters(new URL(request.url).searchParams, { directory: !full });
    void queryClient.prefetchQuery(membersListQueryOptions(toListParams(filters)));
    if (full) {
      void queryClient.prefetchQuery(rolesQueryOptions());
      void queryClient.prefetchQuery(userTypesQueryOptions());
    }
    return null;
  };
}

/** Typing in the search box changes the URL; the page's own queries follow it, not the loader. */
export function membersShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
}
