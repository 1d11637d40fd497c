// Changes to an import's rows before its commit: fix a row, remove rows, download those with errors.
import {
  createRowValidator,
  csvFormatFields,
  errorReportCsv,
  findInvalidCharacter,
  matchCsvHeader,
  type CsvFormat,
  type CsvRowValues,
  type ImportRowsRemoveBody,
  type Language,
  type BatchMode,
} from '@sesame/contracts';
import { Prisma, type Db } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { recomputeDuplicates, recount, toStoredRow, type StoredIssue } from './rows.ts';
import { findJob, type Job, PASSWORD_MASK, requireEditable, requirePrivilege, rowDto, validationOptions } from './service.ts';

/** Locks the job for a row edit and checks again, under the lock, that it can still be edited (a commit may have started). */
async function lockEditable(tx: Prisma.TransactionClient, auth: AuthContext, jobId: string) {
  const [locked] = await tx.$queryRaw<Array<Pick<Job, 'status' | 'heartbeatAt'>>>`
    SELECT "status"::text AS status, "heartbeatAt" FROM "ImportJob" WHERE id = ${jobId}::uuid AND "organizationId" = ${auth.organizationId}::uuid FOR UPDATE`;
  if (!locked) throw notFound('import');
  requireEditable(locked);
}


/**
 * Fixes a row: the new values are checked with the upload's rules, the username also against
 * the organization and the other rows of the file (and rows that duplicated the old or the
 * new username are re-checked).
 */
export async function patchRow(db: Db, auth: AuthContext, id: string, rowNumber: number, input: CsvRowValues, lang: Language) {
  requirePrivilege(auth);
  const job = await findJob(db, auth, id);
  requireEditable(job);
  const { options } = await validationOptions(db, auth, job.format as CsvFormat, job.mode as BatchMode);
  const row = await db.importRow.findUnique({ where: { jobId_rowNumber: { jobId: job.id, rowNumber } } });
  if (!row) throw notFound('row');
  const fields = csvFormatFields[job.format as CsvFormat];
  refuseControlCharacters(input);
  const values: CsvRowValues = { ...(row.values as CsvRowValues) };
  for (const f of fields) {
    if (input[f] === undefined || (f === 'password' && input[f] === PASSWORD_MASK)) continue;
    values[f] = input[f];
  }
  const username = values.username?.trim();
  const taken = username ? (await db.member.count({ where: { organizationId: auth.organizationId, username } })) > 0 : false;
  const result = createRowValidator({ ...options, usernameTaken: (u) => taken && u === username }).validateValues(values, rowNumber);
  const stored = toStoredRow({ ...result, cells: [] });
  return db.$transaction(async (tx) => {
    await lockEditable(tx, auth, job.id);
    await tx.importRow.update({
      where: { jobId_rowNumber: { jobId: job.id, rowNumber } },
      data: {
        values: stored.values,
        errors: stored.issues.length ? stored.issues : Prisma.DbNull,
        valid: stored.valid,
        username: stored.username,
        roleId: stored.roleId,
        userTypeId: stored.userTypeId,
        identityType: stored.identityType,
        passwordHash: null,
      },
    });
    await recomputeDuplicates(tx, job.id, [row.username, stored.username], rowNumber);
    const counts = await recount(tx, job.id);
    const fresh = await tx.importRow.findUniqueOrThrow({ where: { jobId_rowNumber: { jobId: job.id, rowNumber } }, select: { rowNumber: true, values: true, errors: true, memberId: true } });
    return { row: rowDto(fresh, lang, false), counts };
  });
}

/**
 * An edit is typed, not read from a file: a control character in it (NUL, which PostgreSQL
 * refuses, or another) is refused whole (400) rather than removed, as the upload does.
 */
function refuseControlCharacters(input: CsvRowValues) {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(input)) {
    const bad = value === undefined ? undefined : findInvalidCharacter(value);
    if (bad) {
      errors.push({ path: `values.${field}`, code: 'control_character', params: { char: bad.char } });
    }
  }
  if (errors.length) throw new AppError(400, 'validation_failed', { params: { outcome: 'changed' }, errors });
}

