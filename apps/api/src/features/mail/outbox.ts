import { Prisma } from '@sesame/db';
import type { QueuedEmail } from '../../lib/mail-port.ts';
import { EmailMessage, renderEmail, type EmailInputByKind, type EmailKind, type RenderedEmail, type RenderOptions } from './templates.ts';

export type { EmailDataByKind, EmailKind, EmailMessage } from './templates.ts';

/** The queue's task that delivers one outbox row. */
export const SEND_EMAIL_TASK = 'mail.send';
/**
 * The queue retries after exp(attempt) seconds (2.7 s, 7.4 s, 20 s, … then every ~6 h), so
 * 25 attempts keep an email alive for about four days of mail-server outage.
 */
export const MAX_DELIVERY_ATTEMPTS = 25;

/**
 * The queue's task that gives delivery jobs to a batch of outbox rows (see {@link enqueueEmails}):
 * bulk writers queue one of these instead of one job per email inside their transaction.
 */
export const QUEUE_EMAILS_TASK = 'mail.queue-batch';

/** Each outbox row has at most one delivery job, found by this key. */
export const DELIVERY_JOB_KEY_PREFIX = 'mail:';
export const deliveryJobKey = (outboxId: string) => `${DELIVERY_JOB_KEY_PREFIX}${outboxId}`;

/** One email for {@link enqueueEmail}: the mail port's shape (lib/mail-port.ts). */
export type EnqueueEmailInput = QueuedEmail;

export type EnqueuedEmail = { id: string };

/**
 * Checks an email's data against its kind's schema and stores it with its delivery job, both
 * through `tx`: called inside the transaction that makes the change, the email exists if and
 * only if the change commits. The worker renders it when it sends it (see
 * {@link renderOutboxMessage}), so bad data fails here, at the change, not in the worker.
 */
export async function enqueueEmail(tx: Prisma.TransactionClient, input: EnqueueEmailInput): Promise<EnqueuedEmail> {
  const { organizationId, to, language, locale, timeZone, ...message } = input;
  const checked = EmailMessage.parse(message);
  const row = await tx.outboxMessage.create({
    data: {
      organizationId,
      kind: checked.kind,
      to: to.trim(),
      data: toJson(message.data),
      language: language ?? null,
      locale: locale ?? null,
      timeZone: timeZone ?? null,
    },
    select: { id: true },
  });
  await addDeliveryJob(tx, row.id);
  return row;
}

/**
 * The data as stored: the caller's values (dates as ISO strings), not the schema's output, so
 * that defaults and coercions are applied again, by the same schema, when the email is rendered.
 */
function toJson(data: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue;
}

/** An outbox row as the worker reads it. */
export type OutboxRow = {
  kind: string;
  data: unknown;
  language: string | null;
  locale: string | null;
  timeZone: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
};

/**
 * What an outbox row says, rendered: from its kind and data (rows queued since rendering moved
 * to delivery), or as stored (older rows). Throws when the data no longer fits its template.
 */
export function renderOutboxMessage(row: OutboxRow): RenderedEmail {
  if (row.data === null || row.data === undefined) {
    if (row.subject === null || row.text === null || row.html === null) throw new Error('outbox row has neither data nor rendered content');
    return { subject: row.subject, text: row.text, html: row.html };
  }
  return renderEmail({ kind: row.kind, data: row.data } as EmailMessage, {
    language: row.language,
    locale: row.locale,
    ...(row.timeZone ? { timeZone: row.timeZone } : {}),
  });
}

/** Whether the queue's schema is installed (the worker installs it when it first starts). */
export async function hasQueue(tx: Pick<Prisma.TransactionClient, '$queryRaw'>): Promise<boolean> {
  const [queue] = await tx.$queryRaw<Array<{ installed: boolean }>>`SELECT to_regproc('graphile_worker.add_job') IS NOT NULL AS installed`;
  return queue?.installed === true;
}

/**
 * Queues the delivery of an outbox row; a no-op when the row already has a job. Returns
 * false when the queue's schema is not installed yet (a database no worker has started
 * on): the row stays pending and the worker's sweep queues it when it starts.
 */
