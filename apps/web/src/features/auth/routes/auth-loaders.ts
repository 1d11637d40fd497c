import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { homePathFor, isSafeNext, paths } from '../../../lib/session/guards.ts';
import { fetchMe, sessionKeys } from '../../../lib/session/session-queries.ts';
import { invitationQueryOptions } from '../api/invitation.ts';

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
    return redirect(isSafeNext(next) ? next : homePathFor(me));
  };
}

/** The activation page shows the invitation at once: fetch it first (a refusal is the page's to show). */
export function activationLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await queryClient.prefetchQuery(invitationQueryOptions(params.token ?? ''));
    return null;
  };
}
