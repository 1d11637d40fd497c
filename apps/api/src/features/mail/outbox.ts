import type { Prisma } from '@sesame/db';
import { renderEmail, type EmailMessage, type RenderOptions } from './templates.ts';

export type { EmailDataByKind, EmailKind, EmailMessage } from './templates.ts';

/** The queue's task that delivers one outbox row. */
export const SEND_EMAIL_TASK = 'mail.send';
/**
 * The queue retries after exp(attempt) seconds (2.7 s, 7.4 s, 20 s, … then every ~6 h), so
 * 25 attempts keep an email alive for about four days of mail-server outage.
 */
export const MAX_DELIVERY_ATTEMPTS = 25;

/** Each outbox row has at most one delivery job, found by this key. */
export const DELIVERY_JOB_KEY_PREFIX = 'mail:';
export const deliveryJobKey = (outboxId: string) => `${DELIVERY_JOB_KEY_PREFIX}${outboxId}`;

export type EnqueueEmailInput = EmailMessage & {
  organizationId: string;
  /** The recipient's address. */
  to: string;
  /** The recipient's language (`member.language`): French unless English. */
  language?: string | null;
} & Pick<RenderOptions, 'locale' | 'timeZone'>;

export type EnqueuedEmail = { id: string };

/**
 * Renders an email and stores it with its delivery job, both through `tx`: called inside
 * the transaction that makes the change, the email exists if and only if the change commits.
 */
export async function enqueueEmail(tx: Prisma.TransactionClient, input: EnqueueEmailInput): Promise<EnqueuedEmail> {
  const { organizationId, to, language, locale, timeZone, ...message } = input;
  const rendered = renderEmail(message as EmailMessage, { language, locale, timeZone });
  const row = await tx.outboxMessage.create({
    data: { organizationId, kind: message.kind, to: to.trim(), ...rendered },
    select: { id: true },
  });
  await addDeliveryJob(tx, row.id);
  return row;
}

/**
 * Queues the delivery of an outbox row; a no-op when the row already has a job. Returns
 * false when the queue's schema is not installed yet (a database no worker has started
 * on): the row stays pending and the worker's sweep queues it when it starts.
 */
export async function addDeliveryJob(tx: Prisma.TransactionClient, outboxId: string): Promise<boolean> {
  const [queue] = await tx.$queryRaw<Array<{ installed: boolean }>>`SELECT to_regproc('graphile_worker.add_job') IS NOT NULL AS installed`;
  if (!queue?.installed) return false;
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${SEND_EMAIL_TASK},
    json_build_object('outboxId', ${outboxId}::text),
    max_attempts => ${MAX_DELIVERY_ATTEMPTS}::int,
    job_key => ${deliveryJobKey(outboxId)},
    job_key_mode => 'unsafe_dedupe'
  )`;
  return true;
}
