import { randomUUID } from 'node:crypto';
import type { Prisma } from '@sesame/db';
import { renderEmail, type EmailKind, type EmailMessage, type RenderedEmail, type RenderOptions } from './templates.ts';

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

/** One email of a bulk enqueue, already rendered (see {@link createBulkRenderer}). */
export type BulkEmail = { organizationId: string; kind: EmailKind; to: string; rendered: RenderedEmail };

/**
 * The bulk variant of {@link enqueueEmail} for imports: one multi-row INSERT of the outbox
 * rows and one `graphile_worker.add_jobs` call for their delivery jobs, through `tx`.
 */
export async function enqueueEmails(tx: Prisma.TransactionClient, emails: readonly BulkEmail[]): Promise<string[]> {
  if (!emails.length) return [];
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "OutboxMessage" ("organizationId", "kind", "to", "subject", "text", "html")
    SELECT o, k, t, s, x, h
    FROM unnest(${emails.map((e) => e.organizationId)}::uuid[], ${emails.map((e) => e.kind)}::text[], ${emails.map((e) => e.to.trim())}::text[],
                ${emails.map((e) => e.rendered.subject)}::text[], ${emails.map((e) => e.rendered.text)}::text[], ${emails.map((e) => e.rendered.html)}::text[])
      AS u(o, k, t, s, x, h)
    RETURNING id`;
  const ids = rows.map((r) => r.id);
  const [queue] = await tx.$queryRaw<Array<{ installed: boolean }>>`SELECT to_regproc('graphile_worker.add_jobs') IS NOT NULL AS installed`;
  if (queue?.installed) {
    await tx.$executeRaw`SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
      SELECT ROW(${SEND_EMAIL_TASK}::text, json_build_object('outboxId', id::text), NULL, NULL, ${MAX_DELIVERY_ATTEMPTS}::int,
                 ${DELIVERY_JOB_KEY_PREFIX}::text || id::text, NULL, NULL)::graphile_worker.job_spec
      FROM unnest(${ids}::uuid[]) AS id))`;
  }
  return ids;
}

/** Values a bulk renderer can substitute without re-rendering: nothing HTML or whitespace would change. */
const PLAIN_VALUE = /^[^\s&<>"'\\]+( [^\s&<>"'\\]+)*$/;

/**
 * Renders many emails of one kind that differ only in a few plain-text fields, about 100×
 * faster than calling `renderEmail` for each: the template is rendered once with markers in
 * those fields, then each email is the template with the markers replaced. A value that
 * escaping or whitespace handling could change (and any email, should the first one not
 * match `renderEmail` exactly) is rendered the ordinary way.
 */
export function createBulkRenderer<M extends EmailMessage, F extends string>(
  fields: readonly F[],
  build: (values: Record<F, string>) => M,
  options: Pick<RenderOptions, 'language' | 'locale' | 'timeZone'> = {},
): (values: Record<F, string>) => RenderedEmail {
  const nonce = randomUUID().replace(/-/g, '');
  const marker = (i: number) => `QZ${nonce}M${i}ZQ`;
  const markers = Object.fromEntries(fields.map((f, i) => [f, marker(i)])) as Record<F, string>;
  const split = new RegExp(`QZ${nonce}M(\\d+)ZQ`);
  const compiled = renderEmail(build(markers), options);
  const parts = (s: string) => s.split(split); // even: literal text, odd: field index
  const subject = parts(compiled.subject);
  const text = parts(compiled.text);
  const html = parts(compiled.html);
  const fill = (p: string[], values: Record<F, string>) => {
    let out = p[0]!;
    for (let i = 1; i < p.length; i += 2) out += values[fields[Number(p[i])]!] + p[i + 1]!;
    return out;
  };
  let verified: boolean | undefined;
  return (values) => {
    if (verified === false || !fields.every((f) => PLAIN_VALUE.test(values[f]))) return renderEmail(build(values), options);
    const fast = { subject: fill(subject, values), text: fill(text, values), html: fill(html, values) };
    if (verified === undefined) {
      const slow = renderEmail(build(values), options);
      verified = slow.subject === fast.subject && slow.text === fast.text && slow.html === fast.html;
      return slow;
    }
    return fast;
  };
}
