import { z } from 'zod';
import { MultiLineText, multiLineMessage, multiLinePattern, nonBlank, SingleLineText } from './text.ts';
import { Language, PrivilegeArea, PrivilegeLevel, Privileges, privilegeAreas, viewOnlyAreas } from './enums.ts';
import { Email, MemberName, Username } from './members-batch.ts';
import { Problem } from './problem.ts';
import { Group, License, Role, UserType } from './reference.ts';

// ---------------------------------------------------------------------------------------
// Access requests: a visitor asks to join, the organization's contacts grant or deny
// (decision 003; the routes are in the OpenAPI document, /api/openapi.json)
// ---------------------------------------------------------------------------------------

export const accessRequestStatuses = ['unconfirmed', 'pending', 'granted', 'denied'] as const;
export const AccessRequestStatus = z.enum(accessRequestStatuses);
export type AccessRequestStatus = z.infer<typeof AccessRequestStatus>;

/** The public request form. The same 202 answer is given whether or not the organization exists. */
export const CreateAccessRequestBody = z.object({
  /** The organization's slug. */
  organization: SingleLineText.trim().min(1, 'Organization is required').max(100).meta(nonBlank),
  firstName: MemberName('First name'),
  lastName: MemberName('Last name'),
  email: Email,
  message: MultiLineText.trim().max(2000, 'Message must have at most 2000 characters').optional(),
  /** Language of the emails sent to the requester; the organization's default otherwise. */
  language: Language.optional(),
});
export type CreateAccessRequestBody = z.infer<typeof CreateAccessRequestBody>;

/** What the request page tells the requester: honestly, what happens next. */
export const AccessRequestAccepted = z.object({
  status: z.literal('confirmation_sent'),
  detail: z.string(),
});
export type AccessRequestAccepted = z.infer<typeof AccessRequestAccepted>;

/** A token from the confirmation email (the last path segment of its link). */
export const AccessRequestToken = z.string().trim().min(16).max(200).regex(/^[A-Za-z0-9_-]+$/, 'Invalid token');
export const ConfirmAccessRequestBody = z.object({ token: AccessRequestToken });
export type ConfirmAccessRequestBody = z.infer<typeof ConfirmAccessRequestBody>;
export const AccessRequestTokenParams = z.object({ token: AccessRequestToken });

/** What the requester sees from the link in their confirmation email. */
export const AccessRequestPublicStatus = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: AccessRequestStatus,
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Only when denied. */
  denyReason: z.string().nullable(),
  /** Granted because the email's domain is approved by the organization. */
  autoApproved: z.boolean(),
  /** When granted: the username whose activation link was emailed. */
  username: z.string().nullable(),
});
export type AccessRequestPublicStatus = z.infer<typeof AccessRequestPublicStatus>;

export const AccessRequestIdParams = z.object({ id: z.uuid('Invalid access request id') });

export const AccessRequestListQuery = z.object({
  status: z.enum(['pending', 'granted', 'denied']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: SingleLineText.max(200).optional(),
});
export type AccessRequestListQuery = z.input<typeof AccessRequestListQuery>;

const PersonRef = z.object({ id: z.string(), username: z.string(), fullName: z.string() });

export const AccessRequest = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  message: z.string().nullable(),
  status: AccessRequestStatus,
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Null when granted automatically (approved domain). */
  decidedBy: PersonRef.nullable(),
  denyReason: z.string().nullable(),
  autoApproved: z.boolean(),
  member: z.object({ id: z.string(), username: z.string() }).nullable(),
});
export type AccessRequest = z.infer<typeof AccessRequest>;

export const AccessRequestList = z.object({ items: z.array(AccessRequest), nextCursor: z.string().nullable(), total: z.number().int() });
export type AccessRequestList = z.infer<typeof AccessRequestList>;

export const AccessRequestCount = z.object({ pending: z.number().int() });
export type AccessRequestCount = z.infer<typeof AccessRequestCount>;

/** View-only areas: at most View (a refinement, so the field code says `level_not_allowed`); the document lists none and view. */
const ViewOnlyLevel = (area: PrivilegeArea) =>
  PrivilegeLevel.refine((level) => level !== 'update', { message: `${area} can be at most View`, params: { code: 'level_not_allowed' } }).meta({ enum: ['none', 'view'] });

/** Own levels given to a member on top of their role; View-only areas accept at most View. */
export const PrivilegeLevels = z.strictObject(
  Object.fromEntries(privilegeAreas.map((area) => [area, (viewOnlyAreas.includes(area) ? ViewOnlyLevel(area) : PrivilegeLevel).optional()])) as Record<
    PrivilegeArea,
    z.ZodOptional<typeof PrivilegeLevel>
  >,
);
export type PrivilegeLevels = z.infer<typeof PrivilegeLevels>;

/** Grant: role, user type and levels; licences and groups default to the organization's. */
export const GrantAccessRequestBody = z.object({
  /** Role id or key. */
  role: SingleLineText.trim().min(1, 'Role is required').max(100).meta(nonBlank),
  /** User type id or key. */
  userType: SingleLineText.trim().min(1, 'User type is required').max(100).meta(nonBlank),
  /** Proposed from the organization's username format when absent. */
  username: Username.optional(),
  levels: PrivilegeLevels.optional(),
  /** Licence ids; the organization's default licences compatible with the user type when absent. */
  licenses: z.array(SingleLineText).max(100).optional(),
  /** Group ids; the organization's default groups when absent. */
  groups: z.array(SingleLineText).max(100).optional(),
  /** Shown quoted in the activation email. */
  message: MultiLineText.trim().max(2000).optional(),
});
export type GrantAccessRequestBody = z.infer<typeof GrantAccessRequestBody>;

