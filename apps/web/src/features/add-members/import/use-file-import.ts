import type { BatchMode, BatchProperties, CsvFormat, CsvRowValues, FileTooLargeProblem, OrganizationDefaults } from '@sesame/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { commitImport, fetchImport, importKeys, uploadImport, type ImportCounts, type ImportJob, type ImportStatus } from '../api/imports.ts';
import type { WizardData } from '../api/wizard-data.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session/session-queries.ts';
import { importLookups, previewCsv, resolveUserType, rolesAboveOwn, rowUserTypes, type ImportPreview } from './import-rules.ts';

export type UploadPhase = 'idle' | 'reading' | 'uploading' | 'checking' | 'done' | 'error';

export interface FileImportState {
  file: File | null;
  /** The mode the file was checked for: another mode needs another upload. */
  mode: BatchMode | null;
  /** The format the file was checked for (built-in accounts or organization logins). */
  format: CsvFormat | null;
  preview: ImportPreview | null;
  phase: UploadPhase;
  /** Upload progress, 0 to 1. */
  progress: number;
  error: unknown;
  jobId: string | null;
  status: ImportStatus | null;
  counts: ImportCounts | null;
  /** The user type of every row still in the file, by row number. */
  userTypes: Map<number, string | undefined>;
}

const initial: FileImportState = {
  file: null,
  mode: null,
  format: null,
  preview: null,
  phase: 'idle',
  progress: 0,
  error: null,
  jobId: null,
  status: null,
  counts: null,
  userTypes: new Map(),
};

const POLL_MS = 400;
const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    }, { once: true });
  });

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The file of the "New members from a file" method: read at once in the browser for a
 * preview, sent to the API, and polled until every row is checked.
 */
export function useFileImport(data: Pick<WizardData, 'roles' | 'userTypes' | 'organization' | 'giver' | 'importLimits'>, format: CsvFormat = 'builtin') {
  const [state, setState] = useState<FileImportState>(initial);
  const controller = useRef<AbortController | null>(null);
  const lookups = useMemo(() => importLookups(data.roles, data.userTypes), [data.roles, data.userTypes]);
  const aboveOwn = useMemo(() => rolesAboveOwn(data.roles, data.giver), [data.roles, data.giver]);
  const organization: OrganizationDefaults = data.organization;
  const limits = data.importLimits;

  useEffect(() => () => controller.current?.abort(), []);

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState(initial);
  }, []);

  const choose = useCallback(
    /** Resolves true once the file is checked (whatever its errors), false if it failed or was replaced. */
    async (file: File, mode: BatchMode): Promise<boolean> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const { signal } = abort;
      // Larger than the server accepts: said at once, in the same words as its 413, nothing sent.
      const { maxBytes } = limits;
      if (file.size > maxBytes) {
        const problem: FileTooLargeProblem = { status: 413, title: 'Payload Too Large', detail: '', code: 'file_too_large', maxBytes };
        const tooLarge = new ApiError(problem);
        setState({ ...initial, file, mode, format, phase: 'error', error: tooLarge });
        return false;
      }
      setState({ ...initial, file, mode, format, phase: 'reading' });
      // The instant preview, with the same rules as the server (the upload runs alongside).
      // The bytes, not file.text(): a Windows-1252 file must be decoded as the API decodes it.
      const preview = file
        .arrayBuffer()
        .then((buffer) => {
          if (signal.aborted) return;
          const result = previewCsv(new Uint8Array(buffer), mode, lookups, organization, aboveOwn, format);
          setState((current) => (current.file === file ? { ...current, preview: result, userTypes: current.jobId && current.userTypes.size ? current.userTypes : new Map(result.userTypes) } : current));
        })
        .catch(() => undefined);
      try {
        setState((current) => ({ ...current, phase: 'uploading' }));
        const created = await uploadImport(file, mode, format, (progress) => setState((current) => (current.file === file ? { ...current, progress } : current)), signal);
        setState((current) => ({ ...current, phase: 'checking', progress: 1, jobId: created.id, status: created.status, counts: created.counts }));
        let status = created.status;
        let counts = created.counts;
        while (status === 'validating') {
          await wait(POLL_MS, signal);
          const job = await fetchImport(created.id, { limit: 0, errorsOnly: false }, signal);
          status = job.status;
          counts = job.counts;
        }
        await preview;
        if (signal.aborted) return false;
        setState((current) => ({ ...current, phase: 'done', status, counts }));
        return true;
      } catch (error) {
        if (isAbort(error) || signal.aborted) return false;
        setState((current) => ({ ...current, phase: 'error', error }));
        return false;
      }
    },
    [lookups, organization, aboveOwn, limits, format],
  );

  const rowEdited = useCallback(
    (rowNumber: number, values: CsvRowValues, counts: ImportCounts) =>
      setState((current) => {
        const userTypes = new Map(current.userTypes);
        userTypes.set(rowNumber, resolveUserType(values, rowNumber, current.mode ?? 'credentials', lookups, organization));
        return { ...current, userTypes, counts };
      }),
    [lookups, organization],
  );

  const rowsRemoved = useCallback(
    (rowNumbers: readonly number[], counts: ImportCounts) =>
      setState((current) => {
        const userTypes = new Map(current.userTypes);
        for (const rowNumber of rowNumbers) userTypes.delete(rowNumber);
        return { ...current, userTypes, counts };
      }),
    [],
  );

  /** Counts as the latest page of rows told them. */
  const syncCounts = useCallback(
    (counts: ImportCounts, status: ImportStatus) =>
      setState((current) =>
        current.counts && current.counts.total === counts.total && current.counts.valid === counts.valid && current.counts.invalid === counts.invalid && current.status === status
          ? current
          : { ...current, counts, status },
      ),
    [],
  );

  const typeIds = useMemo(() => rowUserTypes(state.userTypes), [state.userTypes]);
  const ready = state.phase === 'done' && state.status === 'validated' && !!state.counts && state.counts.invalid === 0 && state.counts.valid > 0;

  return { state, choose, reset, rowEdited, rowsRemoved, syncCounts, typeIds, ready };
}

