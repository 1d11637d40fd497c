import { Group, ItemsOf, type Privileges } from '@sesame/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import { request } from './api-client.ts';
import { hasPrivilege, type RequiredPrivilege } from './privileges.ts';
import { meQueryOptions, useMe } from './session/session-queries.ts';

// The Groups section is for View on groups and categories, and for each group's owner, who
// manages its members whatever their levels (PRODUCT.md). The navigation and the page's guard
// ask the API which groups the member owns when their levels do not open the section.

export const groupsView: RequiredPrivilege = { area: 'groups', level: 'view' };

export const ownedGroupsKey = ['groups', 'owned'] as const;
const OwnedGroups = ItemsOf(Group);

export const ownedGroupsQueryOptions = () =>
  queryOptions({
    queryKey: ownedGroupsKey,
    queryFn: ({ signal }) => request('/api/groups/owned', { schema: OwnedGroups, signal }),
    select: (list) => list.items,
    staleTime: 60_000,
    meta: { handlesSessionErrors: true },
  });

export const seesAllGroups = (privileges: Privileges) => hasPrivilege(privileges, groupsView);

/** Whether the Groups section is offered: View on groups, or owning a group (false until known). */
export function useGroupsSectionVisible(): boolean {
  const { privileges } = useMe();
  const all = seesAllGroups(privileges);
  const owned = useQuery({ ...ownedGroupsQueryOptions(), enabled: !all });
  return all || (owned.data?.length ?? 0) > 0;
}

/** The page's guard: View on groups, or owning a group; else 403. */
export function requireGroupsAccess(queryClient: QueryClient) {
  return async () => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    if (seesAllGroups(me.privileges)) return null;
    const owned = await queryClient.fetchQuery(ownedGroupsQueryOptions());
    if (owned.items.length === 0) throw data(null, { status: 403 });
    return null;
  };
}
