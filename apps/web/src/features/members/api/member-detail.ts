import {
  BulkMembersResponse,
  CsrfResponse,
  DeleteMemberResponse,
  DirectoryMember,
  Member,
  MemberDetail,
  MemberListResponse,
  OkResponse,
  Problem,
  ResetPasswordResponse,
  TransferOwnershipResponse,
  type BulkMembersBody,
  type TransferOwnershipBody,
  type UpdateMemberBody,
} from '@sesame/contracts';
import { z } from 'zod';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError, request, toSearch } from '../../../lib/api-client.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { referenceKeys } from '../../../lib/reference/reference-queries.ts';
import { memberKeys } from './member-keys.ts';

const path = (id: string) => `/api/members/${encodeURIComponent(id)}`;

/** A member's page: the full MemberDetail, or another member's name and picture in the directory (decision 014). */
const MemberPageData = z.union([MemberDetail, DirectoryMember]);

export const memberDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => request(path(id), { schema: MemberPageData, signal }),
    staleTime: 10_000,
  });

export const useMemberDetail = (id: string) => useQuery(memberDetailQueryOptions(id));

/** Active members matching a search, for choosing who receives transferred content. */
export function useActiveMemberSearch(q: string) {
  return useQuery({
    queryKey: [...memberKeys.all, 'active-search', q] as const,
    queryFn: ({ signal }) => request(`/api/members${toSearch({ q, status: 'active', limit: 20 })}`, { schema: MemberListResponse, signal }),
    staleTime: 30_000,
  });
}

function useInvalidateMember(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: memberKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.licenses() }),
    ]);
  };
}

export function useUpdateMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMemberBody) => request(path(id), { method: 'PATCH', body, schema: MemberDetail }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(memberKeys.detail(id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: referenceKeys.licenses() }),
      ]);
    },
  });
}

export function useResetPassword(id: string) {
  const invalidate = useInvalidateMember(id);
  return useMutation({
    mutationFn: () => request(`${path(id)}/reset-password`, { method: 'POST', schema: ResetPasswordResponse }),
    onSuccess: invalidate,
  });
}

export function useSetDisabled(id: string) {
  const invalidate = useInvalidateMember(id);
  return useMutation({
    mutationFn: (disabled: boolean) => request(`${path(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST', schema: Member }),
    onSuccess: invalidate,
  });
}

export function useTransferOwnership(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateMember(id);
  return useMutation({
    mutationFn: (body: TransferOwnershipBody) => request(`${path(id)}/transfer-ownership`, { method: 'POST', body, schema: TransferOwnershipResponse }),
    onSuccess: async (_result, body) => {
      await Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: memberKeys.detail(body.toMemberId) })]);
    },
  });
}

export function useDeleteMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(path(id), { method: 'DELETE', schema: DeleteMemberResponse }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: memberKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: memberKeys.lists() });
    },
  });
}

export function useBulkMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkMembersBody) => request('/api/members/bulk', { method: 'POST', body, schema: BulkMembersResponse }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: memberKeys.details() }),
      ]);
    },
  });
}

// --- Picture ---------------------------------------------------------------------------------

export const THUMBNAIL_MAX_BYTES = 1024 * 1024;
export const THUMBNAIL_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** The picture; `version` changes the address when a new one is uploaded (the answer is cached for a minute). */
export const thumbnailUrl = (id: string, version?: number) => `${path(id)}/thumbnail${version === undefined ? '' : `?v=${version}`}`;

/** The shared client sends JSON only; a picture goes as the raw image body. */
async function putThumbnail(id: string, file: File) {
  const { token } = await request('/api/auth/csrf', { schema: CsrfResponse, csrf: false });
  let response: Response;
  try {
    response = await fetch(`${path(id)}/thumbnail`, {
      method: 'PUT',
      headers: { 'Content-Type': file.type, 'X-CSRF-Token': token, Accept: 'application/json, application/problem+json', 'Accept-Language': currentLanguage() },
      body: file,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    let problem: Problem = { status: response.status, title: response.statusText, detail: '', code: 'unknown' };
    try {
      const parsed = Problem.safeParse(await response.json());
      if (parsed.success) problem = parsed.data;
    } catch {
      // Not JSON: keep the synthesized problem.
    }
    throw new ApiError(problem);
  }
  return OkResponse.parse(await response.json());
}

export function useThumbnail(id: string) {
  const invalidate = useInvalidateMember(id);
  return useMutation({
    mutationFn: (file: File | null) => (file ? putThumbnail(id, file) : request(`${path(id)}/thumbnail`, { method: 'DELETE', schema: OkResponse })),
    onSuccess: invalidate,
  });
}
