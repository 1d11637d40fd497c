import { levelRank, roleChangeRefusal, typesRefusingLicence, type MemberDetail, type UpdateMemberBody } from '@sesame/contracts';
import { auditUpdate, roleLabel } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound, type FieldError } from '../../lib/errors.ts';
import { byIdOrKey } from '../../lib/ids.ts';
import { incompatibleLicenseError, incompatibleRoleError, lockAndCheckCapacity, roleError } from '../../lib/assignments/index.ts';
import { getMember, lastAdministrator, type ActionInfo, type ManageDeps } from './manage.ts';


/** id → { id, name } for an audit event's lists. */
async function namesOf(rows: Promise<{ id: string; name: string }[]>) {
  const byId = new Map((await rows).map((r) => [r.id, r.name]));
  return (id: string) => ({ id, name: byId.get(id) ?? id });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The order of a member.updated event's fields: the member page's. */
const memberAuditFields = ['firstName', 'lastName', 'email', 'description', 'country', 'profileVisibility', 'language', 'units', 'locale', 'startPage', 'role', 'userType', 'licenses', 'groups', 'categories'];

/**
 * Saves a member's profile, role, user type, licences, groups and categories at once, with
 * the same rules as creation plus: role/user type compatibility, licences the new user type
 * would lose, seats under lock, no privilege above the actor's own, and never the last
 * administrator demoted.
 */
export async function updateMember(deps: ManageDeps, auth: AuthContext, id: string, body: UpdateMemberBody, info: ActionInfo): Promise<MemberDetail> {
  const { db } = deps;
  const organizationId = auth.organizationId;
  const isSelf = id === auth.memberId;
  const touchesAccess = body.role !== undefined || body.userType !== undefined || body.licenses !== undefined;
  const canUpdateMembers = levelRank[auth.privileges.members] >= levelRank.update;
  if (!canUpdateMembers && !(isSelf && !touchesAccess && body.groups === undefined && body.categories === undefined)) {
    throw forbidden({ action: 'change_member', area: 'members', level: 'update' });
  }

  await db.$transaction(
    async (tx) => {
      const before = await tx.member.findFirst({
        where: { id, organizationId },
        include: {
          role: { include: { privileges: true } },
          userType: { include: { roles: true, licenses: true } },
          licenses: true,
          groups: true,
          categories: true,
        },
      });
      if (!before) throw notFound('member');
      if (before.role.isAdministrator && !auth.isAdministrator && !isSelf) throw new AppError(403, 'administrator_required', { params: { action: 'change_administrator' } });
      const errors: FieldError[] = [];

      const role = body.role !== undefined ? await tx.role.findFirst({ where: { organizationId, ...byIdOrKey(body.role) }, include: { privileges: true } }) : before.role;
      const userType =
        body.userType !== undefined
          ? await tx.userType.findFirst({ where: { organizationId, ...byIdOrKey(body.userType) }, include: { roles: true, licenses: true } })
          : before.userType;
      if (!role) errors.push({ path: 'role', code: 'unknown_role', params: { value: body.role ?? '' } });
      if (!userType) errors.push({ path: 'userType', code: 'unknown_user_type', params: { value: body.userType ?? '' } });
      if (role && userType) {
        const compatibleRoleIds = userType.roles.map((r) => r.roleId);
        const roleNames = () => tx.role.findMany({ where: { organizationId, id: { in: compatibleRoleIds } }, select: { id: true, nameEn: true, nameFr: true } });
        // A changed role: the rules module's one rule for a role given afterwards (decision 011); an unchanged one must still suit the user type.
        const refusal = role.id !== before.roleId ? roleChangeRefusal(auth, role, { compatibleRoleIds }, before) : compatibleRoleIds.includes(role.id) ? null : ({ code: 'incompatible_role' } as const);
        if (refusal?.code === 'incompatible_role') errors.push(incompatibleRoleError('role', role, userType, await roleNames()));
        else if (refusal) errors.push(roleError('role', refusal, role, userType, []));
      }

      // Licences: the full new set; when only the user type changes, say which ones it would lose.
      const currentLicenses = before.licenses.map((l) => l.licenseId);
      const wantedLicenses = body.licenses ? [...new Set(body.licenses)] : currentLicenses;
      if (userType) {
        const type = { ...userType, compatibleLicenseIds: userType.licenses.map((l) => l.licenseId) };
        const incompatible = wantedLicenses.filter((l) => typesRefusingLicence(l, [type]).length > 0);
        if (incompatible.length) {
          const names = await tx.license.findMany({ where: { organizationId, id: { in: incompatible } }, select: { id: true, name: true } });
          const known = new Set(names.map((n) => n.id));
          const unknown = incompatible.filter((l) => !known.has(l));
          if (unknown.length) errors.push({ path: 'licenses', code: 'unknown_license', params: { id: unknown.join(', ') } });
          if (names.length && body.licenses) {
            // Each licence at its place in the request, as the batch and the grant name them.
            for (const license of names) errors.push(incompatibleLicenseError(`licenses.${body.licenses.indexOf(license.id)}`, license, [userType]));
          } else if (names.length) {
            errors.push({
              path: 'licenses',
              code: 'license_would_be_lost',
              params: { userType: userType.nameEn, userTypeFr: userType.nameFr, names: names.map((n) => n.name).join(', ') },
            });
          }
        }
      }
      if (body.groups) {
        const found = await tx.group.count({ where: { organizationId, id: { in: body.groups } } });
        if (found !== new Set(body.groups).size) errors.push({ path: 'groups', code: 'unknown_group' });
      }
      if (body.categories) {
        const found = await tx.memberCategory.count({ where: { organizationId, id: { in: body.categories } } });
        if (found !== new Set(body.categories).size) errors.push({ path: 'categories', code: 'unknown_category' });
      }
      if (errors.length || !role || !userType) throw new AppError(400, 'validation_failed', { params: { outcome: 'saved' }, errors });

      // Capacity (lib/assignments: one lock order with the batch, the CSV commit and the grant),
      // then the last administrator, under the organization's lock.
      const added = wantedLicenses.filter((l) => !currentLicenses.includes(l)).sort();
      const addedLicenses = added.length ? await tx.license.findMany({ where: { organizationId, id: { in: added } }, select: { id: true, name: true, seats: true } }) : [];
      await lockAndCheckCapacity(
        tx,
        {
          organizationId,
          namedUserLimit: null,
          newMembers: 0,
          perType: userType.id !== before.userTypeId ? [{ type: userType, n: 1 }] : [],
          perLicense: addedLicenses.map((license) => ({ license, n: 1 })),
        },
        { whole: 'body', userType: () => 'userType', license: (id) => `licenses.${(body.licenses ?? wantedLicenses).indexOf(id)}` },
      );
      if (before.role.isAdministrator && !role.isAdministrator) {
        const others = await tx.member.count({ where: { organizationId, status: 'active', role: { isAdministrator: true }, id: { not: id } } });
        if (others === 0) throw lastAdministrator('demote');
      }
      const { licenses: _l, groups: _g, categories: _c, role: _r, userType: _u, ...profile } = body;
      await tx.member.update({ where: { id, organizationId }, data: { ...profile, roleId: role.id, userTypeId: userType.id } });
      if (body.licenses || userType.id !== before.userTypeId) {
        await tx.licenseAssignment.deleteMany({ where: { organizationId, memberId: id, licenseId: { notIn: wantedLicenses } } });
        if (added.length) await tx.licenseAssignment.createMany({ data: added.map((licenseId) => ({ organizationId, licenseId, memberId: id })) });
      }
      if (body.groups) {
        await tx.groupMembership.deleteMany({ where: { organizationId, memberId: id, groupId: { notIn: body.groups } } });
        await tx.groupMembership.createMany({ data: body.groups.map((groupId) => ({ organizationId, groupId, memberId: id })), skipDuplicates: true });
      }
      if (body.categories) {
        await tx.memberCategoryAssignment.deleteMany({ where: { organizationId, memberId: id, categoryId: { notIn: body.categories } } });
        await tx.memberCategoryAssignment.createMany({ data: body.categories.map((categoryId) => ({ organizationId, categoryId, memberId: id })), skipDuplicates: true });
      }
      // The audit event records only what changed, and none is written when nothing did (lib/audit.ts).
      const was: Record<string, unknown> = {};
      const now: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(profile)) {
        was[key] = (before as unknown as Record<string, unknown>)[key];
        now[key] = value;
      }
      // Keys and ids are kept for machines, names for the Activity page (they stay right after a rename).
      was.role = roleLabel(before.role);
      now.role = roleLabel(role);
      was.userType = roleLabel(before.userType);
      now.userType = roleLabel(userType);
      if (!sameSet(currentLicenses, wantedLicenses)) {
        const names = await namesOf(tx.license.findMany({ where: { organizationId, id: { in: [...currentLicenses, ...wantedLicenses] } }, select: { id: true, name: true } }));
        was.licenses = currentLicenses.map(names);
        now.licenses = wantedLicenses.map(names);
      }
      const currentGroups = before.groups.map((g) => g.groupId);
      if (body.groups && !sameSet(currentGroups, body.groups)) {
        const names = await namesOf(tx.group.findMany({ where: { organizationId, id: { in: [...currentGroups, ...body.groups] } }, select: { id: true, name: true } }));
        was.groups = currentGroups.map(names);
        now.groups = [...new Set(body.groups)].map(names);
      }
      const currentCategories = before.categories.map((c) => c.categoryId);
      if (body.categories && !sameSet(currentCategories, body.categories)) {
        const names = await namesOf(tx.memberCategory.findMany({ where: { organizationId, id: { in: [...currentCategories, ...body.categories] } }, select: { id: true, name: true } }));
        was.categories = currentCategories.map(names);
        now.categories = [...new Set(body.categories)].map(names);
      }
      await auditUpdate(
        tx,
        { organizationId, actorId: auth.memberId, actorUsername: auth.username, action: 'member.updated', targetType: 'member', targetId: id, targetLabel: before.username, ip: info.ip },
        was,
        now,
        memberAuditFields,
      );
    },
    { timeout: 30_000 },
  );
  return getMember(deps, auth, id);
}
