import type { MeResponse } from '@sesame/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { data, redirect, type LoaderFunctionArgs } from 'react-router';
import { isApiError, prefetchCsrfToken } from '../api-client.ts';
import { hasPrivilege, type PrivilegeRequirement } from '../privileges.ts';
import { meQueryOptions } from './session-queries.ts';

export const paths = {
  /** The first-run setup (public; the printed token in its address). */
  setup: '/setup',
  signIn: '/sign-in',
  changePassword: '/change-password',
  requestAccess: '/request-access',
  /** Sends each member to their own start page (see homePathFor). */
  home: '/',
  members: '/members',
  welcome: '/welcome',
  activate: '/activate',
  devMail: '/dev/mail',
  /** The requester's emailed link, then where their request stands. */
  accessRequestConfirm: '/access-requests/confirm',
  accessRequestStatus: '/access-requests/status',
} as const;

/** Pages anyone may see; a lost session there is not an error. */
export const publicPaths: readonly string[] = [paths.signIn, paths.requestAccess, paths.setup];

export function isPublicPath(pathname: string): boolean {
  return (
    publicPaths.includes(pathname) ||
    [paths.activate, paths.accessRequestConfirm, paths.accessRequestStatus].some((prefix) => pathname.startsWith(`${prefix}/`))
  );
}

/** Where a signed-in member starts: the members list if they may see it, else a welcome page. */
export function homePathFor(me: Pick<MeResponse, 'privileges'>): string {
  return me.privileges.members !== 'none' ? paths.members : paths.welcome;
}

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

/** Guard of a page that needs a privilege (none: any signed-in member); the API enforces it anyway, this only explains. */
export function requirePrivilege(queryClient: QueryClient, required: PrivilegeRequirement | undefined) {
  return async () => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    if (!hasPrivilege(me.privileges, required)) throw data(null, { status: 403 });
    return null;
  };
}

/** The app's root: each member goes on to their own start page. */
export function homeRedirect(queryClient: QueryClient) {
  return async () => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    return redirect(homePathFor(me));
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
