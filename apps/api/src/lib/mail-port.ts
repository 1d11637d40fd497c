import type { Prisma } from '@sesame/db';

/** What services need from the mail feature: queue an email inside their transaction. */
export type EmailKind = 'invitation' | 'welcome' | 'temporary_password' | 'password_changed' | 'access_request_decision';
export type QueuedEmail = {
  organizationId: string;
  to: string;
  kind: EmailKind;
  language: string;
  data: Record<string, unknown>;
};
export type EnqueueEmail = (tx: Prisma.TransactionClient, email: QueuedEmail) => Promise<unknown>;
