import { creationRoleRefusal, typesRefusingLicence, type SsoFailureReason } from '@sesame/contracts';
import { Prisma, type Db } from '@sesame/db';
import { audit, namedList, roleLabel } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { approvedDomains, isApprovedDomain } from '../../lib/email-domains.ts';
import { lockAndCheckCapacity, newMemberSettings } from '../../lib/assignments/index.ts';
import type { Identity, ProviderRow } from './service.ts';

/** The longest username a member may have (Member.username is VARCHAR(128)). */
const USERNAME_MAX = 128;

/** A refusal of auto-registration: the sign-in page says why, the audit keeps the detail. */
export type RegistrationRefusal = { reason: SsoFailureReason; detail?: Record<string, unknown> };

/** The member a registration created, ready to be signed in within the same transaction. */
export type Registered = { id: string; username: string };

/**
 * Auto-registration of an organization login (issue 16, PRODUCT flow 4 and 7): a person the
 * organization's provider vouches for, with no account here, gets one at first sign-in when
 * the organization allows it. The rules, in order:
 * 1. the organization's setting `autoRegisterOrgLogins` (off by default): else `unknown_account`;
 * 2. an email from the provider (a member has one): else `email_missing`;
 * 3. when the organization has approved email domains (the contacts page's list, also used
 *    by access requests' auto-approval), the email's domain is one of them and the provider
 *    says the email is verified, read from the same payload as the email;
 * 4. the username is the NameID / `sub`, exactly: a member who already has it (another
 *    identity type) is never linked, by username or email: `username_taken`;
 * 5. the organization's default role and user type (and default licences and groups) as any
 *    new member gets them, with the same compatibility rule and no Administrator:
 *    else `registration_closed`;
 * 6. under the capacity locks, the named-user limit and each seat: else `seats_exhausted`.
 * Checks 1 to 5 here, before the sign-in's transaction; 6 and the creation in
 * {@link createRegisteredMember}, inside it. Returns what to create, or the refusal.
 */
export async function checkRegistration(db: Db, p: ProviderRow, identity: Identity): Promise<{ plan: RegistrationPlan } | { refusal: RegistrationRefusal }> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: p.organizationId },
    include: { defaultGroups: { select: { groupId: true } }, defaultLicenses: { select: { licenseId: true } } },
  });
  if (!org.autoRegisterOrgLogins) return { refusal: { reason: 'unknown_account' } };
  if (!identity.email) return { refusal: { reason: 'email_missing' } };
  const domains = await approvedDomains(db, org.id);
  if (domains.length) {
    if (!isApprovedDomain(identity.email, domains)) return { refusal: { reason: 'domain_not_approved', detail: { email: identity.email } } };
    if (!identity.emailVerified) return { refusal: { reason: 'email_not_verified', detail: { email: identity.email } } };
  }
  const username = identity.subject;
  if (username.length > USERNAME_MAX) return { refusal: { reason: 'response_invalid', detail: { code: 'subject_too_long' } } };
  if (await db.member.count({ where: { organizationId: org.id, username } })) return { refusal: { reason: 'username_taken', detail: { username } } };

  const missing = { reason: 'registration_closed' as const, detail: { code: 'missing_defaults' } };
  if (!org.defaultRoleId || !org.defaultUserTypeId) return { refusal: missing };
  const [role, userType] = await Promise.all([
    db.role.findFirst({ where: { id: org.defaultRoleId, organizationId: org.id }, select: { id: true, key: true, nameEn: true, nameFr: true, isAdministrator: true, privileges: { select: { area: true, level: true } } } }),
    db.userType.findFirst({
      where: { id: org.defaultUserTypeId, organizationId: org.id },
      select: { id: true, key: true, nameEn: true, nameFr: true, seatLimit: true, roles: { select: { roleId: true } }, licenses: { select: { licenseId: true } } },
    }),
  ]);
  if (!role || !userType) return { refusal: missing };
  // The rules module's one rule for a new member's role (decision 011); nobody gives the
  // Administrator role automatically.
  const refused = creationRoleRefusal(null, role, { compatibleRoleIds: userType.roles.map((r) => r.roleId) }, org);
  if (refused) return { refusal: { reason: 'registration_closed', detail: { code: refused.code, role: roleLabel(role), userType: roleLabel(userType) } } };
  const licenseIds = org.defaultLicenses.map((l) => l.licenseId);
  const groupIds = org.defaultGroups.map((g) => g.groupId);
  const [licenses, groups] = await Promise.all([
    db.license.findMany({ where: { organizationId: org.id, id: { in: licenseIds } }, select: { id: true, name: true, seats: true } }),
    db.group.findMany({ where: { organizationId: org.id, id: { in: groupIds } }, select: { id: true, name: true } }),
  ]);
  const incompatible = licenses.filter((l) => typesRefusingLicence(l.id, [{ ...userType, compatibleLicenseIds: userType.licenses.map((x) => x.licenseId) }]).length);
  if (incompatible.length) return { refusal: { reason: 'registration_closed', detail: { code: 'incompatible_license', licenses: namedList(incompatible.map((l) => l.id), incompatible), userType: roleLabel(userType) } } };

  const email = identity.email;
  const local = email.slice(0, email.lastIndexOf('@')) || username;
  return {
    plan: {
      org,
      role,
      userType,
      licenses,
      groups,
      member: { username, email, firstName: identity.firstName ?? local, lastName: identity.lastName ?? '' },
    },
  };
}

