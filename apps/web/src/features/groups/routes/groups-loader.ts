import type { QueryClient } from '@tanstack/react-query';
import { ownedGroupsQueryOptions, seesAllGroups } from '../../../lib/groups-nav.ts';
import { groupsQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

/** Every group with View on groups; a group owner without it, the groups they own. */
export function groupsLoader(queryClient: QueryClient) {
  return async () => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    if (seesAllGroups(me.privileges)) await queryClient.prefetchQuery({ ...groupsQueryOptions(), staleTime: 0 });
    else await queryClient.prefetchQuery(ownedGroupsQueryOptions());
    return null;
  };
}
