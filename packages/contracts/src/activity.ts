import { z } from 'zod';
import { nonBlank, SingleLineText } from './text.ts';
import { Language } from './enums.ts';

export const ActivityQuery = z.object({
  /** The member the event is about (id). */
  member: z.uuid().optional(),
  /** Who did it: member id or username. */
  actor: SingleLineText.trim().min(1).max(128).meta(nonBlank).optional(),
  /** Exact action, or a prefix ending with a dot (e.g. "member."). */
  action: SingleLineText.trim().min(1).max(100).meta(nonBlank).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last event id seen (a PostgreSQL bigint: at most 18 digits here). */
  cursor: z.string().regex(/^\d{1,18}$/, 'Invalid cursor').optional(),
});
export type ActivityQuery = z.input<typeof ActivityQuery>;

const Json = z.unknown();

export const ActivityEvent = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string().nullable() }),
  target: z.object({ type: z.string().nullable(), id: z.string().nullable(), label: z.string().nullable() }),
  before: Json,
  after: Json,
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;

export const ActivityList = z.object({ items: z.array(ActivityEvent), nextCursor: z.string().nullable() });
export type ActivityList = z.infer<typeof ActivityList>;

export const ActivityExportQuery = ActivityQuery.omit({ limit: true, cursor: true }).extend({ lang: Language.default('fr') });
