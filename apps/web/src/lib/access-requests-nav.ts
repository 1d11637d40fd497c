import { AccessRequestCount, MyContactStatus } from '@sesame/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from './api-client.ts';
import { hasPrivilege } from './privileges.ts';
import { useMe } from './session/session-queries.ts';

// Contacts (primary or secondary) with View on manage access see the access-request queue;
// the navigation asks whether the member is one and how many requests wait.

export const accessRequestKeys = {
  all: ['access-requests'] as const,
  count: () => [...accessRequestKeys.all, 'count'] as const,
};

export const contactKeys = {
  all: ['contacts'] as const,
  me: () => [...contactKeys.all, 'me'] as const,
};

export const myContactStatusQueryOptions = () =>
  queryOptions({
    queryKey: contactKeys.me(),
    queryFn: ({ signal }) => request('/api/organization/contacts/me', { schema: MyContactStatus, signal }),
    staleTime: 60_000,
    // The page's own requests report a lost session; the navigation's only follow.
    meta: { handlesSessionErrors: true },
  });

export const pendingAccessRequestsQueryOptions = () =>
  queryOptions({
    queryKey: accessRequestKeys.count(),
    queryFn: ({ signal }) => request('/api/access-requests/count', { schema: AccessRequestCount, signal }),
    staleTime: 30_000,
    refetchInterval: 60_000,
    meta: { handlesSessionErrors: true },
  });

/** Whether the signed-in member is a primary or secondary contact (false until known). */
export function useIsContact(): boolean {
  const { privileges } = useMe();
  // Members without any contact-screen level never need to ask.
  const mayNeed = hasPrivilege(privileges, { area: 'manage_access', level: 'view' }) || hasPrivilege(privileges, { area: 'contact_updates', level: 'view' });
  const contact = useQuery({ ...myContactStatusQueryOptions(), enabled: mayNeed });
  return mayNeed && !!contact.data?.kind;
}

/** Whether the queue is offered, and how many requests wait (undefined until known). */
export function useAccessRequestsNav(): { visible: boolean; pending: number | undefined } {
  const { privileges } = useMe();
  const mayView = hasPrivilege(privileges, { area: 'manage_access', level: 'view' });
  const contact = useQuery({ ...myContactStatusQueryOptions(), enabled: mayView });
  const visible = mayView && !!contact.data?.kind;
  const count = useQuery({ ...pendingAccessRequestsQueryOptions(), enabled: visible });
  return { visible, pending: count.data?.pending };
}
