import type { Prisma } from '@sesame/db';

/**
 * Each kind of email and the data it takes, as the template's schema reads it. Empty here: the
 * mail feature fills it in (features/mail/templates.ts, by declaration merging), so that this
 * port names no feature while its callers still get each kind's data checked by the compiler.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EmailDataByKind {}

/** One email to queue: a kind with its data, its recipient and how to write to them. */
export type QueuedEmail = { [K in keyof EmailDataByKind]: { kind: K; data: EmailDataByKind[K] } }[keyof EmailDataByKind] & {
  organizationId: string;
  /** The recipient's address. */
  to: string;
  /** The recipient's language (`member.language`): French unless English. */
  language?: string | null;
  /** BCP 47 locale for dates, e.g. the member's `locale`; ignored when its language differs. */
  locale?: string | null;
  /** IANA time zone in which dates are shown. */
  timeZone?: string;
};

/** What services need from the mail feature: queue an email inside their transaction. */
export type EnqueueEmail = (tx: Prisma.TransactionClient, email: QueuedEmail) => Promise<unknown>;
