import {
  administratorAtCreationAllowed,
  roleRefusal,
  roleRefusalsFor,
  csvTemplate,
  csvTemplateFileName,
  removeInvalidCharacters,
  parseCsvStream,
  type BatchMode,
  type CsvFileIssue,
  type CsvFormat,
  type CsvHeaderResult,
  type CsvRowValues,
  type CsvValidatorOptions,
  capacityErrorMessage,
  importErrorMessage,
  type ImportCommitBody,
  type ImportCreateQuery,
  type ImportGetQuery,
  type ImportTemplateQuery,
  type Language,
  present,
  type ConflictReason,
} from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { Config } from '../../config.ts';
import { audit } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound, type FieldError } from '../../lib/errors.ts';
import { lockAndCheckCapacity, roleError } from '../../lib/assignments/index.ts';
import { canAddMembers } from '../../lib/privileges.ts';
import { commitPlan } from './plan.ts';
import { COMMIT_STALE_MS, type CommitRunner } from './commit.ts';
import { insertRows, issue, localise, toStoredRow, type StoredIssue, type StoredRow } from './rows.ts';
import type { z } from 'zod';

export type ImportDeps = { db: Db; config: Config; commits: CommitRunner };
export type RequestInfo = { ip: string; baseUrl: string };

const BATCH_SIZE = 1000;
/** Batches of an upload written at once, each on its own connection. */
const WRITERS = 2;

export function requirePrivilege(auth: AuthContext) {
  if (!canAddMembers(auth)) throw forbidden({ action: 'import_members', area: 'members', level: 'update', orArea: 'manage_access' });
}

/** The organization's rules a file is validated against (also for edited rows and at commit). */
export async function validationOptions(db: Db, auth: Pick<AuthContext, 'organizationId' | 'isAdministrator' | 'privileges'>, format: CsvFormat, mode: BatchMode) {
  const organizationId = auth.organizationId;
  const [org, roles, userTypes] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db.role.findMany({ where: { organizationId }, select: { id: true, key: true, nameEn: true, nameFr: true, isAdministrator: true, privileges: { select: { area: true, level: true } } } }),
    db.userType.findMany({ where: { organizationId }, select: { id: true, key: true, nameEn: true, nameFr: true, roles: { select: { roleId: true } } } }),
  ]);
  const allowed = org.allowedIdentityTypes;
  const formatAllowed = format === 'builtin' ? allowed.includes('builtin') : format === 'ldap' ? allowed.includes('ldap') : allowed.includes('saml') || allowed.includes('oidc');
  if (!formatAllowed) {
    throw new AppError(400, 'validation_failed', { errors: [{ path: 'querystring.format', code: 'format_not_enabled', params: { format } }] });
  }
  const options: CsvValidatorOptions = {
    format,
    mode,
    lookups: {
      roles: roles.map(({ privileges: _levels, ...role }) => role),
      userTypes: userTypes.map((u) => ({ id: u.id, key: u.key, nameEn: u.nameEn, nameFr: u.nameFr, compatibleRoleIds: u.roles.map((r) => r.roleId) })),
    },
    identityTypesConfigured: allowed,
    // The rules module's, as the wizard's (decision 011): at creation only where the organization allows it, in every mode.
    administratorRoleAllowed: administratorAtCreationAllowed(org),
    usernameFormat: org.usernameFormat,
    // Like a role change: the Administrator role only from an administrator, any other within the uploader's own levels.
    roleRefusals: roleRefusalsFor(auth, roles),
  };
  return { org, options };
}

export async function importTemplate(db: Db, auth: AuthContext, q: z.infer<typeof ImportTemplateQuery>) {
  requirePrivilege(auth);
  const org = await db.organization.findUniqueOrThrow({ where: { id: auth.organizationId }, select: { allowedIdentityTypes: true } });
  return { fileName: csvTemplateFileName(q.format, q.lang), body: csvTemplate(q.format, q.lang, q.mode, { identityTypesConfigured: org.allowedIdentityTypes }) };
}

export function importLimits(config: Pick<Config, 'imports'>, auth: AuthContext) {
  requirePrivilege(auth);
  return { maxBytes: config.imports.maxBytes, maxRows: config.imports.maxRows };
}

/** Stops reading past `maxBytes`: the client gets a 413 and nothing is kept. */
export function fileTooLarge(maxBytes: number) {
  return new AppError(413, 'file_too_large', { params: { maxBytes }, extensions: { maxBytes } });
}

