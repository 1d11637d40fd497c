import { creationRoleRefusal, typesRefusingLicence, type OrganizationDefaults, type UpdateOrganizationBody } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import { audit, namedList, roleLabel } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/field-error.ts';
import { incompatibleLicenseError, roleError } from '../../lib/assignments/index.ts';

type Sql = Pick<Prisma.TransactionClient, 'organization' | 'member'>;

/** GET /api/organization: the settings and defaults the wizard reads. */
export async function getOrganization(db: Sql, organizationId: string): Promise<OrganizationDefaults> {
  const [org, memberCount] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      include: { defaultGroups: { select: { groupId: true } }, defaultLicenses: { select: { licenseId: true } } },
    }),
    db.member.count({ where: { organizationId } }),
  ]);
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    usernameFormat: org.usernameFormat,
    defaultRoleId: org.defaultRoleId,
    defaultUserTypeId: org.defaultUserTypeId,
    defaultGroupIds: org.defaultGroups.map((g) => g.groupId),
    defaultLicenseIds: org.defaultLicenses.map((l) => l.licenseId),
    allowedIdentityTypes: org.allowedIdentityTypes,
    allowAdminAtCreation: org.allowAdminAtCreation,
    autoRegisterOrgLogins: org.autoRegisterOrgLogins,
    namedUserLimit: org.namedUserLimit,
    memberCount,
    invitationTtlDays: org.invitationTtlDays,
    settings: {
      profileVisibility: org.defaultVisibility,
      language: org.defaultLanguage,
      locale: org.defaultLocale,
      units: org.defaultUnits,
      startPage: org.defaultStartPage,
    },
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** The member defaults of `settings`, by their column. */
const settingColumns = {
  profileVisibility: 'defaultVisibility',
  language: 'defaultLanguage',
  locale: 'defaultLocale',
  units: 'defaultUnits',
  startPage: 'defaultStartPage',
} as const;
type SettingKey = keyof typeof settingColumns;

/**
 * PATCH /api/organization (Update on organization settings, checked by the route). In one
 * transaction, with the organization's row locked: every id must be the organization's, the
 * default role must be one a new member of the default user type may be given automatically
 * (the rules module's creationRoleRefusal, with no giver), and each default licence compatible
 * with the default user type; then the changed fields are written and audited once, before and
 * after. All refusals are reported together (400, one field error each); nothing is written.
 */
