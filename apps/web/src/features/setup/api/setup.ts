import { SetupResponse, type SetupBody } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetCsrfToken, prefetchCsrfToken, request } from '../../../lib/api-client.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

/** Public and made before any session exists: the printed token is the credential, no CSRF token. */
export function runSetup(body: SetupBody) {
  return request('/api/setup', { method: 'POST', body, schema: SetupResponse, csrf: false });
}

/** Creates the organization and signs its administrator in; resolves to that session. */
export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SetupBody) => {
      await runSetup(body);
      // A new session, and the instance is no longer waiting for its setup.
      queryClient.clear();
      forgetCsrfToken();
      prefetchCsrfToken();
      return queryClient.fetchQuery(meQueryOptions());
    },
    meta: { handlesSessionErrors: true },
  });
}
