import { InvitationSent, OkResponse } from '@sesame/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { memberKeys } from './member-keys.ts';

// The list's rows and the member's page both show the invitation.
const invalidateListsAndPages = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: memberKeys.lists() }), queryClient.invalidateQueries({ queryKey: memberKeys.details() })]);

export function resendInvitation(memberId: string) {
  return request(`/api/members/${encodeURIComponent(memberId)}/invitation/resend`, { method: 'POST', schema: InvitationSent });
}

export function revokeInvitation(memberId: string) {
  return request(`/api/members/${encodeURIComponent(memberId)}/invitation`, { method: 'DELETE', schema: OkResponse });
}

/** A new link for a pending member; every earlier link stops working. */
export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSuccess: () => invalidateListsAndPages(queryClient),
  });
}

/** The pending member's outstanding links stop working; the member stays pending. */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => invalidateListsAndPages(queryClient),
  });
}