async function* limitBytes(source: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Uint8Array | string> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (bytes > maxBytes) throw fileTooLarge(maxBytes);
    yield chunk;
  }
}

/**
 * Streams an uploaded file through the CSV parser into ImportRow, a batch at a time (each
 * batch is stored before the next chunk is read). Usernames taken in the organization are
 * checked per batch in SQL. Held in memory: one chunk, one batch and the usernames seen.
 */
export async function createImport(
  deps: ImportDeps,
  auth: AuthContext,
  q: z.infer<typeof ImportCreateQuery>,
  source: AsyncIterable<Uint8Array | string>,
  info: RequestInfo,
) {
  const { db, config } = deps;
  requirePrivilege(auth);
  const organizationId = auth.organizationId;
  const { options } = await validationOptions(db, auth, q.format, q.mode);
  // A multipart file name is not checked by the query schema; PostgreSQL refuses NUL in text.
  const fileName = q.fileName === undefined ? null : removeInvalidCharacters(q.fileName).slice(0, 255) || null;
  const job = await db.importJob.create({
    data: { organizationId, createdById: auth.memberId, format: q.format, mode: q.mode, status: 'validating', fileName },
    select: { id: true },
  });
  const counts = { total: 0, valid: 0, invalid: 0 };
  let header: CsvHeaderResult | undefined;
  // Batches are written on WRITERS connections at once while the next ones are parsed and
  // validated (the database is the slower side); at most WRITERS + 1 batches are held.
  const inFlight = new Set<Promise<void>>();
  let writeError: unknown;
  const write = async (rows: StoredRow[]) => {
    await markTaken(db, organizationId, rows);
    for (const r of rows) {
      counts.total++;
      if (r.valid) counts.valid++;
      else counts.invalid++;
    }
    await insertRows(db, job.id, rows);
  };
  const settle = async () => {
    await Promise.allSettled(inFlight);
    if (writeError) throw writeError;
  };
  try {
    const summary = await parseCsvStream(
      limitBytes(source, config.imports.maxBytes),
      { ...options, maxRows: config.imports.maxRows, batchSize: BATCH_SIZE },
      {
        onHeader: (h) => void (header = h),
        onRows: async (results) => {
          const rows = results.map(toStoredRow);
          if (writeError) throw writeError;
          if (inFlight.size >= WRITERS) await Promise.race(inFlight);
          const p: Promise<void> = write(rows).then(
            () => void inFlight.delete(p),
            (err: unknown) => {
              inFlight.delete(p);
              writeError ??= err;
            },
          );
          inFlight.add(p);
        },
      },
    ).finally(() => Promise.allSettled(inFlight));
    await settle();
    const failed = !summary.ok;
    // A file-level error (missing column, too many rows…): the admin chooses another file, no row is kept.
    if (failed) await db.importRow.deleteMany({ where: { jobId: job.id } });
    const done = await db.importJob.update({
      where: { id: job.id, organizationId },
      data: {
        status: failed ? 'failed' : 'validated',
        totalRows: failed ? 0 : counts.total,
        validRows: failed ? 0 : counts.valid,
        invalidRows: failed ? 0 : counts.invalid,
        fileErrors: summary.fileErrors as object[],
        fileWarnings: summary.fileWarnings as object[],
        header: header?.columns.map((c) => c.header) ?? [],
        delimiter: summary.delimiter,
        language: header?.language ?? 'en',
      },
      select: { id: true, status: true, totalRows: true, validRows: true, invalidRows: true },
    });
    await audit(db, {
      organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'import.created',
      targetType: 'import',
      targetId: job.id,
      targetLabel: fileName ?? `${q.format} CSV`,
      after: { format: q.format, mode: q.mode, status: done.status, ...counts, fileErrors: summary.fileErrors.map((e) => e.code) },
      ip: info.ip,
    });
    return { id: done.id, status: done.status, counts: { total: done.totalRows, valid: done.validRows, invalid: done.invalidRows } };
  } catch (err) {
    await db.importJob.deleteMany({ where: { id: job.id, organizationId } });
    throw err;
  }
}

