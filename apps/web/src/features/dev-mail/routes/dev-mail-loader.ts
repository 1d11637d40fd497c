import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { caughtMailQueryOptions, isDevMailMissing } from '../../../lib/dev-mail.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

/** The page exists only where the mail catcher runs (never in production), for administrators only. */
export function devMailLoader(queryClient: QueryClient) {
  return async () => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    if (!me.isAdministrator) throw data({ messageKey: 'devMail.refused' }, { status: 403 });
    try {
      await queryClient.ensureQueryData(caughtMailQueryOptions());
    } catch (error) {
      if (isDevMailMissing(error)) throw data(null, { status: 404 });
      if (isApiError(error) && error.status === 403) throw data({ messageKey: 'devMail.refused' }, { status: 403 });
      throw error;
    }
    return null;
  };
}
