import {
  levelRank,
  privilegeAreas,
  type AccountDocumentList,
  type ApprovedDomains,
  type ContactCandidates,
  type ContactCandidatesQuery,
  type ContactKind,
  type ContactMember,
  type MemberPrivileges,
  type OrganizationContacts,
  type PrivilegeArea,
  type PrivilegeLevel,
  type Privileges,
  type UpdateApprovedDomainsBody,
  type UpdateContactsBody,
  type UpdateMemberPrivilegesBody,
} from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import { audit, auditChanges } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound, type FieldError } from '../../lib/errors.ts';
import { effectivePrivileges } from '../../lib/privileges.ts';
import { containsText } from '../../lib/text-match.ts';

export type ContactsDeps = { db: Db };
export type ActionInfo = { ip: string };

type Reader = Pick<Db, 'organizationContact'> | Pick<Prisma.TransactionClient, 'organizationContact'>;

/** Whether a member is the primary contact, a secondary contact, or neither. */
export async function contactKindOf(db: Reader, organizationId: string, memberId: string): Promise<ContactKind | null> {
  const row = await db.organizationContact.findFirst({ where: { organizationId, memberId }, select: { kind: true } });
  return row?.kind ?? null;
}

/** Contact screens and the access-request queue are for the primary and secondary contacts only. */
export async function requireContact(db: Reader, auth: AuthContext): Promise<ContactKind> {
  const kind = await contactKindOf(db, auth.organizationId, auth.memberId);
  if (!kind) throw forbidden({ required: 'contact' });
  return kind;
}

const contactSelect = { id: true, username: true, firstName: true, lastName: true, email: true } as const;
const toContact = (m: { id: string; username: string; firstName: string; lastName: string; email: string }): ContactMember => ({
  id: m.id,
  username: m.username,
  fullName: `${m.firstName} ${m.lastName}`.trim(),
  email: m.email,
});

async function listContacts(db: Db, organizationId: string): Promise<OrganizationContacts> {
  const rows = await db.organizationContact.findMany({
    where: { organizationId },
    select: { kind: true, member: { select: contactSelect } },
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
  });
  const primary = rows.find((r) => r.kind === 'primary');
  return { primary: primary ? toContact(primary.member) : null, secondary: rows.filter((r) => r.kind === 'secondary').map((r) => toContact(r.member)) };
}

export async function myContactStatus({ db }: ContactsDeps, auth: AuthContext) {
  return { kind: await contactKindOf(db, auth.organizationId, auth.memberId) };
}

/** The contact-update screen (contacts only). */
export async function getContacts({ db }: ContactsDeps, auth: AuthContext): Promise<OrganizationContacts> {
  await requireContact(db, auth);
  return listContacts(db, auth.organizationId);
}

/** Members to choose from on the contact-update screen (not disabled), contacts first. */
export async function searchCandidates({ db }: ContactsDeps, auth: AuthContext, query: ContactCandidatesQuery): Promise<ContactCandidates> {
  await requireContact(db, auth);
  const organizationId = auth.organizationId;
  const q = query.q?.trim();
  const limit = query.limit ?? 20;
  const rows = await db.member.findMany({
    where: {
      organizationId,
      status: { not: 'disabled' },
      ...(q
        ? {
            OR: [
              { username: containsText(q) },
              { firstName: containsText(q) },
              { lastName: containsText(q) },
              { email: containsText(q) },
            ],
          }
        : {}),
    },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { ...contactSelect, contactOf: { where: { organizationId }, select: { kind: true } } },
  });
  return { items: rows.map((m) => ({ ...toContact(m), contact: m.contactOf[0]?.kind ?? null })) };
}

/** The read-only preview, for members given View on contact-update preview. */
export async function previewContacts({ db }: ContactsDeps, auth: AuthContext): Promise<OrganizationContacts> {
  return listContacts(db, auth.organizationId);
}

