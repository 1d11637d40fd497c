import { InvitationDetails, SignInResponse, type AcceptInvitationBody } from '@sesame/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetCsrfToken, prefetchCsrfToken, request } from '../../../lib/api-client.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

export const invitationKeys = {
  all: ['invitation'] as const,
  detail: (token: string) => [...invitationKeys.all, token] as const,
};

/** Public: who is invited, to which organization, by whom. 404 / 410 when unusable. */
export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: invitationKeys.detail(token),
    queryFn: ({ signal }) => request(`/api/invitations/${encodeURIComponent(token)}`, { schema: InvitationDetails, signal }),
    staleTime: 60_000,
    // An unusable link stays unusable: the loader's answer is final.
    retryOnMount: false,
    meta: { handlesSessionErrors: true },
  });

/** Public and made before any session exists, so no CSRF token is sent. */
export function acceptInvitation(token: string, body: AcceptInvitationBody) {
  return request(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body, schema: SignInResponse, csrf: false });
}

/** Activates the account, which opens a session for the new member; resolves to that session. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AcceptInvitationBody) => {
      await acceptInvitation(token, body);
      // A new session: nothing cached for someone else may leak into it.
      queryClient.clear();
      forgetCsrfToken();
      prefetchCsrfToken();
      return queryClient.fetchQuery(meQueryOptions());
    },
    meta: { handlesSessionErrors: true },
  });
}
