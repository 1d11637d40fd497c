import { PublicProviderList, type IdentityType } from '@sesame/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request, toSearch } from '../../../lib/api-client.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import type { OrgIdentityType } from '../wizard-state.ts';
import { addMembersKeys } from './add-members-keys.ts';

const providersQueryOptions = (organization: string) =>
  queryOptions({
    queryKey: [...addMembersKeys.all, 'organization-logins', organization] as const,
    // The sign-in page's list: readable by whoever may add members, whatever their level on organization settings.
    queryFn: ({ signal }) => request(`/api/auth/providers${toSearch({ organization })}`, { schema: PublicProviderList, signal }),
    staleTime: 60_000,
  });

/**
 * The organization-login identity types members can be added for: those the organization has
 * an identity provider of (GET /api/auth/providers) and allows (`allowedIdentityTypes`).
 */
export function useOrganizationLoginTypes(allowedIdentityTypes: readonly IdentityType[]): readonly OrgIdentityType[] {
  const { organization } = useMe();
  const providers = useQuery(providersQueryOptions(organization.slug));
  const types = (providers.data ?? []).map((provider) => provider.type).join(' ');
  return useMemo(() => (['saml', 'oidc'] as const).filter((type) => types.split(' ').includes(type) && allowedIdentityTypes.includes(type)), [types, allowedIdentityTypes]);
}
