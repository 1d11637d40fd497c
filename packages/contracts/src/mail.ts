import { z } from 'zod';
import { SingleLineText } from './text.ts';

/** A message caught by the development mail catcher (never in production). */
export const CaughtMail = z.object({
  id: z.string(),
  /** The envelope recipients, comma-separated: a bare address for a single recipient. */
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  receivedAt: z.string(),
});
export type CaughtMail = z.infer<typeof CaughtMail>;

export const CaughtMailList = z.array(CaughtMail);
export type CaughtMailList = z.infer<typeof CaughtMailList>;

export const CaughtMailQuery = z.object({
  /** Only the messages sent to this address (case-insensitive). */
  to: SingleLineText.trim().max(320).optional(),
  /** How many of the newest messages to list. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaughtMailQuery = z.input<typeof CaughtMailQuery>;

export const CaughtMailParams = z.object({ id: z.uuid() });
