import { DeleteRoleResponse, RoleDetail, type CreateRoleBody, type UpdateRoleBody } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { referenceKeys } from '../../../lib/reference/reference-queries.ts';
import { meQueryOptions } from '../../../lib/session/session-queries.ts';

/**
 * A change of a role changes the roles list, the user types' compatible roles and, when the
 * signed-in member holds it, their own privileges (and so the navigation).
 */
function useRefreshAfterRoleChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: referenceKeys.roles() }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.userTypes() }),
      queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
    ]);
}

export function useCreateRole() {
  const refresh = useRefreshAfterRoleChange();
  return useMutation({
    mutationFn: (body: CreateRoleBody) => request('/api/roles', { method: 'POST', body, schema: RoleDetail }),
    onSuccess: refresh,
  });
}

export function useUpdateRole() {
  const refresh = useRefreshAfterRoleChange();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRoleBody }) => request(`/api/roles/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: RoleDetail }),
    onSuccess: refresh,
  });
}

export function useDeleteRole() {
  const refresh = useRefreshAfterRoleChange();
  return useMutation({
    mutationFn: (id: string) => request(`/api/roles/${encodeURIComponent(id)}`, { method: 'DELETE', schema: DeleteRoleResponse }),
    // A refusal (in use) changes the counts shown too.
    onSettled: refresh,
  });
}
