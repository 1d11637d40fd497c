import { DeleteCategoryResponse, MemberCategory } from '@sesame/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { referenceKeys } from '../../../lib/reference/reference-queries.ts';

// Member categories (Update on groups and categories): created, renamed and deleted here; the
// list is the shared reference query, which the member page and the wizard read too.

function useInvalidateCategories() {
  const queryClient = useQueryClient();
  // Members show their categories by name: a rename or a deletion changes what their pages show.
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: referenceKeys.categories() }), queryClient.invalidateQueries({ queryKey: ['members'] })]);
}

export function useCreateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (name: string) => request('/api/member-categories', { method: 'POST', body: { name }, schema: MemberCategory }),
    onSuccess: invalidate,
  });
}

export function useRenameCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => request(`/api/member-categories/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name }, schema: MemberCategory }),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (id: string) => request(`/api/member-categories/${encodeURIComponent(id)}`, { method: 'DELETE', schema: DeleteCategoryResponse }),
    onSuccess: invalidate,
  });
}
