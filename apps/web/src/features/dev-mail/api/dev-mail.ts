import { CaughtMail } from '@sesame/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { caughtMailQueryOptions, devMailKeys } from '../../../lib/dev-mail.ts';

/** Caught mail, refreshed every few seconds while the page is open. */
export function useCaughtMail() {
  return useQuery({ ...caughtMailQueryOptions(), refetchInterval: 5_000, staleTime: 0 });
}

/** One message; the list usually has it already, older ones are asked for alone. */
export function caughtMailDetailQueryOptions(id: string) {
  return queryOptions({
    queryKey: devMailKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/dev/mail/${encodeURIComponent(id)}`, { schema: CaughtMail, signal }),
    meta: { handlesSessionErrors: true },
  });
}

export function useCaughtMailDetail(id: string | null, enabled: boolean) {
  return useQuery({ ...caughtMailDetailQueryOptions(id ?? ''), enabled: enabled && !!id });
}

export function useClearCaughtMail() {
  const queryClient = useQueryClient();
  return useMutation({
    // Administrators only, like every write made with the session: the CSRF token goes along.
    mutationFn: () => request('/api/dev/mail', { method: 'DELETE' }),
    meta: { handlesSessionErrors: true },
    onSuccess: () => {
      queryClient.setQueryData(devMailKeys.list(), []);
      return queryClient.invalidateQueries({ queryKey: devMailKeys.all });
    },
  });
}