/** Adds `username_taken` to rows whose username exists in the organization (one query per batch). */
async function markTaken(db: Db, organizationId: string, rows: StoredRow[]) {
  const candidates = rows.filter((r) => r.username && !r.issues.some((i) => i.field === 'username' && !i.warning));
  if (!candidates.length) return;
  const taken = await db.member.findMany({ where: { organizationId, username: { in: candidates.flatMap((r) => (r.username ? [r.username] : [])) } }, select: { username: true } });
  if (!taken.length) return;
  const set = new Set(taken.map((t) => t.username));
  for (const r of candidates) {
    if (!r.username || !set.has(r.username)) continue;
    r.issues.unshift(issue('username', 'username_taken', { username: r.username }));
    r.valid = false;
  }
}

export async function findJob(db: Db, auth: AuthContext, id: string) {
  const job = await db.importJob.findFirst({ where: { id, organizationId: auth.organizationId }, include: { createdBy: { select: { username: true } } } });
  if (!job) throw notFound('import');
  return job;
}

export type Job = Awaited<ReturnType<typeof findJob>>;

export const committingIsStale = (job: Pick<Job, 'status' | 'heartbeatAt'>) =>
  job.status === 'committing' && (!job.heartbeatAt || Date.now() - job.heartbeatAt.getTime() > COMMIT_STALE_MS);

function localiseFileIssues(issues: unknown, lang: Language) {
  return ((issues as CsvFileIssue[] | null) ?? []).map((i) => ({ ...i, message: lang === 'en' ? i.message : present(localise([{ ...i, field: null } as StoredIssue], lang).errors[0], 'a localised file issue').message }));
}

function jobDto(job: Job, lang: Language) {
  const total = job.validRows;
  const processed = job.status === 'committed' ? total : Math.min(job.processedRows, total);
  return {
    id: job.id,
    status: job.status,
    format: job.format as CsvFormat,
    mode: job.mode as BatchMode,
    fileName: job.fileName,
    counts: { total: job.totalRows, valid: job.validRows, invalid: job.invalidRows },
    fileErrors: localiseFileIssues(job.fileErrors, lang),
    fileWarnings: localiseFileIssues(job.fileWarnings, lang),
    header: (job.header as string[] | null) ?? [],
    language: (job.language === 'fr' ? 'fr' : 'en') as Language,
    progress: { processed, total, percent: total ? Math.floor((processed / total) * 1000) / 10 : 0 },
    error: job.errorCode ? importErrorMessage(job.errorCode, (job.errorParams ?? {}) as Record<string, number>, lang, job.error ?? '') : job.error,
    errorCode: job.errorCode,
    errorDetails: ((job.errorDetails ?? []) as FieldError[]).map((d) => ({ ...d, message: capacityErrorMessage(d, lang) })),
    createdAt: job.createdAt.toISOString(),
    committedAt: job.committedAt?.toISOString() ?? null,
    createdBy: job.createdBy?.username ?? null,
  };
}

/**
 * Passwords from the file never leave the server: a set password reads as this mask, and a
 * row fix that sends the mask back (or nothing) keeps the stored one.
 */
export const PASSWORD_MASK = '\u2022'.repeat(8);
export const maskPassword = (values: CsvRowValues): CsvRowValues => (values.password ? { ...values, password: PASSWORD_MASK } : values);

type RowRecord = { rowNumber: number; values: unknown; errors: unknown; memberId: string | null };
/** `committed`: the row's member exists (before, `memberId` is only the id it will get). */
export const rowDto = (r: RowRecord, lang: Language, committed: boolean) => ({
  rowNumber: r.rowNumber,
  values: maskPassword(r.values as CsvRowValues),
  ...localise(r.errors as StoredIssue[] | null, lang),
  memberId: committed ? r.memberId : null,
});

export function requireEditable(job: Pick<Job, 'status' | 'heartbeatAt'>) {
  if (job.status === 'validated' || committingIsStale(job)) return;
  const why: Record<string, ConflictReason> = { validating: 'import_validating', committing: 'import_committing', committed: 'import_committed', failed: 'import_failed' };
  throw new AppError(409, 'conflict', { params: { reason: why[job.status] ?? 'import_locked' } });
}

export async function getImport(db: Db, auth: AuthContext, id: string, q: z.infer<typeof ImportGetQuery>) {
  requirePrivilege(auth);
  const job = await findJob(db, auth, id);
  const rows = q.limit
    ? await db.importRow.findMany({
        where: { jobId: job.id, ...(q.errors === 'only' ? { valid: false } : {}), ...(q.cursor ? { rowNumber: { gt: Number(q.cursor) } } : {}) },
        orderBy: { rowNumber: 'asc' },
        take: q.limit + 1,
        select: { rowNumber: true, values: true, errors: true, memberId: true, valid: true },
      })
    : [];
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  return { ...jobDto(job, q.lang), rows: page.map((r) => rowDto(r, q.lang, job.status === 'committed' && r.valid)), nextCursor: more ? String(present(page.at(-1), 'the page\'s last row').rowNumber) : null };
}

