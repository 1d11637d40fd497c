import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetCsrfToken, request } from '../api-client.ts';
import { signInPath } from './guards.ts';

export function signOut() {
  return request('/api/auth/sign-out', { method: 'POST' });
}

/** Ends the session, forgets everything cached for it and goes back to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    meta: { handlesSessionErrors: true },
    // Even if the server could not be told (session already gone), leave the signed-in area.
    onSettled: async () => {
      forgetCsrfToken();
      queryClient.clear();
      await navigate(signInPath(undefined, 'signed-out'), { replace: true });
    },
  });
}