/** Saves the contacts at once. Only the primary contact changes them. */
export async function updateContacts({ db }: ContactsDeps, auth: AuthContext, body: UpdateContactsBody, info: ActionInfo): Promise<OrganizationContacts> {
  const organizationId = auth.organizationId;
  const kind = await requireContact(db, auth);
  if (kind !== 'primary') throw forbidden({ required: 'primary_contact', action: 'name_contacts' });

  const primaryId = body.primary ?? auth.memberId;
  const secondaryIds = [...new Set(body.secondary)].filter((id) => id !== primaryId);
  // Handing over the primary role keeps the former primary as a secondary contact.
  if (primaryId !== auth.memberId && !secondaryIds.includes(auth.memberId)) secondaryIds.push(auth.memberId);
  const wanted = [primaryId, ...secondaryIds];
  const members = await db.member.findMany({ where: { organizationId, id: { in: wanted } }, select: { id: true, status: true } });
  const errors = wanted.flatMap((id): FieldError[] => {
    const m = members.find((x) => x.id === id);
    const path = id === primaryId ? 'primary' : `secondary.${body.secondary.indexOf(id)}`;
    if (!m) return [{ path, code: 'unknown_member', params: { id } }];
    if (m.status === 'disabled') return [{ path, code: 'member_not_active', params: { reason: 'contact' } }];
    return [];
  });
  if (errors.length) throw new AppError(400, 'validation_failed', { params: { outcome: 'saved' }, errors });

  await db.$transaction(async (tx) => {
    // Serializes concurrent saves of the same organization's contacts.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
    const before = await tx.organizationContact.findMany({ where: { organizationId }, select: { memberId: true, kind: true } });
    if (!before.some((c) => c.memberId === auth.memberId && c.kind === 'primary')) throw forbidden({ required: 'primary_contact', action: 'name_contacts' });
    const was = { primary: before.find((c) => c.kind === 'primary')?.memberId ?? null, secondary: before.filter((c) => c.kind === 'secondary').map((c) => c.memberId).sort() };
    const now = { primary: primaryId, secondary: [...secondaryIds].sort() };
    // Saving the same contacts changes nothing and records nothing.
    if (!auditChanges(was, now, ['primary', 'secondary'])) return;
    // Recorded with usernames, as the Activity page shows them (ids kept for machines).
    const people = await tx.member.findMany({ where: { organizationId, id: { in: [...new Set([...before.map((c) => c.memberId), ...wanted])] } }, select: { id: true, username: true } });
    const named = (id: string | null) => (id ? { id, username: people.find((p) => p.id === id)?.username ?? id } : null);
    const changes = auditChanges({ primary: named(was.primary), secondary: was.secondary.map(named) }, { primary: named(now.primary), secondary: now.secondary.map(named) }, ['primary', 'secondary']);
    if (!changes) return;
    const org = await tx.organization.findFirst({ where: { id: organizationId }, select: { name: true } });
    await tx.organizationContact.deleteMany({ where: { organizationId } });
    await tx.organizationContact.createMany({
      data: [{ organizationId, memberId: primaryId, kind: 'primary' as const }, ...secondaryIds.map((memberId) => ({ organizationId, memberId, kind: 'secondary' as const }))],
    });
    await audit(tx, {
      organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'organization.contacts_changed',
      targetType: 'organization',
      targetId: organizationId,
      ...(org ? { targetLabel: org.name } : {}),
      ...changes,
      ip: info.ip,
    });
  });
  return listContacts(db, organizationId);
}

const noLevels = (): Privileges => Object.fromEntries(privilegeAreas.map((a) => [a, 'none'])) as Privileges;

async function loadPrivileges(db: Db, organizationId: string, memberId: string): Promise<MemberPrivileges> {
  const member = await db.member.findFirst({
    where: { id: memberId, organizationId },
    select: {
      id: true,
      username: true,
      role: { select: { privileges: { select: { area: true, level: true } } } },
      privileges: { where: { organizationId }, select: { area: true, level: true } },
    },
  });
  if (!member) throw notFound('member');
  const own = noLevels();
  for (const p of member.privileges) own[p.area] = p.level;
  return {
    memberId: member.id,
    username: member.username,
    role: effectivePrivileges(member.role.privileges, []),
    own,
    effective: effectivePrivileges(member.role.privileges, member.privileges),
    contact: await contactKindOf(db, organizationId, memberId),
  };
}

export async function getMemberPrivileges({ db }: ContactsDeps, auth: AuthContext, memberId: string): Promise<MemberPrivileges> {
  await requireContact(db, auth);
  return loadPrivileges(db, auth.organizationId, memberId);
}

/**
 * Replaces a member's own levels. Rules: contacts only; the primary contact's levels only
 * by themselves; nobody sets, raises or lowers a level above their own on that area.
 */
