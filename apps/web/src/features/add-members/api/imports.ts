import { BatchMode, BatchProperties, CsrfResponse, CsvFormat, Language, Problem, csvFields } from '@sesame/contracts';
import { z } from 'zod';
import { ApiError, NetworkError, request, toSearch } from '../../../lib/api-client.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { addMembersKeys } from './add-members-keys.ts';

// The CSV import's shapes, as apps/api/src/features/imports/schemas.ts answers them. They
// mirror the API's until those move to @sesame/contracts.

export const ImportStatus = z.enum(['validating', 'validated', 'committing', 'committed', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

const Params = z.record(z.string(), z.union([z.string(), z.number()]));
export const ImportCounts = z.object({ total: z.number(), valid: z.number(), invalid: z.number() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportIssue = z.object({ field: z.string().nullable(), code: z.string().optional(), message: z.string(), params: Params.optional() });
export type ImportIssue = z.infer<typeof ImportIssue>;
export const ImportFileIssue = z.object({ code: z.string().optional(), message: z.string(), columns: z.array(z.string()).optional(), params: Params.optional() });
export type ImportFileIssue = z.infer<typeof ImportFileIssue>;

export const ImportRowValues = z.partialRecord(z.enum(csvFields), z.string());
export type ImportRowValues = z.infer<typeof ImportRowValues>;

export const ImportRow = z.object({
  rowNumber: z.number(),
  values: ImportRowValues,
  errors: z.array(ImportIssue),
  warnings: z.array(ImportIssue).default([]),
  memberId: z.string().nullable().optional(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportCreated = z.object({ id: z.string(), status: ImportStatus, counts: ImportCounts });

export const ImportJob = z.object({
  id: z.string(),
  status: ImportStatus,
  format: CsvFormat,
  mode: BatchMode,
  fileName: z.string().nullable(),
  counts: ImportCounts,
  fileErrors: z.array(ImportFileIssue),
  fileWarnings: z.array(ImportFileIssue),
  header: z.array(z.string()),
  language: Language,
  progress: z.object({ processed: z.number(), total: z.number(), percent: z.number() }),
  error: z.string().nullable(),
  rows: z.array(ImportRow),
  nextCursor: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

const ImportRowResult = z.object({ row: ImportRow, counts: ImportCounts });
const ImportRowDeleted = z.object({ counts: ImportCounts });

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
};

export function templateUrl(mode: BatchMode, lang: Language) {
  return `/api/imports/template${toSearch({ format: 'builtin', lang, mode })}`;
}

export function errorReportUrl(id: string, lang: Language) {
  return `/api/imports/${encodeURIComponent(id)}/errors.csv${toSearch({ lang })}`;
}

export function fetchImport(id: string, params: ImportPageParams, signal?: AbortSignal) {
  const search = toSearch({ limit: params.limit, cursor: params.cursor, errors: params.errorsOnly ? 'only' : 'all', lang: currentLanguage() });
  return request(`/api/imports/${encodeURIComponent(id)}${search}`, { schema: ImportJob, ...(signal ? { signal } : {}) });
}

export function patchImportRow(id: string, rowNumber: number, values: ImportRowValues) {
  return request(`/api/imports/${encodeURIComponent(id)}/rows/${rowNumber}${toSearch({ lang: currentLanguage() })}`, {
    method: 'PATCH',
    body: { values },
    schema: ImportRowResult,
  });
}

export function deleteImportRow(id: string, rowNumber: number) {
  return request(`/api/imports/${encodeURIComponent(id)}/rows/${rowNumber}`, { method: 'DELETE', schema: ImportRowDeleted });
}

export function commitImport(id: string, body: { properties: BatchProperties; message?: string }) {
  return request(`/api/imports/${encodeURIComponent(id)}/commit`, { method: 'POST', body, schema: ImportJob });
}

/**
 * Sends the file as the raw body (`text/csv`). XMLHttpRequest rather than fetch: it reports
 * how much of the file has been sent, for the progress bar.
 */
export async function uploadImport(file: File, mode: BatchMode, onProgress: (fraction: number) => void, signal?: AbortSignal) {
  const { token } = await request('/api/auth/csrf', { schema: CsrfResponse, csrf: false });
  const url = `/api/imports${toSearch({ format: 'builtin', mode, fileName: file.name.slice(0, 255) })}`;
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
    if (problem.success) throw new ApiError(problem.data);
    if (body.status === 0 || [502, 503, 504].includes(body.status)) throw new NetworkError(new Error(`HTTP ${body.status}`));
    throw new ApiError({ status: body.status, title: 'Error', detail: '', code: body.status >= 500 ? 'internal_error' : 'unknown' });
  }
  return ImportCreated.parse(json);
}