export async function deleteRow(db: Db, auth: AuthContext, id: string, rowNumber: number) {
  requirePrivilege(auth);
  const job = await findJob(db, auth, id);
  requireEditable(job);
  return db.$transaction(async (tx) => {
    await lockEditable(tx, auth, job.id);
    const [removed] = await tx.$queryRaw<Array<{ username: string | null }>>`
      DELETE FROM "ImportRow" WHERE "jobId" = ${job.id}::uuid AND "rowNumber" = ${rowNumber} RETURNING "username"`;
    if (!removed) throw notFound('row');
    await recomputeDuplicates(tx, job.id, [removed.username]);
    return { counts: await recount(tx, job.id) };
  });
}

/** The rows with errors as a CSV to fix in a spreadsheet: the file's columns plus "Errors". */
export async function errorReport(db: Db, auth: AuthContext, id: string, langOption: Language | undefined) {
  requirePrivilege(auth);
  const job = await findJob(db, auth, id);
  const lang = langOption ?? (job.language === 'fr' ? 'fr' : 'en');
  const header = (job.header as string[] | null) ?? [];
  const fieldAt = header.map((h) => matchCsvHeader(h)?.field);
  const rows = await db.importRow.findMany({ where: { jobId: job.id, valid: false }, orderBy: { rowNumber: 'asc' }, select: { values: true, errors: true, cells: true } });
  const report = errorReportCsv(
    header,
    rows.map((r) => {
      const values = r.values as CsvRowValues;
      const cells = (r.cells as string[] | null) ?? [];
      // Edited rows: their current values, in the file's own columns.
      const merged = header.map((_, i) => {
        const field = fieldAt[i];
        const edited = field ? values[field] : undefined;
        return edited ?? cells[i] ?? '';
      });
      // The file's cell count tells where a password may have shifted to (rows with missing or extra values).
      return { cells: [...merged, ...cells.slice(header.length)], cellCount: cells.length, errors: ((r.errors as StoredIssue[] | null) ?? []).filter((e) => !e.warning) };
    }),
    lang,
    { delimiter: job.delimiter === ';' || job.delimiter === ',' ? job.delimiter : undefined },
  );
  const base = (job.fileName ?? 'import').replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_');
  return { fileName: `${base}-${lang === 'fr' ? 'erreurs' : 'errors'}.csv`, body: report };
}

/**
 * Removes several rows in one go (all or nothing: an unknown row number removes none), then
 * re-checks the duplicates their usernames were part of.
 */
export async function removeRows(db: Db, auth: AuthContext, id: string, body: ImportRowsRemoveBody) {
  requirePrivilege(auth);
  const job = await findJob(db, auth, id);
  requireEditable(job);
  const wanted = body.rowNumbers ? [...new Set(body.rowNumbers)] : null;
  return db.$transaction(async (tx) => {
    await lockEditable(tx, auth, job.id);
    const removed = wanted
      ? await tx.$queryRaw<Array<{ rowNumber: number; username: string | null }>>`
          DELETE FROM "ImportRow" WHERE "jobId" = ${job.id}::uuid AND "rowNumber" = ANY(${wanted}::int[]) RETURNING "rowNumber", "username"`
      : await tx.$queryRaw<Array<{ rowNumber: number; username: string | null }>>`
          DELETE FROM "ImportRow" WHERE "jobId" = ${job.id}::uuid AND NOT "valid" RETURNING "rowNumber", "username"`;
    if (wanted && removed.length !== wanted.length) {
      const found = new Set(removed.map((r) => r.rowNumber));
      const missing = wanted.filter((n) => !found.has(n));
      // Rolls the whole removal back.
      throw new AppError(404, 'not_found', { params: { rows: `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}` } });
    }
    await recomputeDuplicates(tx, job.id, removed.map((r) => r.username));
    const rowNumbers = removed.map((r) => r.rowNumber).sort((a, b) => a - b);
    return { removed: removed.length, rowNumbers, counts: await recount(tx, job.id) };
  });
}
