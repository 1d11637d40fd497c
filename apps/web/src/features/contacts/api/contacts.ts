import {
  ApprovedDomains,
  ContactCandidates,
  MemberPrivileges,
  OrganizationContacts,
  type UpdateApprovedDomainsBody,
  type UpdateContactsBody,
  type UpdateMemberPrivilegesBody,
} from '@sesame/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { accessRequestKeys, contactKeys } from '../../../lib/access-requests-nav.ts';
import { request, toSearch } from '../../../lib/api-client.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

export const contactSettingsKeys = {
  contacts: () => [...contactKeys.all, 'list'] as const,
  candidates: (q: string) => [...contactKeys.all, 'candidates', q] as const,
  privileges: (memberId: string) => [...contactKeys.all, 'privileges', memberId] as const,
  domains: () => [...contactKeys.all, 'approved-domains'] as const,
};

export const contactsQueryOptions = () =>
  queryOptions({
    queryKey: contactSettingsKeys.contacts(),
    queryFn: ({ signal }) => request('/api/organization/contacts', { schema: OrganizationContacts, signal }),
  });

export const candidatesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: contactSettingsKeys.candidates(q),
    queryFn: ({ signal }) => request(`/api/organization/contacts/candidates${toSearch({ q, limit: 20 })}`, { schema: ContactCandidates, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const memberPrivilegesQueryOptions = (memberId: string) =>
  queryOptions({
    queryKey: contactSettingsKeys.privileges(memberId),
    queryFn: ({ signal }) => request(`/api/members/${encodeURIComponent(memberId)}/privileges`, { schema: MemberPrivileges, signal }),
  });

export const approvedDomainsQueryOptions = () =>
  queryOptions({
    queryKey: contactSettingsKeys.domains(),
    queryFn: ({ signal }) => request('/api/organization/approved-domains', { schema: ApprovedDomains, signal }),
  });

export function useSaveContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateContactsBody) => request('/api/organization/contacts', { method: 'PUT', body, schema: OrganizationContacts }),
    onSuccess: (saved) => queryClient.setQueryData(contactSettingsKeys.contacts(), saved),
    // Contact status decides what the navigation offers (queue, this screen), for everyone.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: contactKeys.all }), queryClient.invalidateQueries({ queryKey: accessRequestKeys.all })]),
  });
}

export function useSaveMemberPrivileges(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMemberPrivilegesBody) =>
      request(`/api/members/${encodeURIComponent(memberId)}/privileges`, { method: 'PUT', body, schema: MemberPrivileges }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(contactSettingsKeys.privileges(memberId), saved);
      // Changing one's own levels changes what the navigation shows.
      await queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}

export function useSaveApprovedDomains() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateApprovedDomainsBody) => request('/api/organization/approved-domains', { method: 'PUT', body, schema: ApprovedDomains }),
    onSuccess: (saved) => queryClient.setQueryData(contactSettingsKeys.domains(), saved),
  });
}
