import { z } from 'zod';
import { MultiLineText, SingleLineText, nonBlank } from './text.ts';

/**
 * Administering the organization's reference data (issue 15; routes in shared/API.md,
 * "Reference data administration"): member categories and groups. Names are one-line texts,
 * unique in the organization whatever their case (409 `name_taken` on `name`).
 */
export const ReferenceIdParams = z.object({ id: z.uuid('The id must be a UUID') });

const Name = SingleLineText.trim().min(1, 'A name is required').max(100, 'A name has at most 100 characters').meta(nonBlank);

export const MemberCategoryBody = z.object({ name: Name }).strict();
export type MemberCategoryBody = z.infer<typeof MemberCategoryBody>;

/** What deleting a category took away: the members who lost it. */
export const DeleteCategoryResponse = z.object({ id: z.string(), name: z.string(), membersAffected: z.number().int() });
export type DeleteCategoryResponse = z.infer<typeof DeleteCategoryResponse>;

/** A member as the group and licence screens list them. */
export const MemberSummary = z.object({
  id: z.string(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: z.enum(['pending', 'active', 'disabled']),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const CreateGroupBody = z
  .object({
    name: Name,
    description: MultiLineText.max(4000, 'The description must have at most 4000 characters').nullable().optional(),
    /** The group's owner; the creator when not given. */
    ownerId: z.uuid('The owner must be a member id').optional(),
    /** Whether new members join it by default (the organization's default groups). */
    isDefault: z.boolean().optional(),
  })
  .strict();
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

export const UpdateGroupBody = z
  .object({
    name: Name,
    description: MultiLineText.max(4000, 'The description must have at most 4000 characters').nullable(),
    ownerId: z.uuid('The owner must be a member id'),
    isDefault: z.boolean(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change', params: { code: 'required' } })
  .meta({ minProperties: 1 });
export type UpdateGroupBody = z.infer<typeof UpdateGroupBody>;

export const GroupDetail = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  owner: MemberSummary,
  memberCount: z.number().int(),
  isDefault: z.boolean(),
  createdAt: z.string(),
  /** Whether the caller may rename it, change its owner, mark it default or delete it (Update on groups). */
  canEdit: z.boolean(),
  /** Whether the caller may add and remove its members (Update on groups, or its owner). */
  canManageMembers: z.boolean(),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

/** A page of a list of members (a group's, a licence's), in username order. */
export const MemberPageQuery = z
  .object({
    q: SingleLineText.trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The last username of the previous page. */
    cursor: SingleLineText.max(128).optional(),
  })
  .strict();
export type MemberPageQuery = z.infer<typeof MemberPageQuery>;

export const MemberPage = z.object({ items: z.array(MemberSummary), total: z.number().int(), nextCursor: z.string().nullable() });
export type MemberPage = z.infer<typeof MemberPage>;

export const MemberIdsBody = z
  .object({ memberIds: z.array(z.uuid('Each member id must be a UUID')).min(1, 'Select at least one member').max(500, 'At most 500 members at once') })
  .strict();
export type MemberIdsBody = z.infer<typeof MemberIdsBody>;

/** What adding or removing members changed: how many were changed, how many already were as asked. */
export const MembershipChange = z.object({ changed: z.number().int(), unchanged: z.number().int(), memberCount: z.number().int() });
export type MembershipChange = z.infer<typeof MembershipChange>;
