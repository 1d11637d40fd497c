import { SignInResponse, type SignInBody } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetCsrfToken, prefetchCsrfToken, request } from '../../../lib/api-client.ts';

/** Sign-in opens the session, so it is the one write that needs no CSRF token. */
export function signIn(body: SignInBody) {
  return request('/api/auth/sign-in', { method: 'POST', body, schema: SignInResponse, csrf: false });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    meta: { handlesSessionErrors: true },
    onSuccess: () => {
      // A new session: nothing cached for a previous one may leak into it.
      queryClient.clear();
      forgetCsrfToken();
      prefetchCsrfToken();
    },
  });
}