/** The file may have been checked for someone else: whoever commits it gives its roles. */
async function rolesAboveCommitter(db: Db, auth: AuthContext, jobId: string): Promise<FieldError[]> {
  if (auth.isAdministrator) return [];
  const used = await db.importRow.findMany({ where: { jobId, valid: true }, distinct: ['roleId'], select: { roleId: true } });
  const roles = await db.role.findMany({
    where: { organizationId: auth.organizationId, id: { in: used.flatMap((r) => (r.roleId ? [r.roleId] : [])) } },
    select: { id: true, nameEn: true, nameFr: true, isAdministrator: true, privileges: { select: { area: true, level: true } } },
  });
  // The rules module's roleRefusal, as at upload (the Administrator role from a non-administrator, a role above one's own).
  return roles.flatMap((role) => {
    const refusal = roleRefusal(auth, role);
    if (!refusal) return [];
    // The wording names the role (`Role "Publisher" gives more privileges…`).
    return [roleError('rows', refusal, role, { ...role, roles: [] }, [])];
  });
}

/**
 * Checks that the whole file can be created (no invalid row left; licences, groups and
 * categories valid for every user type in it; seats and the named-user limit enough for
 * every row), then marks the job `committing` and starts the commit in the background.
 */
export async function requestCommit(deps: ImportDeps, auth: AuthContext, id: string, body: z.infer<typeof ImportCommitBody>, info: RequestInfo) {
  const { db } = deps;
  requirePrivilege(auth);
  const organizationId = auth.organizationId;
  const job = await findJob(db, auth, id);
  if (job.status === 'committed') throw new AppError(409, 'conflict', { params: { reason: 'import_committed' } });
  if (job.status === 'committing' && !committingIsStale(job)) throw new AppError(409, 'conflict', { params: { reason: 'import_committing' } });
  if (job.status !== 'validated' && job.status !== 'committing') requireEditable(job);
  if (job.invalidRows > 0) {
    throw new AppError(409, 'conflict', { params: { reason: 'rows_with_errors', count: job.invalidRows } });
  }
  if (job.validRows === 0) throw new AppError(409, 'conflict', { params: { reason: 'no_rows_left' } });

  const plan = await commitPlan(db, organizationId, job.id, body.properties ?? {});
  plan.errors.push(...(await rolesAboveCommitter(db, auth, job.id)));
  if (plan.errors.length) throw new AppError(400, 'validation_failed', { params: { outcome: 'created' }, errors: plan.errors });
  // Capacity for the whole file, before anything is created (checked again under the same locks at commit).
  await db.$transaction(async (tx) => lockAndCheckCapacity(tx, plan.capacity(job.validRows), plan.places), { timeout: 30_000 });

  const [started] = await db.$queryRaw<Array<{ commitAttempt: number }>>`
    UPDATE "ImportJob" SET "status" = 'committing', "commitAttempt" = "commitAttempt" + 1, "heartbeatAt" = now(), "processedRows" = 0,
      "error" = NULL, "errorCode" = NULL, "errorParams" = NULL, "errorDetails" = NULL, "properties" = ${JSON.stringify(body.properties ?? {})}::jsonb, "message" = ${body.message ?? null}, "updatedAt" = now()
    WHERE id = (SELECT id FROM "ImportJob" WHERE id = ${job.id}::uuid AND "organizationId" = ${organizationId}::uuid FOR UPDATE SKIP LOCKED)
      AND "invalidRows" = 0
      -- SKIP LOCKED: a commit whose transaction is still open holds the job, however old its heartbeat.
      AND ("status" = 'validated' OR ("status" = 'committing' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${COMMIT_STALE_MS / 1000}))))
    RETURNING "commitAttempt"`;
  if (!started) throw new AppError(409, 'conflict', { params: { reason: 'import_changed' } });
  deps.commits.start({
    jobId: job.id,
    organizationId,
    attempt: started.commitAttempt,
    actor: { memberId: auth.memberId, username: auth.username },
    ip: info.ip,
    baseUrl: info.baseUrl,
  });
  const fresh = await findJob(db, auth, id);
  return { ...jobDto(fresh, 'en'), rows: [], nextCursor: null };
}

