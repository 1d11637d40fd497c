import { OkResponse, type ChangePasswordBody, type MeResponse } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetCsrfToken, request } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session/session-queries.ts';

export function changePassword(body: ChangePasswordBody) {
  return request('/api/auth/change-password', { method: 'POST', body, schema: OkResponse });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    meta: { handlesSessionErrors: true },
    onSuccess: async () => {
      // The server may rotate the session on a password change; take a fresh token.
      forgetCsrfToken();
      queryClient.setQueryData<MeResponse>(sessionKeys.me(), (me) => me && { ...me, mustChangePassword: false });
      await queryClient.invalidateQueries({ queryKey: sessionKeys.me() });
    },
  });
}
