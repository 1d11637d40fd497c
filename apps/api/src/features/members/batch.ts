import { MAX_CATEGORIES, type BatchProperties, type MembersBatchBody, type MembersBatchResponse, type PrivilegeArea, type PrivilegeLevel } from '@sesame/contracts';
import { Prisma, type Db } from '@sesame/db';
import { generatePassword } from '@sesame/db/seed';
import { hashPassword } from '@sesame/db/passwords';
import type { Config } from '../../config.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { namedList as named, roleLabel } from '../../lib/audit.ts';
import { isUuid } from '../../lib/ids.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import type { EnqueueEmail } from '../../lib/mail-port.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { aboveOwnMessage, hasLevel, roleAboveOwn } from '../../lib/privileges.ts';
import { passwordProblems } from '../auth/service.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';

export type BatchDeps = { db: Db; config: Config; enqueueEmail: EnqueueEmail };
export type RequestInfo = { ip: string; baseUrl: string };



type RoleRef = { id: string; key: string; nameEn: string; nameFr: string; isAdministrator: boolean; privileges: { area: PrivilegeArea; level: PrivilegeLevel }[] };
type TypeRef = { id: string; key: string; nameEn: string; nameFr: string; seatLimit: number | null; roles: { roleId: string }[]; licenses: { licenseId: string }[] };

/** Finds a role or user type by id, key, or name in either language (case-insensitive for names). */
function resolve<T extends { id: string; key: string; nameEn: string; nameFr: string }>(items: T[], value: string): T | undefined {
  const v = value.trim();
  if (isUuid(v)) return items.find((i) => i.id === v.toLowerCase());
  const lower = v.toLowerCase();
  return items.find((i) => i.key === v) ?? items.find((i) => i.key.toLowerCase() === lower || i.nameEn.toLowerCase() === lower || i.nameFr.toLowerCase() === lower);
}

export function canAddMembers(auth: AuthContext): boolean {
  return hasLevel(auth.privileges, 'members', 'update') || hasLevel(auth.privileges, 'manage_access', 'update');
}

/**
 * Creates every member of the batch or none. Rules, in order: field rules that need the
 * organization (role, user type, compatibility, uniqueness), then licences, groups and
 * categories, then capacity (named users, user-type and licence seats) under row locks.
 */
