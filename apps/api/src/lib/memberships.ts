import { AppError } from './errors.ts';
import type { FieldError } from './field-error.ts';

// What adding members to something (a group, a licence) and removing them share: every id
// must be a member of the organization, the change is all or nothing, and its audit event
// names the members it changed.

/** What a membership audit event records of each member: the id and the names. */
export const auditedMemberSelect = { id: true, username: true, firstName: true, lastName: true } as const;
export type AuditedMember = { id: string; username: string; firstName: string; lastName: string };

/** `{ id, username, name }`: the Activity page shows `name` ("Jeanne Martin"), the username when there is none. */
export const auditedMember = (m: AuditedMember) => ({ id: m.id, username: m.username, name: `${m.firstName} ${m.lastName}`.trim() || m.username });

/**
 * 400 `unknown_member` at `memberIds.<i>` for each requested id that is not among `found` (the
 * organization's members read in the same transaction); nothing is written then.
 */
export function assertKnownMembers(requested: readonly string[], found: { has(id: string): boolean }): void {
  const errors: FieldError[] = requested.flatMap((id, i) => (found.has(id) ? [] : [{ path: `memberIds.${i}`, code: 'unknown_member' as const, params: { value: id } }]));
  if (errors.length) throw new AppError(400, 'validation_failed', { errors });
}

/**
 * The ids an add or a remove actually changes: adding, those who do not hold it yet; removing,
 * those who do. The others count as unchanged (asking twice is not an error).
 */
export function membershipDelta(op: 'add' | 'remove', ids: readonly string[], holders: ReadonlySet<string>): string[] {
  return ids.filter((id) => (op === 'add' ? !holders.has(id) : holders.has(id)));
}