export async function updateMemberPrivileges(
  { db }: ContactsDeps,
  auth: AuthContext,
  memberId: string,
  body: UpdateMemberPrivilegesBody,
  info: ActionInfo,
): Promise<MemberPrivileges> {
  const organizationId = auth.organizationId;
  await requireContact(db, auth);
  const current = await loadPrivileges(db, organizationId, memberId);
  if (current.contact === 'primary' && memberId !== auth.memberId) throw forbidden({ required: 'primary_contact', action: 'primary_levels' });

  const next = noLevels();
  for (const area of privilegeAreas) next[area] = body.levels[area] ?? 'none';
  const changed = privilegeAreas.filter((a) => next[a] !== current.own[a]);
  const mine = auth.privileges;
  const aboveMine = (area: PrivilegeArea, level: PrivilegeLevel) => levelRank[level] > levelRank[mine[area]];
  const refused = changed.filter((a) => aboveMine(a, next[a]) || aboveMine(a, current.own[a]));
  if (refused.length) {
    throw forbidden(
      { reason: 'levels_above_own', areas: refused.join(','), levels: refused.map((a) => mine[a]).join(',') },
      refused.map((a) => ({ path: `levels.${a}`, code: 'level_above_own' as const, params: { area: a, level: mine[a] } })),
    );
  }
  if (!changed.length) return current;

  await db.$transaction(async (tx) => {
    await tx.memberPrivilege.deleteMany({ where: { organizationId, memberId } });
    const rows = privilegeAreas.filter((a) => next[a] !== 'none').map((area) => ({ organizationId, memberId, area, level: next[area] }));
    if (rows.length) await tx.memberPrivilege.createMany({ data: rows });
    await audit(tx, {
      organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'member.privileges_changed',
      targetType: 'member',
      targetId: memberId,
      targetLabel: current.username,
      before: Object.fromEntries(changed.map((a) => [a, current.own[a]])),
      after: Object.fromEntries(changed.map((a) => [a, next[a]])),
      ip: info.ip,
    });
  });
  return loadPrivileges(db, organizationId, memberId);
}

async function readApprovedDomains(db: Db, organizationId: string): Promise<ApprovedDomains> {
  const [org, domains] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { requestReminderHours: true } }),
    db.approvedDomain.findMany({ where: { organizationId }, select: { domain: true }, orderBy: { domain: 'asc' } }),
  ]);
  return { domains: domains.map((d) => d.domain), requestReminderHours: org.requestReminderHours };
}

/** Approved domains are a section of the contact-update screen: contacts only, like the rest of it. */
export async function getApprovedDomains({ db }: ContactsDeps, auth: AuthContext): Promise<ApprovedDomains> {
  await requireContact(db, auth);
  return readApprovedDomains(db, auth.organizationId);
}

/** Replaces the approved domains (and the reminder delay) at once. Contacts only. */
export async function updateApprovedDomains({ db }: ContactsDeps, auth: AuthContext, body: UpdateApprovedDomainsBody, info: ActionInfo): Promise<ApprovedDomains> {
  const organizationId = auth.organizationId;
  await requireContact(db, auth);
  const domains = [...new Set(body.domains.map((d) => d.toLowerCase()))].sort();
  const before = await readApprovedDomains(db, organizationId);
  const after = { domains, requestReminderHours: body.requestReminderHours ?? before.requestReminderHours };
  // Saving the same domains and delay changes nothing and records nothing.
  const changes = auditChanges({ ...before, domains: [...before.domains].sort() }, after, ['domains', 'requestReminderHours']);
  if (!changes) return before;
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { id: organizationId }, select: { name: true } });
    await tx.approvedDomain.deleteMany({ where: { organizationId } });
    if (domains.length) await tx.approvedDomain.createMany({ data: domains.map((domain) => ({ organizationId, domain })) });
    if (body.requestReminderHours !== undefined) {
      await tx.organization.updateMany({ where: { id: organizationId }, data: { requestReminderHours: body.requestReminderHours } });
    }
    await audit(tx, {
      organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'organization.approved_domains_changed',
      targetType: 'organization',
      targetId: organizationId,
      ...(org ? { targetLabel: org.name } : {}),
      ...changes,
      ip: info.ip,
    });
  });
  return readApprovedDomains(db, organizationId);
}

/** Files the primary contact published to the organization (list only). */
export async function listAccountDocuments({ db }: ContactsDeps, auth: AuthContext): Promise<AccountDocumentList> {
  const rows = await db.$queryRaw<{ id: string; title: string; fileName: string; contentType: string; size: number; createdAt: Date }[]>`
    SELECT id, title, "fileName", "contentType", octet_length(content)::int AS size, "createdAt"
    FROM "AccountDocument" WHERE "organizationId" = ${auth.organizationId}::uuid ORDER BY "createdAt" DESC LIMIT 500`;
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
