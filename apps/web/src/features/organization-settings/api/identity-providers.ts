import { IdentityProvider, IdentityProviderList, type CreateIdentityProviderBody, type UpdateIdentityProviderBody } from '@sesame/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/api-client.ts';

// Identity providers for organization logins (shared/API.md "Organization logins").

export const identityProviderKeys = {
  all: ['identity-providers'] as const,
  list: () => [...identityProviderKeys.all, 'list'] as const,
  test: (providerId: string, testId: string) => [...identityProviderKeys.all, 'test', providerId, testId] as const,
};

export const identityProvidersQueryOptions = () =>
  queryOptions({
    queryKey: identityProviderKeys.list(),
    queryFn: ({ signal }) => request('/api/identity-providers', { schema: IdentityProviderList, signal }),
  });

export function useIdentityProviders() {
  return useQuery(identityProvidersQueryOptions());
}

export function useSaveIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateIdentityProviderBody } | { id?: undefined; body: CreateIdentityProviderBody }) =>
      input.id
        ? request(`/api/identity-providers/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: input.body, schema: IdentityProvider })
        : request('/api/identity-providers', { method: 'POST', body: input.body, schema: IdentityProvider }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityProviderKeys.all }),
  });
}

export function useDeleteIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(`/api/identity-providers/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityProviderKeys.all }),
  });
}

/** Where the *Test* button sends a new window: a round trip through the provider (Update on organization settings). */
export function testStartUrl(providerId: string) {
  return `/api/identity-providers/${encodeURIComponent(providerId)}/test`;
}

/** What the provider sent during a test round trip, or why it failed (GET /api/identity-providers/:id/tests/:testId). */
export const IdentityTestResult = z.union([
  z.object({
    ok: z.literal(true),
    identity: z.object({
      subject: z.string(),
      email: z.string().nullable().optional(),
      emailVerified: z.boolean().nullable().optional(),
      firstName: z.string().nullable().optional(),
      lastName: z.string().nullable().optional(),
    }),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
  // Still under way.
  z.object({ ok: z.null() }),
]);
export type IdentityTestResult = z.infer<typeof IdentityTestResult>;

export function useIdentityTest(providerId: string | null, testId: string | null) {
  return useQuery({
    queryKey: identityProviderKeys.test(providerId ?? '', testId ?? ''),
    queryFn: ({ signal }) =>
      request(`/api/identity-providers/${encodeURIComponent(providerId ?? '')}/tests/${encodeURIComponent(testId ?? '')}`, { schema: IdentityTestResult, signal }),
    enabled: providerId !== null && testId !== null,
    staleTime: Infinity,
    retry: false,
    refetchInterval: (query) => (query.state.data?.ok === null ? 1500 : false),
  });
}
