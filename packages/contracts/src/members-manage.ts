import { z } from 'zod';
import { Privileges } from './enums.ts';
import { Member } from './members.ts';

export const MemberIdParams = z.object({ id: z.uuid('Member id must be a UUID') });

export const MemberDetail = Member.extend({
  description: z.string().nullable(),
  country: z.string().nullable(),
  externalId: z.string().nullable(),
  activatedAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
  privileges: Privileges,
  isAdministrator: z.boolean(),
  ownedContent: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
  ownedGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  pendingInvitation: z.object({ expiresAt: z.string() }).nullable(),
});
export type MemberDetail = z.infer<typeof MemberDetail>;

export const ResetPasswordResponse = z.object({ temporaryPassword: z.string() });

export const TransferOwnershipBody = z.object({
  toMemberId: z.uuid('toMemberId must be a member id'),
  /** Only these items; all when absent. */
  contentIds: z.array(z.uuid()).max(10_000).optional(),
  /** Only these groups; all when absent. */
  groupIds: z.array(z.uuid()).max(10_000).optional(),
});
export type TransferOwnershipBody = z.infer<typeof TransferOwnershipBody>;

export const TransferOwnershipResponse = z.object({ contentTransferred: z.number().int(), groupsTransferred: z.number().int() });

export const DeleteMemberResponse = z.object({
  /** Built-in accounts are deleted for good; enterprise accounts are only unregistered from the portal. */
  outcome: z.enum(['deleted', 'unregistered']),
});