export async function updateOrganization(db: Db, auth: AuthContext, body: UpdateOrganizationBody, client: { ip: string }): Promise<OrganizationDefaults> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      include: { defaultGroups: { select: { groupId: true } }, defaultLicenses: { select: { licenseId: true } } },
    });
    const errors: FieldError[] = [];

    const roleId = body.defaultRoleId ?? org.defaultRoleId;
    const userTypeId = body.defaultUserTypeId ?? org.defaultUserTypeId;
    const groupIds = body.defaultGroupIds ? unique(body.defaultGroupIds) : org.defaultGroups.map((g) => g.groupId);
    const licenseIds = body.defaultLicenseIds ? unique(body.defaultLicenseIds) : org.defaultLicenses.map((l) => l.licenseId);
    const allowAdminAtCreation = body.allowAdminAtCreation ?? org.allowAdminAtCreation;

    const [roles, userType, groups, licenses] = await Promise.all([
      tx.role.findMany({ where: { organizationId }, select: { id: true, key: true, nameEn: true, nameFr: true, isAdministrator: true, privileges: { select: { area: true, level: true } } } }),
      userTypeId
        ? tx.userType.findFirst({
            where: { id: userTypeId, organizationId },
            select: { id: true, key: true, nameEn: true, nameFr: true, roles: { select: { roleId: true } }, licenses: { select: { licenseId: true } } },
          })
        : null,
      tx.group.findMany({ where: { organizationId, id: { in: unique([...groupIds, ...org.defaultGroups.map((g) => g.groupId)]) } }, select: { id: true, name: true } }),
      tx.license.findMany({ where: { organizationId, id: { in: unique([...licenseIds, ...org.defaultLicenses.map((l) => l.licenseId)]) } }, select: { id: true, name: true } }),
    ]);
    const role = roleId ? roles.find((r) => r.id === roleId) : undefined;

    if (body.defaultRoleId && !role) errors.push({ path: 'defaultRoleId', code: 'unknown_role', params: { value: body.defaultRoleId } });
    if (body.defaultUserTypeId && !userType) errors.push({ path: 'defaultUserTypeId', code: 'unknown_user_type', params: { value: body.defaultUserTypeId } });
    body.defaultGroupIds?.forEach((id, i) => {
      if (!groups.some((g) => g.id === id)) errors.push({ path: `defaultGroupIds.${i}`, code: 'unknown_group', params: { id } });
    });
    body.defaultLicenseIds?.forEach((id, i) => {
      if (!licenses.some((l) => l.id === id)) errors.push({ path: `defaultLicenseIds.${i}`, code: 'unknown_license', params: { id } });
    });

    // The defaults as they will be, checked with the shared rules: blamed on the field the
    // request changed (the role, else the user type; the licences, else the user type).
    if (role && userType) {
      const refusal = creationRoleRefusal(null, role, { compatibleRoleIds: userType.roles.map((r) => r.roleId) }, { allowAdminAtCreation });
      if (refusal) errors.push(roleError(body.defaultRoleId ? 'defaultRoleId' : 'defaultUserTypeId', refusal, role, userType, roles));
    }
    if (userType) {
      const compatible = { ...userType, compatibleLicenseIds: userType.licenses.map((l) => l.licenseId) };
      licenseIds.forEach((id) => {
        const licence = licenses.find((l) => l.id === id);
        if (!licence || typesRefusingLicence(id, [compatible]).length === 0) return;
        const at = body.defaultLicenseIds ? `defaultLicenseIds.${body.defaultLicenseIds.indexOf(id)}` : 'defaultUserTypeId';
        errors.push(incompatibleLicenseError(at, licence, [userType]));
      });
    }
    if (errors.length) throw new AppError(400, 'validation_failed', { params: { outcome: 'saved' }, errors });

    // What changes, for the write and for the audit event (changed fields only).
    const before: Record<string, Prisma.InputJsonValue | null> = {};
    const after: Record<string, Prisma.InputJsonValue | null> = {};
    const data: Prisma.OrganizationUncheckedUpdateInput = {};
    const change = (field: string, from: Prisma.InputJsonValue | null, to: Prisma.InputJsonValue | null) => {
      before[field] = from;
      after[field] = to;
    };
    const scalars = ['name', 'usernameFormat', 'allowAdminAtCreation', 'invitationTtlDays', 'autoRegisterOrgLogins'] as const;
    for (const field of scalars) {
      const value = body[field];
      if (value !== undefined && value !== org[field]) {
        change(field, org[field], value);
        (data as Record<string, unknown>)[field] = value;
      }
    }
    const roleName = (id: string | null) => {
      const r = id ? roles.find((x) => x.id === id) : undefined;
      return r ? { id: r.id, ...roleLabel(r) } : id;
    };
    if (body.defaultRoleId && body.defaultRoleId !== org.defaultRoleId) {
      change('defaultRole', roleName(org.defaultRoleId), roleName(body.defaultRoleId));
      data.defaultRoleId = body.defaultRoleId;
    }
    if (body.defaultUserTypeId && body.defaultUserTypeId !== org.defaultUserTypeId && userType) {
      const previous = org.defaultUserTypeId ? await tx.userType.findFirst({ where: { id: org.defaultUserTypeId, organizationId }, select: { id: true, key: true, nameEn: true, nameFr: true } }) : null;
      change('defaultUserType', previous ? { id: previous.id, ...roleLabel(previous) } : null, { id: userType.id, ...roleLabel(userType) });
      data.defaultUserTypeId = body.defaultUserTypeId;
    }
    if (body.allowedIdentityTypes) {
      const types = unique(body.allowedIdentityTypes);
      if (!sameSet(types, org.allowedIdentityTypes)) {
        change('allowedIdentityTypes', org.allowedIdentityTypes, types);
        data.allowedIdentityTypes = types;
      }
    }
    if (body.settings) {
      const from: Record<string, string> = {};
      const to: Record<string, string> = {};
      for (const key of Object.keys(settingColumns) as SettingKey[]) {
        const value = body.settings[key];
        const column = settingColumns[key];
        if (value !== undefined && value !== org[column]) {
          from[key] = org[column];
          to[key] = value;
          (data as Record<string, unknown>)[column] = value;
        }
      }
      if (Object.keys(to).length) change('settings', from, to);
    }
    const currentGroups = org.defaultGroups.map((g) => g.groupId);
    const groupsChanged = body.defaultGroupIds !== undefined && !sameSet(groupIds, currentGroups);
    if (groupsChanged) change('defaultGroups', namedList(currentGroups, groups), namedList(groupIds, groups));
    const currentLicenses = org.defaultLicenses.map((l) => l.licenseId);
    const licensesChanged = body.defaultLicenseIds !== undefined && !sameSet(licenseIds, currentLicenses);
    if (licensesChanged) change('defaultLicenses', namedList(currentLicenses, licenses), namedList(licenseIds, licenses));

    if (Object.keys(after).length === 0) return getOrganization(tx, organizationId);

    if (Object.keys(data).length) await tx.organization.update({ where: { id: organizationId }, data });
    if (groupsChanged) {
      await tx.organizationDefaultGroup.deleteMany({ where: { organizationId } });
      await tx.organizationDefaultGroup.createMany({ data: groupIds.map((groupId) => ({ organizationId, groupId })) });
    }
    if (licensesChanged) {
      await tx.organizationDefaultLicense.deleteMany({ where: { organizationId } });
      await tx.organizationDefaultLicense.createMany({ data: licenseIds.map((licenseId) => ({ organizationId, licenseId })) });
    }
    await audit(tx, {
      organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: 'organization.updated',
      targetType: 'organization',
      targetId: organizationId,
      targetLabel: org.slug,
      before,
      after,
      ip: client.ip,
    });
    return getOrganization(tx, organizationId);
  });
}
