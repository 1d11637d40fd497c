import { ImportLimits } from '@sesame/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '../../../lib/api-client.ts';
import { categoriesQueryOptions, groupsQueryOptions, licensesQueryOptions, organizationQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { addMembersKeys } from './add-members-keys.ts';

// Everything the wizard reads before it can show its first step.

// The organization's settings are shared with the settings page (one cache entry).
export { organizationQueryOptions };

/** How large a CSV file may be, to refuse a larger one before sending it. */
export const importLimitsQueryOptions = () =>
  queryOptions({
    queryKey: addMembersKeys.importLimits(),
    queryFn: ({ signal }) => request('/api/imports/limits', { schema: ImportLimits, signal }),
    staleTime: 60 * 60_000,
  });

/** The wizard's reference data; the route's loader has fetched it already. */
export function useWizardData() {
  const organization = useSuspenseQuery(organizationQueryOptions()).data;
  const roles = useSuspenseQuery(rolesQueryOptions()).data;
  const userTypes = useSuspenseQuery(userTypesQueryOptions()).data;
  const licenses = useSuspenseQuery(licensesQueryOptions()).data;
  const groups = useSuspenseQuery(groupsQueryOptions()).data;
  const categories = useSuspenseQuery(categoriesQueryOptions()).data;
  const importLimits = useSuspenseQuery(importLimitsQueryOptions()).data;
  const { isAdministrator, privileges } = useMe();
  // Who gives the roles: only roles within their own levels are offered.
  const giver = useMemo(() => ({ isAdministrator, privileges }), [isAdministrator, privileges]);
  return { organization, roles, userTypes, licenses, groups, categories, giver, importLimits };
}

export type WizardData = ReturnType<typeof useWizardData>;
