import { z } from 'zod';
import { MultiLineText, nonBlank, SingleLineText } from './text.ts';
import { Language, Privileges, ProfileVisibility, Units } from './enums.ts';
import { Email, MAX_CATEGORIES } from './members-batch.ts';
import { Member } from './members.ts';
import { Problem } from './problem.ts';

/** How many owned items and groups a member's detail lists (a transfer of "all" moves every one). */
export const OWNED_LIST_LIMIT = 500;

export const MemberIdParams = z.object({ id: z.uuid('Member id must be a UUID') });

export const MemberDetail = Member.extend({
  description: z.string().nullable(),
  country: z.string().nullable(),
  externalId: z.string().nullable(),
  activatedAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
  privileges: Privileges,
  isAdministrator: z.boolean(),
  /** The first {@link OWNED_LIST_LIMIT} items by title; `ownedContentTotal` counts them all. */
  ownedContent: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
  ownedContentTotal: z.number().int(),
  /** The first {@link OWNED_LIST_LIMIT} groups by name; `ownedGroupsTotal` counts them all. */
  ownedGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  ownedGroupsTotal: z.number().int(),
  /** Same value as `invitation` (kept for the clients that read it). */
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

/** 409 owns_content: the delete is refused until these are transferred. */
export const OwnsContentProblem = Problem.extend({
  code: z.literal('owns_content'),
  ownedContent: z.number().int(),
  ownedGroups: z.number().int(),
});
export type OwnsContentProblem = z.infer<typeof OwnsContentProblem>;

export const DeleteMemberResponse = z.object({
  /** Built-in accounts are deleted for good; enterprise accounts are only unregistered from the portal. */
  outcome: z.enum(['deleted', 'unregistered']),
});

export const UpdateMemberBody = z
  .object({
    firstName: SingleLineText.trim().min(1, 'First name is required').max(100).meta(nonBlank),
    lastName: SingleLineText.trim().min(1, 'Last name is required').max(100).meta(nonBlank),
    email: Email,
    description: MultiLineText.max(4000, 'The description must have at most 4000 characters').nullable(),
    country: SingleLineText.trim().max(100).nullable(),
    profileVisibility: ProfileVisibility,
    language: Language,
    units: Units,
    locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Locale must look like fr-FR'),
    startPage: SingleLineText.trim().min(1).max(100).meta(nonBlank),
    /** Role id or key. */
    role: SingleLineText.trim().min(1).max(100).meta(nonBlank),
    /** User type id or key. */
    userType: SingleLineText.trim().min(1).max(100).meta(nonBlank),
    /** The member's full set of licences. */
    licenses: z.array(z.uuid()).max(50),
    groups: z.array(z.uuid()).max(200),
    categories: z.array(z.uuid()).max(MAX_CATEGORIES, `At most ${MAX_CATEGORIES} member categories`),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change', params: { code: 'required' } })
  .meta({ minProperties: 1 });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

export const bulkActions = ['disable', 'enable', 'delete', 'change-role'] as const;
export const BulkMembersBody = z
  .object({
    action: z.enum(bulkActions),
    memberIds: z.array(z.uuid()).min(1, 'Select at least one member').max(500, 'At most 500 members at once'),
    /** Role id or key, for change-role. */
    role: SingleLineText.trim().min(1).max(100).meta(nonBlank).optional(),
  })
  .refine((b) => b.action !== 'change-role' || b.role, { message: 'Choose the new role', path: ['role'], params: { code: 'required' } })
  // The same rule, said in the document.
  .meta({ if: { properties: { action: { const: 'change-role' } }, required: ['action'] }, then: { required: ['role'] } });
export type BulkMembersBody = z.infer<typeof BulkMembersBody>;

export const BulkMembersResponse = z.object({
  succeeded: z.number().int(),
  refused: z.number().int(),
  results: z.array(
    z.object({
      id: z.string(),
      username: z.string().nullable(),
      ok: z.boolean(),
      /**
       * Why it was refused, as a stable code a client translates: the problem's code
       * (`owns_content`, `last_administrator`, `administrator_required`, `not_found`…) or, for
       * a refused field, that field's code (`privilege_above_own`, `incompatible_role`…).
       */
      code: z.string().optional(),
      /** The same reason in English. */
      message: z.string().optional(),
      /** The params of the reason's wording in the table of refusals (a refused field's, e.g. the role's names). */
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      /** With owns_content: what must be transferred first. */
      ownedContent: z.number().int().optional(),
      ownedGroups: z.number().int().optional(),
    }),
  ),
});
export type BulkMembersResponse = z.infer<typeof BulkMembersResponse>;