/** What a contact chooses from when granting (readable with View on manage access, without View on members). */
export const GrantOptions = z.object({
  roles: z.array(Role),
  userTypes: z.array(UserType),
  licenses: z.array(License),
  groups: z.array(Group),
  defaults: z.object({ roleId: z.string().nullable(), userTypeId: z.string().nullable(), licenseIds: z.array(z.string()), groupIds: z.array(z.string()) }),
  /** The organization's setting: the Administrator role may be given at creation (hence when granting). */
  allowAdminAtCreation: z.boolean(),
});
export type GrantOptions = z.infer<typeof GrantOptions>;

export const DenyAccessRequestBody = z.object({
  reason: z.string({ error: 'A reason is required' }).regex(multiLinePattern, multiLineMessage).trim().min(1, 'A reason is required').max(2000, 'Reason must have at most 2000 characters').meta(nonBlank),
});
export type DenyAccessRequestBody = z.infer<typeof DenyAccessRequestBody>;

/** Who made a decision: a member (by name and username), the approved-domain rule, or a member since deleted. */
export const DecidedBy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), id: z.string(), username: z.string(), fullName: z.string() }),
  z.object({ kind: z.literal('automatic') }),
  z.object({ kind: z.literal('former_member') }),
]);
export type DecidedBy = z.infer<typeof DecidedBy>;

/** 409 on grant or deny: the request was decided first by someone else; says who, how and when. */
export const AlreadyDecidedProblem = Problem.extend({
  code: z.literal('already_decided'),
  decision: z.enum(['granted', 'denied']),
  decidedAt: z.string().nullable(),
  decidedBy: DecidedBy,
});
export type AlreadyDecidedProblem = z.infer<typeof AlreadyDecidedProblem>;

// ---------------------------------------------------------------------------------------
// Contacts, per-member levels, approved domains (contact-update screens)
// ---------------------------------------------------------------------------------------

export const ContactKind = z.enum(['primary', 'secondary']);
export type ContactKind = z.infer<typeof ContactKind>;

export const ContactMember = z.object({ id: z.string(), username: z.string(), fullName: z.string(), email: z.string() });
export type ContactMember = z.infer<typeof ContactMember>;

export const OrganizationContacts = z.object({ primary: ContactMember.nullable(), secondary: z.array(ContactMember) });
export type OrganizationContacts = z.infer<typeof OrganizationContacts>;

/** Saved at once (the screen's Save). Only the primary contact may change contacts. */
export const UpdateContactsBody = z.object({
  /** Hands the primary role to another member; the former primary becomes a secondary contact. */
  primary: z.uuid('Invalid member id').optional(),
  secondary: z.array(z.uuid('Invalid member id')).max(50),
});
export type UpdateContactsBody = z.infer<typeof UpdateContactsBody>;

/** Members a contact may name as contacts or give levels to (contact screens only): search by name, username or email. */
export const ContactCandidatesQuery = z.object({
  q: SingleLineText.trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ContactCandidatesQuery = z.infer<typeof ContactCandidatesQuery>;
export const ContactCandidates = z.object({ items: z.array(ContactMember.extend({ contact: ContactKind.nullable() })) });
export type ContactCandidates = z.infer<typeof ContactCandidates>;

/** Whether the signed-in member is a contact: decides whether contact screens are shown. */
export const MyContactStatus = z.object({ kind: ContactKind.nullable() });
export type MyContactStatus = z.infer<typeof MyContactStatus>;

export const MemberPrivilegesParams = z.object({ id: z.uuid('Invalid member id') });

export const MemberPrivileges = z.object({
  memberId: z.string(),
  username: z.string(),
  /** Levels the member's role gives. */
  role: Privileges,
  /** The member's own levels (absent areas: none). */
  own: Privileges,
  /** What the API enforces: the higher of the two, View-only areas capped at View. */
  effective: Privileges,
  contact: ContactKind.nullable(),
});
export type MemberPrivileges = z.infer<typeof MemberPrivileges>;

/** The member's complete set of own levels (areas left out: none). */
export const UpdateMemberPrivilegesBody = z.object({ levels: PrivilegeLevels });
export type UpdateMemberPrivilegesBody = z.infer<typeof UpdateMemberPrivilegesBody>;

/** A domain name, lower-cased: `example.com`, `sub.example.com`. */
export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'Enter a domain name such as example.com');

export const ApprovedDomains = z.object({
  /** Exact domains: `example.com` does not approve `sub.example.com` unless listed too. */
  domains: z.array(z.string()),
  /** Hours a confirmed request waits before the contacts' daily reminder mentions it. */
  requestReminderHours: z.number().int(),
});
export type ApprovedDomains = z.infer<typeof ApprovedDomains>;

export const UpdateApprovedDomainsBody = z.object({
  domains: z.array(Domain).max(100),
  requestReminderHours: z.number().int().min(1).max(24 * 30).optional(),
});
export type UpdateApprovedDomainsBody = z.infer<typeof UpdateApprovedDomainsBody>;

export const AccountDocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export const AccountDocumentList = z.object({ items: z.array(AccountDocumentSummary) });
export type AccountDocumentList = z.infer<typeof AccountDocumentList>;