export type FileImport = ReturnType<typeof useFileImport>;

export type CommitPhase = 'idle' | 'starting' | 'committing' | 'committed' | 'failed';

export interface CommitState {
  phase: CommitPhase;
  job: ImportJob | null;
  /** A refusal of the commit request (400/409) or a failure while polling. */
  error: unknown;
  /** Why the background commit stopped (nothing was created). */
  failure: string | null;
}

/** Commits the import (202), then polls it until the members exist, for the progress bar. */
export function useImportCommit() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<CommitState>({ phase: 'idle', job: null, error: null, failure: null });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const commit = useCallback(
    /** Resolves with the refusal of the commit request, if any. */
    async (id: string, body: { properties: BatchProperties; message?: string }): Promise<unknown> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ phase: 'starting', job: null, error: null, failure: null });
      try {
        let job = await commitImport(id, body);
        setState({ phase: 'committing', job, error: null, failure: null });
        while (job.status === 'committing') {
          await wait(POLL_MS, abort.signal);
          job = await fetchImport(id, { limit: 0, errorsOnly: false }, abort.signal);
          setState((current) => ({ ...current, job }));
        }
        if (job.status === 'committed') {
          setState({ phase: 'committed', job, error: null, failure: null });
          // New members change nearly everything cached: member lists, seat counts, group sizes.
          void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
        } else {
          setState({ phase: 'failed', job, error: null, failure: job.error });
          void queryClient.invalidateQueries({ queryKey: importKeys.job(id) });
        }
        return null;
      } catch (error) {
        if (isAbort(error)) return null;
        setState({ phase: 'failed', job: null, error, failure: null });
        return error;
      }
    },
    [queryClient],
  );

  const clear = useCallback(() => {
    controller.current?.abort();
    setState({ phase: 'idle', job: null, error: null, failure: null });
  }, []);

  return { state, commit, clear };
}
