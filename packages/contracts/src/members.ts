import { z } from 'zod';
import { SingleLineText } from './text.ts';
import { IdentityType, MemberStatus, ProfileVisibility, Units } from './enums.ts';

export const RefLabel = z.object({ id: z.string(), key: z.string(), name: z.string(), nameFr: z.string() });
export type RefLabel = z.infer<typeof RefLabel>;

export const Member = z.object({
  id: z.string(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  email: z.string(),
  role: RefLabel,
  userType: RefLabel,
  status: MemberStatus,
  identityType: IdentityType,
  licenses: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  profileVisibility: ProfileVisibility,
  language: z.string(),
  units: Units,
  locale: z.string(),
  startPage: z.string(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /**
   * The member's outstanding invitation (unused, unrevoked, not expired), or null: the UI
   * offers to revoke it only when there is one.
   */
  invitation: z.object({ expiresAt: z.string() }).nullable(),
  /** Whether a picture was uploaded: the UI asks for /thumbnail only when there is one. */
  hasThumbnail: z.boolean(),
});
export type Member = z.infer<typeof Member>;

export const memberSortKeys = ['lastName', 'username', 'email', 'createdAt', 'lastSignInAt'] as const;
export const MemberSort = z.enum(memberSortKeys);
export type MemberSort = z.infer<typeof MemberSort>;

export const MemberListQuery = z.object({
  q: SingleLineText.trim().max(200).optional(),
  /** Role id or key. */
  role: SingleLineText.max(100).optional(),
  /** User type id or key. */
  userType: SingleLineText.max(100).optional(),
  status: MemberStatus.optional(),
  sort: MemberSort.default('lastName'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: SingleLineText.max(1000).optional(),
});
export type MemberListQuery = z.input<typeof MemberListQuery>;

export const MemberListResponse = z.object({
  items: z.array(Member),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type MemberListResponse = z.infer<typeof MemberListResponse>;

/**
 * Another member as seen by a member without View on members (decision 014, "who sees whom"):
 * name and picture only, and only when the member's profile visibility is `everyone` or
 * `organization`. No email, role, user type, status, licences or dates.
 */
export const DirectoryMember = z.object({
  id: z.string(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  hasThumbnail: z.boolean(),
});
export type DirectoryMember = z.infer<typeof DirectoryMember>;

/**
 * `GET /api/members` as every member may call it: with View on members every item is a
 * {@link Member} (the {@link MemberListResponse}); without it, the caller's own record is a
 * Member and every other one a {@link DirectoryMember}.
 */
export const MemberDirectoryResponse = z.object({
  // Member first: a full record keeps its fields; a directory one only matches the second.
  items: z.array(z.union([Member, DirectoryMember])),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type MemberDirectoryResponse = z.infer<typeof MemberDirectoryResponse>;

/** Whether a list or get answer is the full record (the caller has View on members, or it is their own). */
export const isFullMember = <T extends DirectoryMember>(m: T | DirectoryMember): m is T => 'email' in m;

/**
 * What a member without View on members may search and sort on: names only (no email, role,
 * user type, status or dates, which would reveal administrative fields).
 */
export const directorySortKeys = ['lastName', 'username'] as const satisfies readonly MemberSort[];
