import {
  DeleteLicenseResponse,
  LicenseCandidatePage,
  LicenseDetail,
  MemberPage,
  MembershipChange,
  UserType,
  type CreateLicenseBody,
  type UpdateLicenseBody,
  type UpdateUserTypeBody,
} from '@sesame/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { request, toSearch } from '../../../lib/api-client.ts';
import { referenceKeys } from '../../../lib/reference/reference-queries.ts';

/** A page of a member list: the search, and the last username of the previous page. */
export interface PageQuery {
  q: string;
  cursor: string | null;
  limit: number;
}

export const licenseKeys = {
  all: ['licenses-admin'] as const,
  detail: (id: string) => [...licenseKeys.all, 'detail', id] as const,
  assignments: (id: string, page: PageQuery) => [...licenseKeys.all, 'assignments', id, page] as const,
  candidates: (id: string, page: PageQuery) => [...licenseKeys.all, 'candidates', id, page] as const,
};

const pageSearch = (page: PageQuery) => toSearch({ q: page.q.trim() || undefined, cursor: page.cursor, limit: page.limit });

export const licenseDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: licenseKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/licenses/${encodeURIComponent(id)}`, { schema: LicenseDetail, signal }),
  });

export const assignmentsQueryOptions = (id: string, page: PageQuery) =>
  queryOptions({
    queryKey: licenseKeys.assignments(id, page),
    queryFn: ({ signal }) => request(`/api/licenses/${encodeURIComponent(id)}/assignments${pageSearch(page)}`, { schema: MemberPage, signal }),
    placeholderData: keepPreviousData,
  });

export const candidatesQueryOptions = (id: string, page: PageQuery) =>
  queryOptions({
    queryKey: licenseKeys.candidates(id, page),
    queryFn: ({ signal }) => request(`/api/licenses/${encodeURIComponent(id)}/candidates${pageSearch(page)}`, { schema: LicenseCandidatePage, signal }),
    placeholderData: keepPreviousData,
  });

/** After any change, seats and compatibilities shown anywhere (this page, the wizard, member forms) are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: licenseKeys.all }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.licenses() }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.userTypes() }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.organization() }),
    ]);
}

export function useCreateLicense() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateLicenseBody) => request('/api/licenses', { method: 'POST', body, schema: LicenseDetail }),
    onSuccess: refresh,
  });
}

export function useUpdateLicense(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateLicenseBody) => request(`/api/licenses/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: LicenseDetail }),
    onSuccess: refresh,
  });
}

export function useDeleteLicense() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, removeAssignments }: { id: string; removeAssignments: boolean }) =>
      request(`/api/licenses/${encodeURIComponent(id)}${toSearch({ removeAssignments: removeAssignments ? 'true' : undefined })}`, { method: 'DELETE', schema: DeleteLicenseResponse }),
    onSuccess: refresh,
  });
}

export function useChangeAssignments(id: string, op: 'add' | 'remove') {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (memberIds: string[]) =>
      request(`/api/licenses/${encodeURIComponent(id)}/assignments${op === 'remove' ? '/remove' : ''}`, { method: 'POST', body: { memberIds }, schema: MembershipChange }),
    // Refused for want of seats, the counts shown are stale too.
    onSettled: refresh,
  });
}

export function useUpdateUserType(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateUserTypeBody) => request(`/api/user-types/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: UserType }),
    onSuccess: refresh,
  });
}
