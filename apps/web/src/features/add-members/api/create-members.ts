import { MembersBatchResponse, type MembersBatchBody } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session/session-queries.ts';

export function createMembers(body: MembersBatchBody) {
  return request('/api/members/batch', { method: 'POST', body, schema: MembersBatchResponse });
}

export function useCreateMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMembers,
    // New members change nearly everything cached: member lists, seat counts, group sizes.
    onSuccess: () =>
      queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] }),
  });
}
