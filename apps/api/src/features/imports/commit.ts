import { availableParallelism } from 'node:os';
import { importErrorMessage, type BatchProperties, type ImportErrorCode, present } from '@sesame/contracts';
import { Prisma, type Db } from '@sesame/db';
import { hashPassword } from '@sesame/db/passwords';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { lockAndCheckCapacity, newMemberSettings } from '../../lib/assignments/index.ts';
import { enqueueEmailsFrom } from '../mail/outbox.ts';
import { commitPlan } from './plan.ts';
import { issue, recount } from './rows.ts';

/**
 * Crash recovery bound (README: "within 30 s"): a commit's heartbeat is written every
 * HEARTBEAT_MS, a `committing` job whose heartbeat is older than COMMIT_STALE_MS (three missed
 * beats) was interrupted, and every API process sweeps for such jobs every RECOVERY_SWEEP_MS.
 * A job is back to `validated` at most COMMIT_STALE_MS + RECOVERY_SWEEP_MS = 25 s after its
 * last heartbeat, so within 25 s of the crash while an API process runs. (A commit whose
 * transaction is open holds the job and is never swept, whatever its heartbeat's age.)
 */
export const HEARTBEAT_MS = 5_000;
export const COMMIT_STALE_MS = 15_000;
export const RECOVERY_SWEEP_MS = 10_000;
/** Rows hashed between two progress updates. */
const HASH_BATCH = 64;
/** Rows (by row number) written by one round of set-based statements, between two progress updates. */
const WRITE_CHUNK = 10_000;

export type CommitInput = {
  jobId: string;
  organizationId: string;
  /** The job's `commitAttempt` this run owns; any newer attempt makes this one give up. */
  attempt: number;
  actor: { memberId: string; username: string };
  ip: string;
  baseUrl: string;
};

export type CommitHooks = {
  /** Called inside the transaction once the members are inserted (tests: a kill point). */
  insideTransaction?: () => Promise<void>;
  /** Called after each batch of hashed passwords. */
  afterHashBatch?: (processed: number) => Promise<void>;
  /** Called inside the transaction after each slice of rows is written (members so far). */
  afterWriteChunk?: (written: number) => Promise<void>;
  /** Rows per slice (default WRITE_CHUNK); tests make it small to see progress on small files. */
  writeChunkRows?: number;
};

export type CommitRunner = { start(input: CommitInput): void; close(): Promise<void> };

/** Runs commits in the background of this process and lets the server wait for them on close. */
export function createCommitRunner(db: Db, log: { error: (o: object, m: string) => void }, hooks: CommitHooks = {}): CommitRunner {
  const running = new Set<Promise<void>>();
  return {
    start(input) {
      const p = runCommit(db, input, hooks)
        .catch((err) => log.error({ err, jobId: input.jobId }, 'import commit failed'))
        .finally(() => running.delete(p));
      running.add(p);
    },
    async close() {
      await Promise.allSettled([...running]);
    },
  };
}

/** A commit that can't go through for a reason the administrator can act on. */
class CommitRefused extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly params: Record<string, number> = {},
  ) {
    super(code);
  }
}

type Failure = { code: ImportErrorCode; params: Record<string, number>; details: FieldError[] };

function describeFailure(err: unknown): Failure {
  if (err instanceof UsernamesTaken) return { code: 'usernames_taken', params: { count: err.rows.length }, details: [] };
  if (err instanceof CommitRefused) return { code: err.code, params: err.params, details: [] };
  if (err instanceof AppError && (err.code === 'seats_exhausted' || err.code === 'validation_failed')) return { code: err.code, params: {}, details: err.errors ?? [] };
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return { code: 'username_race', params: {}, details: [] };
  return { code: 'commit_failed', params: {}, details: [] };
}

class UsernamesTaken extends Error {
  constructor(readonly rows: { rowNumber: number; username: string }[]) {
    super('usernames taken');
  }
}

/**
 * The commit: passwords are hashed first (every core; hashes stored on the rows, so a restarted
 * commit resumes), then one transaction re-checks capacity under the batch's locks and writes
 * everything with set-based statements. Either the job ends `committed` with every member
 * created, or it goes back to `validated` with `error` set and nothing created.
 */