type RegistrationPlan = {
  org: Parameters<typeof newMemberSettings>[0] & { id: string; namedUserLimit: number | null };
  role: { id: string; key: string; nameEn: string; nameFr: string };
  userType: { id: string; key: string; nameEn: string; nameFr: string; seatLimit: number | null };
  licenses: { id: string; name: string; seats: number }[];
  groups: { id: string; name: string }[];
  member: { username: string; email: string; firstName: string; lastName: string };
};

/**
 * Creates the planned member in `tx` (the sign-in's transaction): capacity under lock, then
 * the member, their default licences and groups, and a `member.registered` audit event with
 * the same names as the Add Members batch's. Returns a refusal when a seat is missing; a
 * concurrent registration of the same username surfaces as Prisma's P2002 (the caller retries).
 */
export async function createRegisteredMember(
  tx: Prisma.TransactionClient,
  p: ProviderRow,
  identity: Identity,
  plan: RegistrationPlan,
  now: Date,
  ip: string,
): Promise<{ member: Registered } | { refusal: RegistrationRefusal }> {
  const { org, role, userType, licenses, groups } = plan;
  try {
    await lockAndCheckCapacity(
      tx,
      { organizationId: org.id, namedUserLimit: org.namedUserLimit, newMembers: 1, perType: [{ type: userType, n: 1 }], perLicense: licenses.map((license) => ({ license, n: 1 })) },
      { whole: 'member', userType: () => 'userType', license: (id) => `licenses.${id}` },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'seats_exhausted') {
      return { refusal: { reason: 'seats_exhausted', detail: { fields: [...new Set((error.errors ?? []).map((e) => e.code))] } } };
    }
    throw error;
  }
  const member = await tx.member.create({
    data: {
      organizationId: org.id,
      ...plan.member,
      identityType: p.type,
      externalId: identity.subject,
      roleId: role.id,
      userTypeId: userType.id,
      status: 'active',
      activatedAt: now,
      ...newMemberSettings(org),
    },
    select: { id: true, username: true },
  });
  if (licenses.length) await tx.licenseAssignment.createMany({ data: licenses.map((l) => ({ organizationId: org.id, licenseId: l.id, memberId: member.id })) });
  if (groups.length) await tx.groupMembership.createMany({ data: groups.map((g) => ({ organizationId: org.id, groupId: g.id, memberId: member.id })) });
  await audit(tx, {
    organizationId: org.id,
    actorId: member.id,
    actorUsername: member.username,
    action: 'member.registered',
    targetType: 'member',
    targetId: member.id,
    targetLabel: member.username,
    after: {
      ...plan.member,
      identityType: p.type,
      provider: p.name,
      role: roleLabel(role),
      userType: roleLabel(userType),
      licenses: namedList(licenses.map((l) => l.id), licenses),
      groups: namedList(groups.map((g) => g.id), groups),
    },
    ip,
  });
  return { member };
}

/** Whether an error is the unique-username constraint (two first sign-ins of one person at once). */
export const isUsernameConflict = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
