import { OrganizationDefaults, type UpdateOrganizationBody } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { referenceKeys } from '../../../lib/reference/reference-queries.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

/** PATCH /api/organization (Update on organization settings): answers the settings as GET does. */
export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => request('/api/organization', { method: 'PATCH', body, schema: OrganizationDefaults }),
    onSuccess: async (saved) => {
      // One cache entry: the add-members wizard proposes the new defaults at once.
      queryClient.setQueryData(referenceKeys.organization(), saved);
      // The groups list marks the default groups (one source: the organization's default groups).
      void queryClient.invalidateQueries({ queryKey: referenceKeys.groups() });
      // The organization's name is shown from the session.
      await queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}
