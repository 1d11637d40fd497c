import { creationRoleRefusal, MAX_CATEGORIES, orgLoginTypeIssue, typesRefusingLicence, type BatchProperties, type MembersBatchBody, type MembersBatchResponse, type PrivilegeArea, type PrivilegeLevel } from '@sesame/contracts';
import { Prisma, type Db } from '@sesame/db';
import { generatePassword, hashPassword } from '@sesame/db/passwords';
import type { Config } from '../../config.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { namedList as named, roleLabel } from '../../lib/audit.ts';
import { isUuid } from '../../lib/ids.ts';
import { AppError, forbidden, type FieldError } from '../../lib/errors.ts';
import type { EnqueueEmail } from '../../lib/mail-port.ts';
import { memberSelect, toMemberDto } from '../../lib/member-dto.ts';
import { canAddMembers } from '../../lib/privileges.ts';
import { countPerType, incompatibleLicenseError, lockAndCheckCapacity, newMemberSettings, roleError } from '../../lib/assignments/index.ts';
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

/**
 * Creates every member of the batch or none. Rules, in order: field rules that need the
 * organization (role, user type, compatibility, uniqueness), then licences, groups and
 * categories, then capacity (named users, user-type and licence seats) under row locks.
 */
export async function createMembersBatch(deps: BatchDeps, auth: AuthContext, body: MembersBatchBody, info: RequestInfo): Promise<MembersBatchResponse> {
  const { db } = deps;
  const organizationId = auth.organizationId;
  if (!canAddMembers(auth)) throw forbidden({ action: 'add_members', area: 'members', level: 'update', orArea: 'manage_access' });

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
    if (!role) errors.push({ path: at('role'), code: 'unknown_role', params: { value: m.role } });
    if (!userType) errors.push({ path: at('userType'), code: 'unknown_user_type', params: { value: m.userType } });
    // The rules module's one rule for a new member's role (decision 011), as for a CSV row and a grant.
    const refusal = role && userType ? creationRoleRefusal(auth, role, { compatibleRoleIds: userType.roles.map((r) => r.roleId) }, org) : null;
    if (role && userType && refusal) errors.push(roleError(at('role'), refusal, role, userType, roles));
    const first = seen.get(m.username);
    if (first !== undefined) errors.push({ path: at('username'), code: 'duplicate_in_batch', params: { username: m.username, position: first + 1 } });
    else seen.set(m.username, i);
    if (m.identityType) {
      // The rules module's one rule for an organization login's identity type, as for a CSV row.
      const notAllowed = orgLoginTypeIssue(m.identityType, org.allowedIdentityTypes);
      if (notAllowed) errors.push({ path: at('identityType'), ...notAllowed });
    }
    // No password for an invitation, nor for an organization login (the provider's business).
    if (m.password !== undefined && (body.mode === 'invite' || m.identityType)) {
      errors.push({ path: at('password'), code: 'password_not_allowed' });
    } else if (body.mode === 'credentials' && m.password !== undefined) {
      for (const problem of passwordProblems(m.password, { username: m.username })) errors.push({ path: at('password'), code: problem.code, ...(problem.params ? { params: problem.params } : {}) });
    }
    if (role && userType) resolved.push({ role, userType });
  });

  const existing = await db.member.findMany({
    where: { organizationId, username: { in: body.members.map((m) => m.username) } },
    select: { username: true },
  });
  const taken = new Set(existing.map((e) => e.username));
  body.members.forEach((m, i) => {
    if (taken.has(m.username)) errors.push({ path: `members.${i}.username`, code: 'username_taken', params: { username: m.username } });
  });

  const { licenses, licenseIds, groupIds, categoryIds, groups, categories } = await checkBatchProperties(db, organizationId, props, resolved.map((r) => r.userType), errors);
  if (errors.length) throw new AppError(400, 'validation_failed', { params: { outcome: 'created' }, errors });
  // Without errors every member resolved its role and user type, in order.
  const chosen = body.members.map((m, i) => {
    const r = resolved[i];
    if (!r) throw new Error(`member ${i} has no role or user type`);
    // Credentials mode: the password given, else a generated one; invite mode: an activation token.
    // Organization logins have none.
    const password = body.mode === 'credentials' && !m.identityType ? (m.password ?? generatePassword()) : null;
    return { ...m, ...r, password, token: body.mode === 'invite' ? newToken() : null };
  });

  // Passwords are hashed before the transaction (argon2 runs on the thread pool, every core).
  const hashes = await Promise.all(chosen.map((m) => (m.password ? hashPassword(m.password) : Promise.resolve(null))));
  const settings = newMemberSettings(org, props.settings);
  const expiresAt = new Date(Date.now() + org.invitationTtlDays * 86_400_000);
  const inviter = await db.member.findUniqueOrThrow({ where: { id: auth.memberId }, select: { firstName: true, lastName: true } });

  try {
    const created = await db.$transaction(
      async (tx) => {
        await lockAndCheckCapacity(
          tx,
          {
            organizationId,
            namedUserLimit: org.namedUserLimit,
            newMembers: body.members.length,
            perType: countPerType(chosen.map((c) => c.userType)),
            perLicense: licensesFor(licenseIds, licenses, body.members.length),
          },
          batchPlaces(chosen.map((c) => c.userType.id), licenseIds),
        );
        const now = new Date();
        await tx.member.createMany({
          data: chosen.map((m, i) => ({
            organizationId,
            username: m.username,
            firstName: m.firstName,
            lastName: m.lastName,
            email: m.email,
            identityType: m.identityType ?? ('builtin' as const),
            // The provider's identifier, matched exactly at sign-in.
            externalId: m.identityType ? m.username : null,
            roleId: m.role.id,
            userTypeId: m.userType.id,
            status: body.mode === 'credentials' ? ('active' as const) : ('pending' as const),
            passwordHash: hashes[i],
            mustChangePassword: body.mode === 'credentials' && !m.identityType,
            activatedAt: body.mode === 'credentials' ? now : null,
            ...settings,
          })),
        });
        const rows = await tx.member.findMany({
          where: { organizationId, username: { in: body.members.map((m) => m.username) } },
          select: { id: true, username: true },
        });
        const idOf = new Map(rows.map((r) => [r.username, r.id]));
        const made = chosen.map((m) => {
          const id = idOf.get(m.username);
          if (!id) throw new Error(`member ${m.username} was not created`);
          return { ...m, id };
        });
        const ids = made.map((m) => m.id);
        if (licenseIds.length) await tx.licenseAssignment.createMany({ data: ids.flatMap((memberId) => licenseIds.map((licenseId) => ({ organizationId, licenseId, memberId }))) });
        if (groupIds.length) await tx.groupMembership.createMany({ data: ids.flatMap((memberId) => groupIds.map((groupId) => ({ organizationId, groupId, memberId }))) });
        if (categoryIds.length) await tx.memberCategoryAssignment.createMany({ data: ids.flatMap((memberId) => categoryIds.map((categoryId) => ({ organizationId, categoryId, memberId }))) });

        if (body.mode === 'invite') {
          await tx.invitation.createMany({
            data: made.flatMap((m) => (m.token ? [{ organizationId, memberId: m.id, tokenHash: hashToken(m.token), message: body.message ?? null, invitedById: auth.memberId, expiresAt }] : [])),
          });
          for (const m of made) {
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
                link: `${info.baseUrl}/activate/${m.token}`,
                expiresAt,
                message: body.message,
              },
            });
          }
        }
        await tx.auditEvent.createMany({
          data: made.map((m) => ({
            organizationId,
            actorId: auth.memberId,
            actorUsername: auth.username,
            action: body.mode === 'invite' ? 'member.invited' : 'member.created',
            targetType: 'member',
            targetId: m.id,
            targetLabel: m.username,
            after: {
              username: m.username,
              firstName: m.firstName,
              lastName: m.lastName,
              email: m.email,
              identityType: m.identityType ?? 'builtin',
              // Keys and ids for machines, names for the Activity page.
              role: roleLabel(m.role),
              userType: roleLabel(m.userType),
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
      ...(body.mode === 'credentials' ? { temporaryPasswords: chosen.flatMap((m) => (m.password ? [{ username: m.username, password: m.password }] : [])) } : {}),
    };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      // A concurrent request took one of the usernames between our check and the insert.
      throw new AppError(409, 'conflict', { params: { reason: 'usernames_taken' } });
    }
    throw err;
  }
}

/** A user type as the licence-compatibility rule needs it. */
export type LicenseCompatibleType = { id: string; nameEn: string; nameFr: string; licenses: { licenseId: string }[] };

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
    if (!license) return errors.push({ path: `properties.licenses.${i}`, code: 'unknown_license', params: { id } });
    const incompatible = typesRefusingLicence(id, distinctTypes.map((t) => ({ ...t, compatibleLicenseIds: t.licenses.map((l) => l.licenseId) })));
    if (incompatible.length) errors.push(incompatibleLicenseError(`properties.licenses.${i}`, license, incompatible));
  });
  groupIds.forEach((id, i) => {
    if (!groups.some((g) => g.id === id)) errors.push({ path: `properties.groups.${i}`, code: 'unknown_group', params: { id } });
  });
  if (categoryIds.length > MAX_CATEGORIES) errors.push({ path: 'properties.categories', code: 'too_many_categories', params: { max: MAX_CATEGORIES } });
  categoryIds.forEach((id, i) => {
    if (!categories.some((c) => c.id === id)) errors.push({ path: `properties.categories.${i}`, code: 'unknown_category', params: { id } });
  });
  return { licenses, licenseIds, groupIds, categoryIds, groups, categories };
}

/** The licences given to every one of `count` new members, as capacity requests. */
export function licensesFor(licenseIds: readonly string[], licenses: readonly { id: string; name: string; seats: number }[], count: number) {
  return licenseIds.flatMap((id) => {
    const license = licenses.find((l) => l.id === id);
    return license ? [{ license, n: count }] : [];
  });
}

/**
 * Where the batch (and the CSV commit, which has the same request shape) places capacity
 * refusals: the named-user limit on `members`, a user type's seats on the first member given
 * it (`members.N.userType`), a licence's seats on `properties.licenses.N`.
 */
export function batchPlaces(memberTypeIds: readonly string[], licenseIds: readonly string[]) {
  return {
    whole: 'members',
    userType: (typeId: string) => {
      const i = memberTypeIds.indexOf(typeId);
      return i >= 0 ? `members.${i}.userType` : 'members';
    },
    license: (licenseId: string) => `properties.licenses.${licenseIds.indexOf(licenseId)}`,
  };
}
