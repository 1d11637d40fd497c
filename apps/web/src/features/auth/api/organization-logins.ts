import { PublicProviderList } from '@sesame/contracts';
import { queryOptions } from '@tanstack/react-query';
import { request, toSearch } from '../../../lib/api-client.ts';

/** The sign-in buttons of an organization (public): its identity providers' names. */
export const signInProvidersQueryOptions = (organization: string) =>
  queryOptions({
    queryKey: ['sign-in-providers', organization] as const,
    queryFn: ({ signal }) => request(`/api/auth/providers${toSearch({ organization })}`, { schema: PublicProviderList, signal }),
    enabled: organization !== '',
    staleTime: 60_000,
    meta: { handlesSessionErrors: true },
  });

/** Where a provider's button leads: the API sends the browser on to the identity provider. */
export function ssoStartUrl(providerId: string) {
  return `/api/auth/sso/${encodeURIComponent(providerId)}/start`;
}
