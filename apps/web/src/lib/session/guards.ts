import type { MeResponse } from '@sesame/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { data, redirect, type LoaderFunctionArgs } from 'react-router';
import { isApiError, prefetchCsrfToken } from '../api-client.ts';
import { hasPrivilege, type RequiredPrivilege } from '../privileges.ts';
import { meQueryOptions } from './session-queries.ts';

export const paths = {
  signIn: '/sign-in',
  changePassword: '/change-password',
  requestAccess: '/request-access',
  home: '/members',
} as const;

/** Pages anyone may see; a lost session there is not an error. */
export const publicPaths: readonly string[] = [paths.signIn, paths.requestAccess];

export function signInPath(next?: string, reason?: 'expired' | 'signed-out') {
  const search = new URLSearchParams();
  if (next && next !== paths.home && isSafeNext(next)) search.set('next', next);
  if (reason) search.set('reason', reason);
  const text = search.toString();
  return text ? `${paths.signIn}?${text}` : paths.signIn;
}

/** Only same-app paths may be used as a post-sign-in destination. */
export function isSafeNext(next: string | null | undefined): next is string {
  return !!next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith(paths.signIn);
}

function pathOf(url: string) {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

/** The session, or null when nobody is signed in. Other failures propagate. */
export async function loadSession(queryClient: QueryClient): Promise<MeResponse | null> {
  try {
    return await queryClient.ensureQueryData(meQueryOptions());
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** Guard of the signed-in area: a session is required and no password change may be pending. */
export function requireSession(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const me = await loadSession(queryClient);
    if (!me) throw redirect(signInPath(pathOf(request.url)));
    if (me.mustChangePassword) throw redirect(paths.changePassword);
    prefetchCsrfToken();
    return null;
  };
}

/** Guard of a page that needs a privilege; the API enforces it anyway, this only explains. */
export function requirePrivilege(queryClient: QueryClient, required: RequiredPrivilege) {
  return async () => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    if (!hasPrivilege(me.privileges, required)) throw data(null, { status: 403 });
    return null;
  };
}

/** Guard of the change-password page: signed in, forced or not. */
export function requireAnySession(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const me = await loadSession(queryClient);
    if (!me) throw redirect(signInPath(pathOf(request.url)));
    prefetchCsrfToken();
    return null;
  };
}
