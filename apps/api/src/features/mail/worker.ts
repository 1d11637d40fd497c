import { Logger as QueueLogger, run, type JobHelpers, type Task } from 'graphile-worker';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { z } from 'zod';
import type { Db } from '@sesame/db';
import type { PeriodicTask } from '../../lib/maintenance.ts';
import { DELIVERY_JOB_KEY_PREFIX, MAX_DELIVERY_ATTEMPTS, QUEUE_EMAILS_TASK, SEND_EMAIL_TASK, addDeliveryJobs, renderOutboxMessage } from './outbox.ts';
import type { RenderedEmail } from './templates.ts';

export type MailLogger = {
  error: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  info: (obj: object, msg: string) => void;
  debug: (obj: object, msg: string) => void;
};

export type MailWorkerOptions = {
  /** The database holding the outbox and the job queue (the queue's schema is installed on start). */
  databaseUrl: string;
  db: Db;
  /** e.g. `smtp://user:pass@smtp.example.org:587`, `smtps://…:465`. */
  smtpUrl: string;
  /** The From header, e.g. `Sésame <no-reply@example.org>`; its domain also names the Message-IDs. */
  mailFrom: string;
  logger: MailLogger;
  /** Emails sent at once by this process. Default 2. */
  concurrency?: number;
  /** Attempts before an email is marked failed (at most MAX_DELIVERY_ATTEMPTS). Default MAX_DELIVERY_ATTEMPTS. */
  maxAttempts?: number;
  /** How often the queue looks for retries that have come due, in ms. Default 2000. */
  pollIntervalMs?: number;
  /** SMTP connection and greeting timeouts, in ms. Default 10 s. */
  smtpTimeoutMs?: number;
};

export type MailWorker = {
  /**
   * Gives a delivery job to pending emails that have none (done once when the worker starts);
   * the process's maintenance loop runs it every 5 minutes (main.ts).
   */
  sweep: PeriodicTask;
  stop(): Promise<void>;
};

/** How often the maintenance loop runs a worker's {@link MailWorker.sweep}. */
export const MAIL_SWEEP_MS = 5 * 60_000;

const Payload = z.object({ outboxId: z.uuid() });
const BatchPayload = z.object({ outboxIds: z.array(z.uuid()) });

/**
 * Delivers the outbox in this process: a small graphile-worker runner whose jobs each send
 * one outbox row. Jobs are taken with SKIP LOCKED, so any number of API processes can run
 * a worker against one database; a row already sent is skipped, so a job run twice sends once.
 */
export async function startMailWorker(options: MailWorkerOptions): Promise<MailWorker> {
  const { databaseUrl, db, smtpUrl, mailFrom, logger } = options;
  const concurrency = options.concurrency ?? 2;
  const maxAttempts = Math.min(options.maxAttempts ?? MAX_DELIVERY_ATTEMPTS, MAX_DELIVERY_ATTEMPTS);
  const timeout = options.smtpTimeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: concurrency,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 6 * timeout,
  });
  const messageIdDomain = domainOf(mailFrom);

  const send: Task = async (rawPayload, helpers) => {
    const payload = Payload.safeParse(rawPayload);
    if (!payload.success) {
      logger.error({ payload: rawPayload }, 'mail job without a valid outbox id: dropped');
      return;
    }
    const { outboxId } = payload.data;
    const message = await db.outboxMessage.findUnique({ where: { id: outboxId } });
    // Gone with its organization, already sent, or given up on: nothing to do.
    if (!message || message.status !== 'pending') return;

    const attempts = message.attempts + 1;
    // Rendered now, from what was checked when it was queued; data that no longer fits its
    // template (a template changed under queued mail) cannot get better by retrying.
    let content: RenderedEmail;
    try {
      content = renderOutboxMessage(message);
    } catch (err) {
      const lastError = `could not render: ${describe(err)}`.slice(0, 2000);
      await db.outboxMessage.update({ where: { id: message.id }, data: { attempts, lastError, status: 'failed' } });
      logger.error({ outboxId, kind: message.kind, err: lastError }, 'email could not be rendered: given up');
      return;
    }
    try {
      await transport.sendMail({
        from: mailFrom,
        to: message.to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        // Stable across retries, so a receiver can recognise a message it already has.
        messageId: `<${message.id}@${messageIdDomain}>`,
      });
    } catch (err) {
      const lastError = describe(err).slice(0, 2000);
      const final = isRecipientRejected(err) || attempts >= maxAttempts || isLastQueueAttempt(helpers);
      await db.outboxMessage.update({
        where: { id: message.id },
        data: final ? { attempts, lastError, status: 'failed' } : { attempts, lastError, nextAttemptAt: nextRetry(helpers) },
      });
      if (final) {
        logger.error({ outboxId, kind: message.kind, attempts, err: lastError }, 'email could not be delivered: given up');
        return;
      }
      logger.warn({ outboxId, kind: message.kind, attempts, err: lastError }, 'email delivery failed: will retry');
      throw err;
    }
    await db.outboxMessage.update({ where: { id: message.id }, data: { status: 'sent', sentAt: new Date(), attempts, lastError: null } });
    logger.debug({ outboxId, kind: message.kind, attempts }, 'email sent');
  };

  // A bulk writer's batch: its delivery jobs, written outside the writer's transaction.
  const queueBatch: Task = async (rawPayload) => {
    const payload = BatchPayload.safeParse(rawPayload);
    if (!payload.success) {
      logger.error({ payload: rawPayload }, 'mail batch job without valid outbox ids: dropped');
      return;
    }
    await addDeliveryJobs(db, payload.data.outboxIds);
  };

  // Our own pool, so that a connection dropped by the server (a restart, a failover, the
  // embedded database stopping first on shutdown) is logged instead of crashing the process.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 2 });
  const connectionLost = (err: Error) => logger.warn({ error: brief(err) }, 'mail queue connection lost');
  pool.on('error', connectionLost);
  pool.on('connect', (client) => client.on('error', connectionLost));

  const runner = await run({
    pgPool: pool,
    concurrency,
    pollInterval: options.pollIntervalMs ?? 2_000,
    noHandleSignals: true,
    logger: queueLogger(logger),
    taskList: { [SEND_EMAIL_TASK]: send, [QUEUE_EMAILS_TASK]: queueBatch },
  }).catch(async (err: unknown) => {
    transport.close();
    await pool.end();
    throw err;
  });

  const sweep = () =>
    queuePendingEmails(db).then(
      (queued) => queued > 0 && logger.info({ queued }, 'queued pending emails that had no delivery job'),
      (err) => logger.warn({ error: brief(err) }, 'mail sweep failed'),
    );
  await sweep();

  let stopping: Promise<void> | undefined;
  return {
    sweep: { name: 'mail sweep', everyMs: MAIL_SWEEP_MS, run: async () => (stopping ? undefined : sweep()) },
    stop() {
      stopping ??= (async () => {
        await runner.stop();
        transport.close();
        await pool.end();
      })();
      return stopping;
    },
  };
}

