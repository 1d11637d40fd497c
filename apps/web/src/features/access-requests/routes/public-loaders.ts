import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { confirmQueryOptions, statusQueryOptions } from '../api/public.ts';

/** The confirmation is made before the page shows (a refusal is the page's to show). */
export function confirmAccessRequestLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await queryClient.prefetchQuery(confirmQueryOptions(params.token ?? ''));
    return null;
  };
}

export function accessRequestStatusLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await queryClient.prefetchQuery(statusQueryOptions(params.token ?? ''));
    return null;
  };
}
