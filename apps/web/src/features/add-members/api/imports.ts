import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { CsrfResponse, type CsvFormat, ImportCreated, ImportJob, ImportMembersResponse, ImportRowResult, ImportRowsRemoved, Problem, type BatchMode, type ImportRowsRemoveBody, type BatchProperties, type ImportRowValues, type Language } from '@sesame/contracts';
import { ApiError, NetworkError, request, toSearch } from '../../../lib/api-client.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { addMembersKeys } from './add-members-keys.ts';

// The CSV import's shapes are the API's own, from @sesame/contracts.
export type { ImportCounts, ImportFileIssue, ImportIssue, ImportJob, ImportRow, ImportRowValues, ImportStatus } from '@sesame/contracts';

export interface ImportPageParams {
  limit: number;
  cursor?: string | undefined;
  errorsOnly: boolean;
}

export const importKeys = {
  all: () => [...addMembersKeys.all, 'import'] as const,
  job: (id: string) => [...importKeys.all(), id] as const,
  page: (id: string, params: ImportPageParams) => [...importKeys.job(id), 'page', params] as const,
  status: (id: string) => [...importKeys.job(id), 'status'] as const,
  members: (id: string) => [...importKeys.job(id), 'members'] as const,
};

export function templateUrl(mode: BatchMode, lang: Language, format: CsvFormat = 'builtin') {
  return `/api/imports/template${toSearch({ format, lang, mode })}`;
}

export function errorReportUrl(id: string, lang: Language) {
  return `/api/imports/${encodeURIComponent(id)}/errors.csv${toSearch({ lang })}`;
}

export function fetchImport(id: string, params: ImportPageParams, signal?: AbortSignal) {
  const search = toSearch({ limit: params.limit, cursor: params.cursor, errors: params.errorsOnly ? 'only' : 'all', lang: currentLanguage() });
  return request(`/api/imports/${encodeURIComponent(id)}${search}`, { schema: ImportJob, ...(signal ? { signal } : {}) });
}

/** Members shown per page on the result screen. */
export const CREATED_MEMBERS_PAGE = 50;

/** The members a committed import created, a page at a time in the file's order. */
export const useCreatedMembers = (id: string) =>
  useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: importKeys.members(id),
      queryFn: ({ pageParam, signal }) =>
        request(`/api/imports/${encodeURIComponent(id)}/members${toSearch({ limit: CREATED_MEMBERS_PAGE, cursor: pageParam })}`, { schema: ImportMembersResponse, signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );

export function patchImportRow(id: string, rowNumber: number, values: ImportRowValues) {
  return request(`/api/imports/${encodeURIComponent(id)}/rows/${rowNumber}${toSearch({ lang: currentLanguage() })}`, {
    method: 'PATCH',
    body: { values },
    schema: ImportRowResult,
  });
}

/** Removes the ticked rows, or with `invalid` every row that still has errors. */
export function removeImportRows(id: string, body: ImportRowsRemoveBody) {
  return request(`/api/imports/${encodeURIComponent(id)}/rows/remove`, { method: 'POST', body, schema: ImportRowsRemoved });
}

export function commitImport(id: string, body: { properties: BatchProperties; message?: string }) {
  return request(`/api/imports/${encodeURIComponent(id)}/commit`, { method: 'POST', body, schema: ImportJob });
}

/**
 * Sends the file as the raw body (`text/csv`). XMLHttpRequest rather than fetch: it reports
 * how much of the file has been sent, for the progress bar.
 */
export async function uploadImport(file: File, mode: BatchMode, format: CsvFormat, onProgress: (fraction: number) => void, signal?: AbortSignal) {
  const { token } = await request('/api/auth/csrf', { schema: CsrfResponse, csrf: false });
  const url = `/api/imports${toSearch({ format, mode, fileName: file.name.slice(0, 255) })}`;
  const body = await new Promise<{ status: number; text: string; type: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText, type: xhr.getResponseHeader('content-type') ?? '' });
    xhr.onerror = () => reject(new NetworkError(new Error('Upload failed')));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
  let json: unknown;
  try {
    json = body.text ? JSON.parse(body.text) : null;
  } catch {
    json = null;
  }
  if (body.status < 200 || body.status >= 300) {
    const problem = Problem.safeParse(json);
    // Extension members (the size limit of a 413 file_too_large) are kept alongside.
    if (problem.success) throw new ApiError({ ...(json as object), ...problem.data });
    if (body.status === 0 || [502, 503, 504].includes(body.status)) throw new NetworkError(new Error(`HTTP ${body.status}`));
    throw new ApiError({ status: body.status, title: 'Error', detail: '', code: body.status >= 500 ? 'internal_error' : 'unknown' });
  }
  return ImportCreated.parse(json);
}