/**
 * Gives a delivery job to pending emails that have none: those written before the queue was
 * installed, or whose job was removed by hand. Emails that have one are left alone.
 */
export async function queuePendingEmails(db: Db, batchSize = 1000): Promise<number> {
  return db.$executeRaw`
    SELECT graphile_worker.add_job(
      ${SEND_EMAIL_TASK},
      json_build_object('outboxId', o.id::text),
      max_attempts => ${MAX_DELIVERY_ATTEMPTS}::int,
      job_key => ${DELIVERY_JOB_KEY_PREFIX}::text || o.id::text,
      job_key_mode => 'unsafe_dedupe'
    )
    FROM "OutboxMessage" o
    WHERE o.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = ${DELIVERY_JOB_KEY_PREFIX}::text || o.id::text)
    ORDER BY o."createdAt"
    LIMIT ${batchSize}`;
}

function isLastQueueAttempt(helpers: JobHelpers): boolean {
  return helpers.job.attempts >= helpers.job.max_attempts;
}

/** When the queue will retry: it waits exp(attempts) seconds, at most exp(10) (about 6 h). */
function nextRetry(helpers: JobHelpers): Date {
  return new Date(Date.now() + Math.exp(Math.min(helpers.job.attempts, 10)) * 1000);
}

/** The server refused the recipient for good (5xx), or the address is not one: retrying cannot help. */
function isRecipientRejected(err: unknown): boolean {
  const e = err as { code?: string; command?: string; permanent?: boolean; message?: string };
  if (e?.code !== 'EENVELOPE') return false;
  if (e.command === 'RCPT TO') return e.permanent === true;
  return e.command === 'API' && /recipient/i.test(e.message ?? '');
}

function describe(err: unknown): string {
  const { message, code } = brief(err);
  return code ? `${code}: ${message}` : message;
}

function brief(err: unknown): { message: string; code?: string } {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? { message: err.message, code } : { message: err.message };
}

function domainOf(address: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(address)?.[1] ?? 'sesame.localhost';
}

/** Routes the queue's own messages to our logger; its per-job chatter goes to debug. */
function queueLogger(logger: MailLogger): QueueLogger {
  return new QueueLogger((scope) => (level, message, meta) => {
    // The queue attaches whole database clients to its errors: keep what a reader needs.
    const obj = { ...scope, ...meta, ...(meta?.error ? { error: brief(meta.error) } : {}) };
    // A failed delivery is already reported by the task, as a warning while it will be retried.
    if (level === 'error' && scope.taskIdentifier === SEND_EMAIL_TASK) logger.warn(obj, message);
    else if (level === 'error') logger.error(obj, message);
    else if (level === 'warning') logger.warn(obj, message);
    else logger.debug(obj, message);
  });
}
