import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { isSafeNext, paths } from '../../../lib/session/guards.ts';
import { fetchMe, sessionKeys } from '../../../lib/session/session-queries.ts';

/** Someone already signed in who opens the sign-in page goes straight on. */
export function signInLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    let me;
    try {
      me = await fetchMe(request.signal);
    } catch {
      return null;
    }
    queryClient.setQueryData(sessionKeys.me(), me);
    if (me.mustChangePassword) return redirect(paths.changePassword);
    const next = new URL(request.url).searchParams.get('next');
    return redirect(isSafeNext(next) ? next : paths.home);
  };
}