export async function addDeliveryJob(tx: Prisma.TransactionClient, outboxId: string): Promise<boolean> {
  if (!(await hasQueue(tx))) return false;
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${SEND_EMAIL_TASK},
    json_build_object('outboxId', ${outboxId}::text),
    max_attempts => ${MAX_DELIVERY_ATTEMPTS}::int,
    job_key => ${deliveryJobKey(outboxId)},
    job_key_mode => 'unsafe_dedupe'
  )`;
  return true;
}

/** One email of a bulk enqueue (see {@link enqueueEmails}). */
export type BulkEmail<K extends EmailKind = EmailKind> = { organizationId: string; kind: K; to: string; data: EmailInputByKind[K] };

/** Outbox rows given their delivery jobs by one fan-out job ({@link QUEUE_EMAILS_TASK}). */
export const QUEUE_BATCH = 2_000;

/**
 * The bulk variant of {@link enqueueEmail}, for writers of many emails in one transaction (the
 * CSV import's commit): each email's data is checked against its kind's schema, as
 * {@link enqueueEmail} does, then one multi-row INSERT stores the outbox rows (kind + data,
 * rendered at delivery), through `tx`. Instead of one delivery job per email, it queues one
 * {@link QUEUE_EMAILS_TASK} job per QUEUE_BATCH emails, which the worker turns into the delivery
 * jobs after the transaction commits ({@link addDeliveryJobs}): 100,000 jobs are not written
 * inside an import's transaction. Every email of a call shares the recipient settings in
 * `options`. Returns the outbox rows' ids.
 */
export async function enqueueEmails(
  tx: Prisma.TransactionClient,
  emails: readonly BulkEmail[],
  options: Pick<RenderOptions, 'language' | 'locale' | 'timeZone'> = {},
): Promise<string[]> {
  if (!emails.length) return [];
  for (const e of emails) EmailMessage.parse({ kind: e.kind, data: e.data });
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "OutboxMessage" ("organizationId", "kind", "to", "data", "language", "locale", "timeZone")
    SELECT o, k, t, d, ${options.language ?? null}, ${options.locale ?? null}, ${options.timeZone ?? null}
    FROM unnest(${emails.map((e) => e.organizationId)}::uuid[], ${emails.map((e) => e.kind)}::text[], ${emails.map((e) => e.to.trim())}::text[],
                ${emails.map((e) => JSON.stringify(e.data))}::jsonb[]) WITH ORDINALITY
      AS u(o, k, t, d, n)
    ORDER BY n
    RETURNING id`;
  const ids = rows.map((r) => r.id);
  // Without the queue's schema, the worker's sweep gives these rows their jobs when it starts.
  if (await hasQueue(tx)) {
    await tx.$queryRaw`WITH ob AS (SELECT unnest(${ids}::uuid[]) AS id) ${fanOutJobs}`;
  }
  return ids;
}

/**
 * One {@link QUEUE_EMAILS_TASK} job per QUEUE_BATCH rows of the CTE `ob` (the outbox rows just
 * written, by `id`), as the tail of the statement that writes them.
 */
const fanOutJobs = Prisma.sql`SELECT count(*)::int AS n FROM graphile_worker.add_jobs(ARRAY(
    SELECT ROW(${QUEUE_EMAILS_TASK}::text, json_build_object('outboxIds', b.ids), NULL, NULL, ${MAX_DELIVERY_ATTEMPTS}::int, NULL, NULL, NULL)::graphile_worker.job_spec
    FROM (SELECT array_agg(id::text) AS ids FROM (SELECT id, (row_number() OVER () - 1) / ${QUEUE_BATCH} AS g FROM ob) x GROUP BY g) b))`;

/**
 * The set-based variant of {@link enqueueEmails}, for writers whose emails PostgreSQL computes
 * (the CSV import's commit: 100,000 invitations would otherwise travel to Node and back):
 * `source` is a SELECT with one row per email of `kind`, its columns `"organizationId"` (uuid),
 * `"to"` (text) and `"data"` (jsonb, the template's data as callers pass it). Its first row's
 * data is checked against the kind's schema (the rows of one call are built by one
 * expression, so they share their shape); then one statement writes the outbox rows, through
 * `tx`, with one fan-out job per QUEUE_BATCH emails, as {@link enqueueEmails} does. `source` is
 * read twice (its first row, then all): it must return the same rows both times (read a
 * table, not volatile functions).
 */
export async function enqueueEmailsFrom(
  tx: Prisma.TransactionClient,
  kind: EmailKind,
  source: Prisma.Sql,
  options: Pick<RenderOptions, 'language' | 'locale' | 'timeZone'> = {},
): Promise<void> {
  const [sample] = await tx.$queryRaw<Array<{ data: unknown }>>`SELECT s."data" FROM (${source}) AS s LIMIT 1`;
  if (!sample) return;
  EmailMessage.parse({ kind, data: sample.data });
  // Without the queue's schema, the worker's sweep gives these rows their jobs when it starts.
  const queued = await hasQueue(tx);
  await tx.$queryRaw`
    WITH ob AS (
      INSERT INTO "OutboxMessage" ("organizationId", "kind", "to", "data", "language", "locale", "timeZone")
      SELECT s."organizationId", ${kind}, trim(s."to"), s."data", ${options.language ?? null}, ${options.locale ?? null}, ${options.timeZone ?? null}
      FROM (${source}) AS s
      RETURNING id
    )
    ${queued ? fanOutJobs : Prisma.sql`SELECT count(*)::int AS n FROM ob`}`;
}

/**
 * Gives delivery jobs to the pending outbox rows among `outboxIds` that have none (the sweep
 * may have given them one first), in one call.
 */
export async function addDeliveryJobs(db: Prisma.TransactionClient, outboxIds: readonly string[]): Promise<void> {
  if (!outboxIds.length) return;
  await db.$executeRaw`SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
    SELECT ROW(${SEND_EMAIL_TASK}::text, json_build_object('outboxId', o.id::text), NULL, NULL, ${MAX_DELIVERY_ATTEMPTS}::int,
               ${DELIVERY_JOB_KEY_PREFIX}::text || o.id::text, NULL, NULL)::graphile_worker.job_spec
    FROM "OutboxMessage" o WHERE o.id = ANY(${outboxIds}::uuid[]) AND o.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = ${DELIVERY_JOB_KEY_PREFIX}::text || o.id::text)))`;
}