export async function runCommit(db: Db, input: CommitInput, hooks: CommitHooks = {}): Promise<void> {
  const { jobId, attempt } = input;
  const heartbeat = setInterval(() => {
    // SKIP LOCKED: while the commit transaction holds the job, it is alive by definition.
    void db.$executeRaw`UPDATE "ImportJob" SET "heartbeatAt" = now()
      WHERE id = (SELECT id FROM "ImportJob" WHERE id = ${jobId}::uuid AND "commitAttempt" = ${attempt} AND "status" = 'committing' FOR UPDATE SKIP LOCKED)`.catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const job = await db.importJob.findFirstOrThrow({ where: { id: jobId, organizationId: input.organizationId } });
    if (job.status !== 'committing' || job.commitAttempt !== attempt) return;
    if (job.format === 'builtin' && job.mode === 'credentials') await hashPasswords(db, input, hooks);
    await writeMembers(db, input, job, hooks);
  } catch (err) {
    const failure = describeFailure(err);
    if (err instanceof UsernamesTaken) await markTaken(db, jobId, err.rows);
    const english = importErrorMessage(failure.code, failure.params, 'en');
    await db.$executeRaw`UPDATE "ImportJob" SET "status" = 'validated', "error" = ${english}, "errorCode" = ${failure.code},
        "errorParams" = ${JSON.stringify(failure.params)}::jsonb, "errorDetails" = ${JSON.stringify(failure.details)}::jsonb,
        "heartbeatAt" = NULL, "processedRows" = 0, "updatedAt" = now()
      WHERE id = ${jobId}::uuid AND "commitAttempt" = ${attempt} AND "status" = 'committing'`;
    if (!(err instanceof UsernamesTaken || err instanceof AppError || err instanceof CommitRefused)) throw err;
  } finally {
    clearInterval(heartbeat);
  }
}

async function markTaken(db: Db, jobId: string, rows: { rowNumber: number; username: string }[]) {
  const updates = rows.map((r) => ({ rowNumber: r.rowNumber, issue: issue('username', 'username_taken', { username: r.username }) }));
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "ImportRow" AS r SET "valid" = false, "errors" = jsonb_build_array(u."issue") || coalesce(r."errors", '[]'::jsonb)
      FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS u("rowNumber" int, "issue" jsonb)
      WHERE r."jobId" = ${jobId}::uuid AND r."rowNumber" = u."rowNumber"`;
    await recount(tx, jobId);
  });
}

/** Hashes the passwords not hashed yet, keeping every core busy (argon2 runs on libuv's pool). */
async function hashPasswords(db: Db, input: CommitInput, hooks: CommitHooks) {
  const { jobId, attempt } = input;
  const [done] = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "ImportRow" WHERE "jobId" = ${jobId}::uuid AND "valid" AND "passwordHash" IS NOT NULL`;
  let processed = done?.n ?? 0;
  // Enough work queued that the thread pool never waits for the next batch.
  const batchSize = Math.max(HASH_BATCH, availableParallelism() * 16);
  let cursor = 0;
  let pendingWrite: Promise<unknown> = Promise.resolve();
  for (;;) {
    const rows = await db.$queryRaw<Array<{ rowNumber: number; password: string }>>`
      SELECT "rowNumber", "values"->>'password' AS password FROM "ImportRow"
      WHERE "jobId" = ${jobId}::uuid AND "valid" AND "passwordHash" IS NULL AND "rowNumber" > ${cursor}
      ORDER BY "rowNumber" LIMIT ${batchSize}`;
    if (!rows.length) break;
    cursor = present(rows.at(-1), 'the slice\'s last row').rowNumber;
    const hashes = await Promise.all(rows.map((r) => hashPassword(r.password)));
    await pendingWrite;
    processed += rows.length;
    const updates = JSON.stringify(rows.map((r, i) => ({ n: r.rowNumber, h: hashes[i] })));
    const progress = processed;
    // Stored while the next batch is hashed.
    pendingWrite = (async () => {
      const [owned] = await db.$queryRaw<Array<{ ok: boolean }>>`
        UPDATE "ImportJob" SET "processedRows" = ${progress}, "heartbeatAt" = now()
        WHERE id = ${jobId}::uuid AND "commitAttempt" = ${attempt} AND "status" = 'committing' RETURNING true AS ok`;
      if (!owned) throw new AppError(409, 'conflict', { params: { reason: 'commit_superseded' } });
      await db.$executeRaw`
        UPDATE "ImportRow" AS r SET "passwordHash" = u.h
        FROM jsonb_to_recordset(${updates}::jsonb) AS u(n int, h text)
        WHERE r."jobId" = ${jobId}::uuid AND r."rowNumber" = u.n`;
      await hooks.afterHashBatch?.(progress);
    })();
  }
  await pendingWrite;
}

type JobRecord = { id: string; organizationId: string; format: string; mode: string; properties: unknown; message: string | null; validRows: number; fileName: string | null };

async function writeMembers(db: Db, input: CommitInput, job: JobRecord, hooks: CommitHooks) {
  const { jobId, organizationId, attempt, actor } = input;
  const props = (job.properties ?? {}) as BatchProperties;
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const plan = await commitPlan(db, organizationId, jobId, props);
  if (plan.errors.length) throw new AppError(400, 'validation_failed', { params: { outcome: 'created' }, errors: plan.errors });

  const credentials = job.mode === 'credentials';
  const invite = job.mode === 'invite' && job.format !== 'ldap';
  const active = !invite;
  const identity = job.format === 'builtin' ? 'builtin' : job.format === 'ldap' ? 'ldap' : null;
  const settings = newMemberSettings(org, props.settings);
  const inviter = invite ? await db.member.findUnique({ where: { id: actor.memberId }, select: { firstName: true, lastName: true } }) : null;
  const expiresAt = new Date(Date.now() + org.invitationTtlDays * 86_400_000);

  await db.$transaction(
    async (tx) => {
      // KEY SHARE, not UPDATE: it keeps row edits, a second commit and the stale-job sweep out
      // (they take FOR UPDATE), while the progress updates below, made outside this
      // transaction, still go through.
      const [owned] = await tx.$queryRaw<Array<{ ok: boolean }>>`
        SELECT true AS ok FROM "ImportJob" WHERE id = ${jobId}::uuid AND "organizationId" = ${organizationId}::uuid
          AND "status" = 'committing' AND "commitAttempt" = ${attempt} FOR KEY SHARE`;
      if (!owned) throw new AppError(409, 'conflict', { params: { reason: 'commit_superseded' } });
      await lockAndCheckCapacity(tx, plan.capacity(job.validRows), plan.places);

      // The roles and user types may have changed since the upload.
      const [stale] = await tx.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM "ImportRow" r
        WHERE r."jobId" = ${jobId}::uuid AND r."valid" AND NOT EXISTS (
          SELECT 1 FROM "UserTypeRole" utr JOIN "UserType" ut ON ut.id = utr."userTypeId" AND ut."organizationId" = ${organizationId}::uuid
          WHERE utr."userTypeId" = r."userTypeId" AND utr."roleId" = r."roleId")`;
      const staleRows = present(stale, 'the count of rows with a stale role').n;
      if (staleRows > 0) throw new CommitRefused('roles_incompatible', { count: staleRows });
      if (credentials && job.format === 'builtin') {
        const [unhashed] = await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "ImportRow" WHERE "jobId" = ${jobId}::uuid AND "valid" AND "passwordHash" IS NULL`;
        if (present(unhashed, 'the count of unhashed rows').n > 0) throw new CommitRefused('passwords_changed');
      }
      const taken = await tx.$queryRaw<Array<{ rowNumber: number; username: string }>>`
        SELECT r."rowNumber", r."username" FROM "ImportRow" r
        JOIN "Member" m ON m."organizationId" = ${organizationId}::uuid AND m."username" = r."username"
        WHERE r."jobId" = ${jobId}::uuid AND r."valid" ORDER BY r."rowNumber" LIMIT 10000`;
      if (taken.length) throw new UsernamesTaken(taken);
      // Rows get their member's id when uploaded; rows stored before that have none yet.
      await tx.$executeRaw`UPDATE "ImportRow" SET "memberId" = gen_random_uuid() WHERE "jobId" = ${jobId}::uuid AND "valid" AND "memberId" IS NULL`;

      const inviterName = `${inviter?.firstName ?? ''} ${inviter?.lastName ?? ''}`.trim() || actor.username;
      const [span] = await tx.$queryRaw<Array<{ first: number | null; last: number | null }>>`
        SELECT min("rowNumber") AS first, max("rowNumber") AS last FROM "ImportRow" WHERE "jobId" = ${jobId}::uuid AND "valid"`;
      let written = 0;
      let hooked = false;
      // Set-based statements over slices of the file, so the progress bar moves while they run.
      const chunk = hooks.writeChunkRows ?? WRITE_CHUNK;
      for (let from = span?.first ?? 0; span?.last != null && from <= span.last; from += chunk) {
        const to = from + chunk - 1;
        const inserted = await tx.$executeRaw`
          INSERT INTO "Member" ("id", "organizationId", "username", "firstName", "lastName", "email", "identityType", "externalId", "roleId", "userTypeId",
            "status", "passwordHash", "mustChangePassword", "activatedAt", "profileVisibility", "language", "locale", "units", "startPage", "updatedAt")
          SELECT r."memberId", ${organizationId}::uuid, r."username", coalesce(r."values"->>'firstName', ''), coalesce(r."values"->>'lastName', ''),
            coalesce(r."values"->>'email', ''), coalesce(${identity}, r."identityType")::"IdentityType",
            CASE WHEN ${job.format} = 'org-login' THEN r."username" END, r."roleId", r."userTypeId",
            ${active ? 'active' : 'pending'}::"MemberStatus", r."passwordHash", ${credentials && job.format === 'builtin'},
            CASE WHEN ${active} THEN now() END, ${settings.profileVisibility}::"ProfileVisibility", ${settings.language}, ${settings.locale},
            ${settings.units}::"Units", ${settings.startPage}, now()
          FROM "ImportRow" r WHERE r."jobId" = ${jobId}::uuid AND r."valid" AND r."rowNumber" BETWEEN ${from} AND ${to} ORDER BY r."rowNumber"`;
        if (!hooked) {
          hooked = true;
          await hooks.insideTransaction?.();
        }
        if (inserted === 0) continue;

        if (plan.licenseIds.length) {
          await tx.$executeRaw`INSERT INTO "LicenseAssignment" ("organizationId", "licenseId", "memberId")
            SELECT ${organizationId}::uuid, l, r."memberId" FROM "ImportRow" r CROSS JOIN unnest(${plan.licenseIds}::uuid[]) AS l
            WHERE r."jobId" = ${jobId}::uuid AND r."valid" AND r."rowNumber" BETWEEN ${from} AND ${to}`;
        }
        if (plan.groupIds.length) {
          await tx.$executeRaw`INSERT INTO "GroupMembership" ("organizationId", "groupId", "memberId")
            SELECT ${organizationId}::uuid, g, r."memberId" FROM "ImportRow" r CROSS JOIN unnest(${plan.groupIds}::uuid[]) AS g
            WHERE r."jobId" = ${jobId}::uuid AND r."valid" AND r."rowNumber" BETWEEN ${from} AND ${to}`;
        }
        if (plan.categoryIds.length) {
          await tx.$executeRaw`INSERT INTO "MemberCategoryAssignment" ("organizationId", "categoryId", "memberId")
            SELECT ${organizationId}::uuid, c, r."memberId" FROM "ImportRow" r CROSS JOIN unnest(${plan.categoryIds}::uuid[]) AS c
            WHERE r."jobId" = ${jobId}::uuid AND r."valid" AND r."rowNumber" BETWEEN ${from} AND ${to}`;
        }
        if (invite) {
          await writeInvitations(tx, input, job, { from, to }, { orgName: org.name, inviterName, expiresAt, language: settings.language, locale: settings.locale });
        }
        // Role and user type named as the Activity page shows them (decision 005).
        await tx.$executeRaw`
          INSERT INTO "AuditEvent" ("organizationId", "actorId", "actorUsername", "action", "targetType", "targetId", "targetLabel", "after", "ip")
          SELECT ${organizationId}::uuid, ${actor.memberId}::uuid, ${actor.username}, ${invite ? 'member.invited' : 'member.created'}, 'member', r."memberId"::text, r."username",
            jsonb_build_object('username', r."username", 'firstName', r."values"->>'firstName', 'lastName', r."values"->>'lastName', 'email', r."values"->>'email',
              'role', jsonb_build_object('key', ro."key", 'name', ro."nameEn", 'nameFr', ro."nameFr"),
              'userType', jsonb_build_object('key', ut."key", 'name', ut."nameEn", 'nameFr', ut."nameFr"),
              'licenses', ${JSON.stringify(plan.audit.licenses)}::jsonb, 'groups', ${JSON.stringify(plan.audit.groups)}::jsonb,
              'categories', ${JSON.stringify(plan.audit.categories)}::jsonb, 'mode', ${job.mode}::text, 'importId', ${jobId}::text, 'row', r."rowNumber"),
            ${input.ip}
          FROM "ImportRow" r JOIN "Role" ro ON ro.id = r."roleId" JOIN "UserType" ut ON ut.id = r."userTypeId"
          WHERE r."jobId" = ${jobId}::uuid AND r."valid" AND r."rowNumber" BETWEEN ${from} AND ${to} ORDER BY r."rowNumber"`;
        written += inserted;
        // Passwords were hashed with progress of their own (kept); the other modes count rows written.
        await reportProgress(db, jobId, attempt, credentials && job.format === 'builtin' ? null : written);
        await hooks.afterWriteChunk?.(written);
      }
      if (written !== job.validRows) throw new Error(`expected ${job.validRows} members, inserted ${written}`);

      await tx.auditEvent.create({
        data: {
          organizationId,
          actorId: actor.memberId,
          actorUsername: actor.username,
          action: 'import.committed',
          targetType: 'import',
          targetId: jobId,
          targetLabel: job.fileName ?? `${job.format} CSV`,
          after: { format: job.format, mode: job.mode, members: job.validRows, ...plan.audit },
          ip: input.ip,
        },
      });
      // Passwords were needed only to create the accounts: the job keeps neither them nor their hashes.
      if (credentials && job.format === 'builtin') {
        await tx.$executeRaw`UPDATE "ImportRow" SET "values" = "values" - 'password', "passwordHash" = NULL WHERE "jobId" = ${jobId}::uuid`;
      }
      await tx.$executeRaw`UPDATE "ImportJob" SET "status" = 'committed', "committedAt" = now(), "processedRows" = "validRows", "heartbeatAt" = NULL,
        "error" = NULL, "errorCode" = NULL, "errorParams" = NULL, "errorDetails" = NULL, "updatedAt" = now()
        WHERE id = ${jobId}::uuid AND "commitAttempt" = ${attempt}`;
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

/**
 * Progress and heartbeat of a commit, written outside its transaction so pollers see them at
 * once (the heartbeat timer skips a job its transaction holds); `null` keeps the progress.
 */
async function reportProgress(db: Db, jobId: string, attempt: number, processed: number | null) {
  await db.$executeRaw`UPDATE "ImportJob" SET "processedRows" = coalesce(${processed}::int, "processedRows"), "heartbeatAt" = now()
    WHERE id = ${jobId}::uuid AND "commitAttempt" = ${attempt} AND "status" = 'committing'`;
}

/**
 * The invitations of one slice of rows and their emails, without a round trip through Node
 * per row: each row gets a random token (two `gen_random_uuid()`, 244 random bits from
 * PostgreSQL's strong random source, base64url like `newToken` in lib/tokens.ts) in a
 * temporary table of the commit's transaction; the invitation stores only its SHA-256 (as
 * `hashToken` in lib/tokens.ts computes it) and the email's data carries the link. The emails
 * go through the outbox's set-based enqueue ({@link enqueueEmailsFrom}), in this transaction:
 * checked against the invitation template, stored as outbox rows, given their delivery jobs
 * by fan-out jobs.
 */
async function writeInvitations(
  tx: Prisma.TransactionClient,
  input: CommitInput,
  job: JobRecord,
  slice: { from: number; to: number },
  ctx: { orgName: string; inviterName: string; expiresAt: Date; language: string; locale: string },
) {
  const { jobId, organizationId, actor } = input;
  const message = job.message ?? null;
  const expiresAt = ctx.expiresAt.toISOString();
  const linkPrefix = `${input.baseUrl}/activate/`;
  await tx.$executeRaw`DROP TABLE IF EXISTS pg_temp.import_invitation`;
  await tx.$executeRaw`
    CREATE TEMPORARY TABLE import_invitation ON COMMIT DROP AS
    SELECT r."memberId", r."username", trim(coalesce(r."values"->>'email', '')) AS email, coalesce(r."values"->>'firstName', '') AS "firstName",
      rtrim(translate(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), '=') AS token
    FROM "ImportRow" r WHERE r."jobId" = ${jobId}::uuid AND r."valid" AND r."rowNumber" BETWEEN ${slice.from} AND ${slice.to}`;
  await tx.$executeRaw`
    INSERT INTO "Invitation" ("organizationId", "memberId", "tokenHash", "message", "invitedById", "expiresAt")
    SELECT ${organizationId}::uuid, t."memberId", encode(sha256(convert_to(t.token, 'UTF8')), 'hex'), ${message}, ${actor.memberId}::uuid, ${ctx.expiresAt}
    FROM import_invitation t`;
  await enqueueEmailsFrom(
    tx,
    'invitation',
    Prisma.sql`SELECT ${organizationId}::uuid AS "organizationId", t.email AS "to",
      jsonb_build_object('firstName', t."firstName", 'organizationName', ${ctx.orgName}::text, 'inviterName', ${ctx.inviterName}::text,
        'username', t."username", 'link', ${linkPrefix}::text || t.token, 'expiresAt', ${expiresAt}::text)
        || CASE WHEN ${message}::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('message', ${message}::text) END AS "data"
      FROM import_invitation t`,
    { language: ctx.language, locale: ctx.locale },
  );
}