export async function createMembersBatch(deps: BatchDeps, auth: AuthContext, body: MembersBatchBody, info: RequestInfo): Promise<MembersBatchResponse> {
  const { db } = deps;
  const organizationId = auth.organizationId;
  if (!canAddMembers(auth)) throw new AppError(403, 'forbidden', 'Adding members requires Update on members or on manage access');

  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const [roles, userTypes] = await Promise.all([
    db.role.findMany({ where: { organizationId }, select: { id: true, key: true, nameEn: true, nameFr: true, isAdministrator: true, privileges: { select: { area: true, level: true } } } }),
    db.userType.findMany({
      where: { organizationId },
      select: { id: true, key: true, nameEn: true, nameFr: true, seatLimit: true, roles: { select: { roleId: true } }, licenses: { select: { licenseId: true } } },
    }),
  ]);
  const props = body.properties ?? {};
  const errors: FieldError[] = [];
  const resolved: { role: RoleRef; userType: TypeRef }[] = [];

  const seen = new Map<string, number>();
  body.members.forEach((m, i) => {
    const at = (field: string) => `members.${i}.${field}`;
    const role = resolve(roles, m.role);
    const userType = resolve(userTypes, m.userType);
    if (!role) errors.push({ path: at('role'), code: 'unknown_role', message: `Unknown role "${m.role}"` });
    if (!userType) errors.push({ path: at('userType'), code: 'unknown_user_type', message: `Unknown user type "${m.userType}"` });
    if (role && userType && !userType.roles.some((r) => r.roleId === role.id)) {
      errors.push({ path: at('role'), code: 'incompatible_role', message: `The role ${role.nameEn} is not compatible with the user type ${userType.nameEn}` });
    }
    if (role?.isAdministrator && !org.allowAdminAtCreation) {
      errors.push({ path: at('role'), code: 'administrator_not_allowed', message: 'The Administrator role cannot be given when adding a member; give it once the member exists' });
    }
    if (role?.isAdministrator && !auth.isAdministrator) {
      errors.push({ path: at('role'), code: 'administrator_not_allowed', message: 'Only administrators can give the Administrator role' });
    }
    // A new member's role is given like a role change: never above the giver's own levels.
    const above = role && !role.isAdministrator ? roleAboveOwn(auth, role.privileges) : [];
    if (above.length) errors.push({ path: at('role'), code: 'privilege_above_own', message: aboveOwnMessage(above) });
    const first = seen.get(m.username);
    if (first !== undefined) errors.push({ path: at('username'), code: 'duplicate_in_batch', message: `The username ${m.username} is already used by member ${first + 1} of this list` });
    else seen.set(m.username, i);
    if (body.mode === 'invite' && m.password !== undefined) {
      errors.push({ path: at('password'), code: 'password_not_allowed', message: 'Passwords are not used when members are invited by email; remove it or add them without invitations' });
    }
    if (body.mode === 'credentials' && m.password !== undefined) {
      const problem = passwordProblems(m.password, { username: m.username });
      if (problem) errors.push({ path: at('password'), ...problem });
    }
    if (role && userType) resolved.push({ role, userType });
  });

  const existing = await db.member.findMany({
    where: { organizationId, username: { in: body.members.map((m) => m.username) } },
    select: { username: true },
  });
  const taken = new Set(existing.map((e) => e.username));
  body.members.forEach((m, i) => {
    if (taken.has(m.username)) errors.push({ path: `members.${i}.username`, code: 'username_taken', message: `The username ${m.username} is already taken in this organization` });
  });

  const { licenses, licenseIds, groupIds, categoryIds, groups, categories } = await checkBatchProperties(db, organizationId, props, resolved.map((r) => r.userType), errors);
  if (errors.length) throw new AppError(400, 'validation_failed', summarize(errors), errors);

  // Passwords are hashed before the transaction (argon2 runs on the thread pool, every core).
  const passwords =
    body.mode === 'credentials' ? body.members.map((m) => m.password ?? generatePassword()) : body.members.map(() => null);
  const hashes = await Promise.all(passwords.map((p) => (p ? hashPassword(p) : Promise.resolve(null))));
  const settings = {
    profileVisibility: props.settings?.profileVisibility ?? org.defaultVisibility,
    language: props.settings?.language ?? org.defaultLanguage,
    locale: props.settings?.locale ?? org.defaultLocale,
    units: props.settings?.units ?? org.defaultUnits,
    startPage: props.settings?.startPage ?? org.defaultStartPage,
  };
  const invitations = body.members.map(() => (body.mode === 'invite' ? newToken() : null));
  const expiresAt = new Date(Date.now() + org.invitationTtlDays * 86_400_000);
  const inviter = await db.member.findUniqueOrThrow({ where: { id: auth.memberId }, select: { firstName: true, lastName: true } });

  try {
    const created = await db.$transaction(
      async (tx) => {
        await lockAndCheckCapacity(tx, { organizationId, namedUserLimit: org.namedUserLimit, count: body.members.length, perType: countPerType(resolved.map((r) => r.userType)), licenses, licenseIds });
        const now = new Date();
        await tx.member.createMany({
          data: body.members.map((m, i) => ({
            organizationId,
            username: m.username,
            firstName: m.firstName,
            lastName: m.lastName,
            email: m.email,
            identityType: 'builtin' as const,
            roleId: resolved[i]!.role.id,
            userTypeId: resolved[i]!.userType.id,
            status: body.mode === 'credentials' ? ('active' as const) : ('pending' as const),
            passwordHash: hashes[i],
            mustChangePassword: body.mode === 'credentials',
            activatedAt: body.mode === 'credentials' ? now : null,
            ...settings,
          })),
        });
        const rows = await tx.member.findMany({
          where: { organizationId, username: { in: body.members.map((m) => m.username) } },
          select: { id: true, username: true },
        });
        const idOf = new Map(rows.map((r) => [r.username, r.id]));
        const ids = body.members.map((m) => idOf.get(m.username)!);
        if (licenseIds.length) await tx.licenseAssignment.createMany({ data: ids.flatMap((memberId) => licenseIds.map((licenseId) => ({ organizationId, licenseId, memberId }))) });
        if (groupIds.length) await tx.groupMembership.createMany({ data: ids.flatMap((memberId) => groupIds.map((groupId) => ({ organizationId, groupId, memberId }))) });
        if (categoryIds.length) await tx.memberCategoryAssignment.createMany({ data: ids.flatMap((memberId) => categoryIds.map((categoryId) => ({ organizationId, categoryId, memberId }))) });

        if (body.mode === 'invite') {
          await tx.invitation.createMany({
            data: ids.map((memberId, i) => ({ organizationId, memberId, tokenHash: hashToken(invitations[i]!), message: body.message ?? null, invitedById: auth.memberId, expiresAt })),
          });
          for (const [i, m] of body.members.entries()) {
            await deps.enqueueEmail(tx, {
              organizationId,
              to: m.email,
              kind: 'invitation',
              language: settings.language,
              data: {
                firstName: m.firstName,
                organizationName: org.name,
                inviterName: `${inviter.firstName} ${inviter.lastName}`.trim(),
                username: m.username,
                link: `${info.baseUrl}/activate/${invitations[i]}`,
                expiresAt,
                message: body.message,
              },
            });
          }
        }
        await tx.auditEvent.createMany({
          data: body.members.map((m, i) => ({
            organizationId,
            actorId: auth.memberId,
            actorUsername: auth.username,
            action: body.mode === 'invite' ? 'member.invited' : 'member.created',
            targetType: 'member',
            targetId: ids[i]!,
            targetLabel: m.username,
            after: {
              username: m.username,
              firstName: m.firstName,
              lastName: m.lastName,
              email: m.email,
              // Keys and ids for machines, names for the Activity page.
              role: roleLabel(resolved[i]!.role),
              userType: roleLabel(resolved[i]!.userType),
              licenses: named(licenseIds, licenses),
              groups: named(groupIds, groups),
              categories: named(categoryIds, categories),
              mode: body.mode,
            },
            ip: info.ip,
          })),
        });
        return tx.member.findMany({ where: { organizationId, id: { in: ids } }, select: memberSelect, orderBy: { username: 'asc' } });
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    return {
      created: created.map(toMemberDto),
      ...(body.mode === 'credentials' ? { temporaryPasswords: body.members.map((m, i) => ({ username: m.username, password: passwords[i]! })) } : {}),
    };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      // A concurrent request took one of the usernames between our check and the insert.
      throw new AppError(409, 'conflict', 'One of these usernames was just taken by another request; check the list and try again');
    }
    throw err;
  }
}

/** A user type as the licence-compatibility rule needs it. */
export type LicenseCompatibleType = { id: string; nameEn: string; licenses: { licenseId: string }[] };

/**
 * Licences, groups and categories of a batch: they must exist in the organization, licences
 * must suit every new member's user type, at most MAX_CATEGORIES categories. Problems are
 * appended to `errors` (paths under `properties.`).
 */
export async function checkBatchProperties(db: Db, organizationId: string, props: BatchProperties, types: LicenseCompatibleType[], errors: FieldError[]) {
  const distinctTypes = [...new Map(types.map((t) => [t.id, t])).values()];
  const licenseIds = [...new Set(props.licenses ?? [])];
  const groupIds = [...new Set(props.groups ?? [])];
  const categoryIds = [...new Set(props.categories ?? [])];
  const [licenses, groups, categories] = await Promise.all([
    db.license.findMany({ where: { organizationId, id: { in: licenseIds.filter((x) => isUuid(x)) } } }),
    db.group.findMany({ where: { organizationId, id: { in: groupIds.filter((x) => isUuid(x)) } }, select: { id: true, name: true } }),
    db.memberCategory.findMany({ where: { organizationId, id: { in: categoryIds.filter((x) => isUuid(x)) } }, select: { id: true, name: true } }),
  ]);
  licenseIds.forEach((id, i) => {
    const license = licenses.find((l) => l.id === id);
    if (!license) return errors.push({ path: `properties.licenses.${i}`, code: 'unknown_license', message: `Unknown licence ${id}` });
    const incompatible = distinctTypes.filter((t) => !t.licenses.some((l) => l.licenseId === id)).map((t) => t.nameEn);
    if (incompatible.length) {
      errors.push({ path: `properties.licenses.${i}`, code: 'incompatible_license', message: `The licence ${license.name} is not compatible with the user type ${incompatible.join(', ')}` });
    }
  });
  groupIds.forEach((id, i) => {
    if (!groups.some((g) => g.id === id)) errors.push({ path: `properties.groups.${i}`, code: 'unknown_group', message: `Unknown group ${id}` });
  });
  if (categoryIds.length > MAX_CATEGORIES) errors.push({ path: 'properties.categories', code: 'too_many_categories', message: `At most ${MAX_CATEGORIES} member categories` });
  categoryIds.forEach((id, i) => {
    if (!categories.some((c) => c.id === id)) errors.push({ path: `properties.categories.${i}`, code: 'unknown_category', message: `Unknown member category ${id}` });
  });
  return { licenses, licenseIds, groupIds, categoryIds, groups, categories };
}

export function summarize(errors: FieldError[]): string {
  const n = errors.length;
  return `${n} problem${n > 1 ? 's' : ''} found; nothing was created. ${errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}${n > 3 ? '; …' : ''}`;
}

/** A user type as the capacity check needs it. */
export type SeatType = { id: string; nameEn: string; nameFr: string; seatLimit: number | null };

export type CapacityRequest = {
  organizationId: string;
  namedUserLimit: number | null;
  /** Members to be created. */
  count: number;
  /** How many of them get each user type. */
  perType: { type: SeatType; n: number }[];
  /** The licences every new member gets. */
  licenses: { id: string; name: string; seats: number }[];
  licenseIds: string[];
};

export function countPerType(types: SeatType[]): { type: SeatType; n: number }[] {
  const perType = new Map<string, { type: SeatType; n: number }>();
  for (const t of types) perType.set(t.id, { type: t, n: (perType.get(t.id)?.n ?? 0) + 1 });
  return [...perType.values()];
}

/**
 * Locks the organization, the user types and the licences involved (in a fixed order, so
 * concurrent batches and imports queue instead of deadlocking) and checks that the whole
 * batch fits, naming each user type or licence that is short and by how many. Shared by the
 * wizard's batch and the CSV import's commit.
 */
export async function lockAndCheckCapacity(tx: Prisma.TransactionClient, req: CapacityRequest): Promise<void> {
  const { organizationId, namedUserLimit, count, licenses, licenseIds } = req;
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const errors: FieldError[] = [];
  if (namedUserLimit !== null) {
    const members = await tx.member.count({ where: { organizationId } });
    if (members + count > namedUserLimit) {
      errors.push({
        path: 'members',
        code: 'named_user_limit',
        message: `The organization's named-user limit is ${namedUserLimit}: ${members} used, ${count} requested, ${members + count - namedUserLimit} too many`,
        params: { limit: namedUserLimit, used: members, requested: count, short: members + count - namedUserLimit },
      });
    }
  }
  for (const { type, n } of [...req.perType].sort((a, b) => a.type.id.localeCompare(b.type.id))) {
    if (type.seatLimit === null) continue;
    const used = await tx.member.count({ where: { organizationId, userTypeId: type.id } });
    if (used + n > type.seatLimit) {
      errors.push({
        path: 'members',
        code: 'user_type_seats',
        message: `User type ${type.nameEn}: ${Math.max(0, type.seatLimit - used)} seat(s) left, ${n} requested (${used + n - type.seatLimit} short)`,
        params: { name: type.nameEn, nameFr: type.nameFr, left: Math.max(0, type.seatLimit - used), requested: n, short: used + n - type.seatLimit },
      });
    }
  }
  const sorted = [...licenseIds].sort();
  if (sorted.length) {
    await tx.$queryRaw`SELECT id FROM "License" WHERE "organizationId" = ${organizationId}::uuid AND id = ANY(${sorted}::uuid[]) ORDER BY id FOR UPDATE`;
    const counts = await tx.licenseAssignment.groupBy({ by: ['licenseId'], where: { organizationId, licenseId: { in: sorted } }, _count: { _all: true } });
    for (const id of licenseIds) {
      const license = licenses.find((l) => l.id === id)!;
      const used = counts.find((c) => c.licenseId === id)?._count._all ?? 0;
      if (used + count > license.seats) {
        errors.push({
          path: `properties.licenses.${licenseIds.indexOf(id)}`,
          code: 'license_seats',
          message: `Licence ${license.name}: ${Math.max(0, license.seats - used)} seat(s) left, ${count} requested (${used + count - license.seats} short)`,
          params: { name: license.name, left: Math.max(0, license.seats - used), requested: count, short: used + count - license.seats },
        });
      }
    }
  }
  if (errors.length) throw new AppError(409, 'seats_exhausted', summarize(errors), errors);
}
