import { csvIssueMessage, type CsvIssue, type CsvRowResult, type CsvRowValues, type Language, present } from '@sesame/contracts';
import type { Prisma } from '@sesame/db';
import { v7 as uuidv7 } from 'uuid';

/** An issue as stored in ImportRow.errors: errors and warnings in one list. */
export type StoredIssue = Pick<CsvIssue, 'field' | 'code' | 'message' | 'params'> & { warning?: true };

export type StoredRow = {
  rowNumber: number;
  values: CsvRowValues;
  issues: StoredIssue[];
  valid: boolean;
  username: string | null;
  roleId: string | null;
  userTypeId: string | null;
  identityType: string | null;
  cells: string[] | null;
};

/** A row issue of our own (the library's `rowIssue` is internal), worded like the library's. */
export function issue(field: CsvIssue['field'], code: CsvIssue['code'], params?: CsvIssue['params']): StoredIssue {
  const withField = { ...(params ?? {}), ...(field ? { field } : {}) };
  return { field, code, params: withField, message: csvIssueMessage({ code, message: code, params: withField }, 'en') };
}

export function toStoredRow(row: CsvRowResult): StoredRow {
  const issues: StoredIssue[] = [...row.errors, ...row.warnings.map((w) => ({ ...w, warning: true as const }))];
  return {
    rowNumber: row.rowNumber,
    values: row.values,
    issues,
    valid: row.errors.length === 0,
    username: row.values.username || null,
    roleId: row.resolved.roleId ?? null,
    userTypeId: row.resolved.userTypeId ?? null,
    identityType: row.resolved.identityType ?? null,
    cells: row.errors.length ? row.cells : null,
  };
}

export const hasErrors = (issues: readonly StoredIssue[]) => issues.some((i) => !i.warning);

/**
 * One multi-row INSERT for a batch of rows (a single JSON parameter, whatever the batch size).
 * Each row gets the id its member will have (UUIDv7: time-ordered, so the commit's inserts into
 * Member and its indexes land on neighbouring pages).
 */
export async function insertRows(db: Pick<Prisma.TransactionClient, '$executeRaw'>, jobId: string, rows: readonly StoredRow[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((r) => ({ ...r, issues: undefined, errors: r.issues.length ? r.issues : null, memberId: uuidv7() })),
  );
  await db.$executeRaw`
    INSERT INTO "ImportRow" ("jobId", "rowNumber", "values", "errors", "valid", "username", "roleId", "userTypeId", "identityType", "cells", "memberId")
    SELECT ${jobId}::uuid, r."rowNumber", r."values", r."errors", r."valid", r."username", r."roleId", r."userTypeId", r."identityType", r."cells", r."memberId"
    FROM jsonb_to_recordset(${json}::jsonb) AS r("rowNumber" int, "values" jsonb, "errors" jsonb, "valid" boolean, "username" text,
                                                 "roleId" uuid, "userTypeId" uuid, "identityType" text, "cells" jsonb, "memberId" uuid)`;
}

/** The issues of a row in the caller's language. */
export function localise(issues: readonly StoredIssue[] | null, lang: Language) {
  const list = issues ?? [];
  const out = (i: StoredIssue) => ({
    field: i.field,
    code: i.code,
    message: lang === 'en' ? i.message : csvIssueMessage(i, lang),
    ...(i.params ? { params: i.params } : {}),
  });
  return { errors: list.filter((i) => !i.warning).map(out), warnings: list.filter((i) => i.warning).map(out) };
}

/**
 * Duplicate usernames inside a file, recomputed for some usernames after a row was edited or
 * removed: the first row with a username keeps it, each later one gets `duplicate_in_file`
 * naming the first (the upload's rule, applied to the rows as they are now). The `edited` row
 * counts as the last one: editing a row never puts an error on a row that had none.
 */
export async function recomputeDuplicates(tx: Prisma.TransactionClient, jobId: string, usernames: readonly (string | null | undefined)[], edited?: number): Promise<void> {
  const names = [...new Set(usernames.filter((u): u is string => !!u))];
  if (!names.length) return;
  const rows = await tx.$queryRaw<Array<{ rowNumber: number; username: string; errors: StoredIssue[] | null }>>`
    SELECT "rowNumber", "username", "errors" FROM "ImportRow"
    WHERE "jobId" = ${jobId}::uuid AND "username" = ANY(${names}::text[]) ORDER BY "rowNumber"`;
  if (edited !== undefined) rows.sort((a, b) => Number(a.rowNumber === edited) - Number(b.rowNumber === edited));
  const first = new Map<string, number>();
  const updates: { rowNumber: number; errors: StoredIssue[] | null; valid: boolean }[] = [];
  for (const row of rows) {
    const before = row.errors ?? [];
    const kept = before.filter((i) => i.code !== 'duplicate_in_file');
    const firstRow = first.get(row.username);
    if (firstRow === undefined) first.set(row.username, row.rowNumber);
    else kept.push(issue('username', 'duplicate_in_file', { username: row.username, firstRow }));
    if (JSON.stringify(kept) !== JSON.stringify(before)) updates.push({ rowNumber: row.rowNumber, errors: kept.length ? kept : null, valid: !hasErrors(kept) });
  }
  if (!updates.length) return;
  await tx.$executeRaw`
    UPDATE "ImportRow" AS r SET "errors" = u."errors", "valid" = u."valid"
    FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS u("rowNumber" int, "errors" jsonb, "valid" boolean)
    WHERE r."jobId" = ${jobId}::uuid AND r."rowNumber" = u."rowNumber"`;
}

/** Recounts a job's rows (after an edit, a removal or a failed commit). */
export async function recount(tx: Pick<Prisma.TransactionClient, '$queryRaw'>, jobId: string): Promise<{ total: number; valid: number; invalid: number }> {
  const [c] = await tx.$queryRaw<Array<{ total: number; valid: number; invalid: number }>>`
    WITH c AS (SELECT count(*)::int AS total, (count(*) FILTER (WHERE "valid"))::int AS valid FROM "ImportRow" WHERE "jobId" = ${jobId}::uuid)
    UPDATE "ImportJob" SET "totalRows" = c.total, "validRows" = c.valid, "invalidRows" = c.total - c.valid, "updatedAt" = now()
    FROM c WHERE "ImportJob".id = ${jobId}::uuid
    RETURNING c.total, c.valid, c.total - c.valid AS invalid`;
  return present(c, 'the job\'s row counts');
}
