import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import { myContactStatusQueryOptions } from '../../../lib/access-requests-nav.ts';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';
import { approvedDomainsQueryOptions, contactsQueryOptions } from '../api/contacts.ts';

/** The contact-update screen is the primary and secondary contacts' only: others are told so. */
export function contactsLoader(queryClient: QueryClient) {
  return async () => {
    // Fresh: being named or removed as a contact must show at once.
    const contact = await queryClient.fetchQuery({ ...myContactStatusQueryOptions(), staleTime: 0 });
    if (!contact.kind) throw data({ messageKey: 'contacts.refused' }, { status: 403 });
    const me = await queryClient.ensureQueryData(meQueryOptions());
    await Promise.all([
      queryClient.prefetchQuery(contactsQueryOptions()),
      hasPrivilege(me.privileges, { area: 'organization_settings', level: 'view' }) ? queryClient.prefetchQuery(approvedDomainsQueryOptions()) : null,
    ]);
    return null;
  };
}
