import type { Member } from '@sesame/contracts';
import type { Prisma } from '@sesame/db';

/** Who a member is: the columns every member listing starts with (responses, the CSV export). */
export const memberIdentitySelect = {
  id: true,
  username: true,
  firstName: true,
  lastName: true,
  email: true,
  status: true,
  identityType: true,
} as const satisfies Prisma.MemberSelect;

/** The columns and relations every Member response needs. */
export const memberSelect = {
  ...memberIdentitySelect,
  profileVisibility: true,
  language: true,
  units: true,
  locale: true,
  startPage: true,
  createdAt: true,
  lastSignInAt: true,
  thumbnailType: true,
  role: { select: { id: true, key: true, nameEn: true, nameFr: true } },
  userType: { select: { id: true, key: true, nameEn: true, nameFr: true } },
  licenses: { select: { license: { select: { id: true, key: true, name: true } } }, orderBy: { license: { name: 'asc' } } },
  groups: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { name: 'asc' } } },
  categories: { select: { category: { select: { id: true, name: true } } }, orderBy: { category: { name: 'asc' } } },
  /**
   * The outstanding invitation, if any: of the unused, unrevoked ones, the one that expires
   * last (when even that one has expired, none is outstanding — checked in toMemberDto, so
   * this select stays a constant). At most one row per member, whatever the page size.
   */
  invitations: { where: { usedAt: null, revokedAt: null }, select: { expiresAt: true }, orderBy: { expiresAt: 'desc' }, take: 1 },
} satisfies Prisma.MemberSelect;

export type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;

const label = (r: { id: string; key: string; nameEn: string; nameFr: string }) => ({ id: r.id, key: r.key, name: r.nameEn, nameFr: r.nameFr });

/** The member's outstanding invitation (unused, unrevoked, not expired), or null. */
export function outstandingInvitation(m: Pick<MemberRow, 'invitations'>, now = Date.now()): Member['invitation'] {
  const latest = m.invitations[0];
  return latest && latest.expiresAt.getTime() > now ? { expiresAt: latest.expiresAt.toISOString() } : null;
}

export function toMemberDto(m: MemberRow): Member {
  return {
    id: m.id,
    username: m.username,
    firstName: m.firstName,
    lastName: m.lastName,
    fullName: `${m.firstName} ${m.lastName}`.trim(),
    email: m.email,
    role: label(m.role),
    userType: label(m.userType),
    status: m.status,
    identityType: m.identityType,
    licenses: m.licenses.map((l) => l.license),
    groups: m.groups.map((g) => g.group),
    categories: m.categories.map((c) => c.category),
    profileVisibility: m.profileVisibility,
    language: m.language,
    units: m.units,
    locale: m.locale,
    startPage: m.startPage,
    createdAt: m.createdAt.toISOString(),
    lastSignInAt: m.lastSignInAt ? m.lastSignInAt.toISOString() : null,
    invitation: outstandingInvitation(m),
    hasThumbnail: m.thumbnailType !== null,
  };
}
