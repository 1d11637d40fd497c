import type { QueryClient } from '@tanstack/react-query';
import { setupStatusQueryOptions } from '../../../lib/setup-status.ts';

/** The page says at once whether the setup is still to be done (a failure is the page's to show). */
export function setupLoader(queryClient: QueryClient) {
  return async () => {
    await queryClient.prefetchQuery({ ...setupStatusQueryOptions(), staleTime: 0 });
    return null;
  };
}
