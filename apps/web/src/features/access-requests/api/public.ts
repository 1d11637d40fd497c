import { AccessRequestAccepted, AccessRequestPublicStatus, type CreateAccessRequestBody } from '@sesame/contracts';
import { queryOptions, useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';

// The requester's side: public, made without a session, so no CSRF token is sent.

export const publicRequestKeys = {
  all: ['access-request-public'] as const,
  confirm: (token: string) => [...publicRequestKeys.all, 'confirm', token] as const,
  status: (token: string) => [...publicRequestKeys.all, 'status', token] as const,
};

export function useSubmitAccessRequest() {
  return useMutation({
    mutationFn: (body: CreateAccessRequestBody) =>
      request('/api/access-requests', { method: 'POST', body, schema: AccessRequestAccepted, csrf: false }),
    meta: { handlesSessionErrors: true },
  });
}

/** Confirming twice is harmless (the API answers the status again), so it can be a query. */
export const confirmQueryOptions = (token: string) =>
  queryOptions({
    queryKey: publicRequestKeys.confirm(token),
    queryFn: ({ signal }) =>
      request('/api/access-requests/confirm', { method: 'POST', body: { token }, schema: AccessRequestPublicStatus, csrf: false, signal }),
    staleTime: Infinity,
    retry: false,
    retryOnMount: false,
    meta: { handlesSessionErrors: true },
  });

export const statusQueryOptions = (token: string) =>
  queryOptions({
    queryKey: publicRequestKeys.status(token),
    queryFn: ({ signal }) => request(`/api/access-requests/status/${encodeURIComponent(token)}`, { schema: AccessRequestPublicStatus, signal }),
    staleTime: 30_000,
    retry: false,
    retryOnMount: false,
    meta: { handlesSessionErrors: true },
  });
