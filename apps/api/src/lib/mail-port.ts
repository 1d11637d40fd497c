import type { Prisma } from '@sesame/db';
import type { EnqueueEmailInput } from '../features/mail/outbox.ts';

/** What services need from the mail feature: queue an email inside their transaction. */
export type QueuedEmail = EnqueueEmailInput;
export type EnqueueEmail = (tx: Prisma.TransactionClient, email: QueuedEmail) => Promise<unknown>;
