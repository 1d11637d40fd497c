import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { handlesSessionErrors?: boolean };
    mutationMeta: { handlesSessionErrors?: boolean };
  }
}

export type SessionProblem = 'unauthenticated' | 'password_change_required';

function sessionProblemOf(error: unknown): SessionProblem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401 && error.code === 'unauthenticated') return 'unauthenticated';
  if (error.status === 403 && error.code === 'password_change_required') return 'password_change_required';
  return null;
}

/**
 * One client for the whole app. A request that reveals the session has expired, or that a
 * password change is pending, is reported to `onSessionProblem` (the router sends the user
 * to the right page) unless the query or mutation handles it itself.
 */
export function createQueryClient(onSessionProblem: (problem: SessionProblem) => void) {
  const report = (error: unknown, meta: { handlesSessionErrors?: boolean } | undefined) => {
    if (meta?.handlesSessionErrors) return;
    const problem = sessionProblemOf(error);
    if (problem) onSessionProblem(problem);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => report(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => report(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx answer will not change by asking again.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
