import { InvitationSent, OkResponse } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { memberKeys } from './member-keys.ts';

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
  });
}

/** The pending member's outstanding links stop working; the member stays pending. */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
  });
}
