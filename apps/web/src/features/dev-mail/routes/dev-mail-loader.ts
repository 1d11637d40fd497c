import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import { caughtMailQueryOptions, isDevMailMissing } from '../../../lib/dev-mail.ts';

/** The page exists only where the mail catcher runs (never in production). */
export function devMailLoader(queryClient: QueryClient) {
  return async () => {
    try {
      await queryClient.ensureQueryData(caughtMailQueryOptions());
    } catch (error) {
      if (isDevMailMissing(error)) throw data(null, { status: 404 });
      throw error;
    }
    return null;
  };
}
