import { present } from './present.ts';
import type { Prisma } from './generated/prisma/client.ts';
import type { IdentityType, PrivilegeArea, PrivilegeLevel } from './generated/prisma/enums.ts';

type Levels = Partial<Record<PrivilegeArea, PrivilegeLevel>>;

const allUpdate: Levels = {
  manage_access: 'update',
  members: 'update',
  licenses: 'update',
  groups: 'update',
  content: 'update',
  reporting: 'update',
  contact_updates: 'update',
  organization_settings: 'update',
  contact_update_preview: 'view',
  account_documents: 'view',
};

/** Built-in roles, expressed as per-area levels. */
export const builtInRoles: { key: string; nameEn: string; nameFr: string; isAdministrator?: boolean; levels: Levels }[] = [
  { key: 'viewer', nameEn: 'Viewer', nameFr: 'Lecteur', levels: { content: 'view' } },
  { key: 'data_editor', nameEn: 'Data Editor', nameFr: 'Éditeur de données', levels: { content: 'update' } },
  { key: 'user', nameEn: 'User', nameFr: 'Utilisateur', levels: { content: 'update', groups: 'view', members: 'view' } },
  {
    key: 'publisher',
    nameEn: 'Publisher',
    nameFr: 'Éditeur',
    levels: { content: 'update', groups: 'update', members: 'view', reporting: 'view' },
  },
  { key: 'administrator', nameEn: 'Administrator', nameFr: 'Administrateur', isAdministrator: true, levels: allUpdate },
];

const allRoles = ['viewer', 'data_editor', 'user', 'publisher', 'administrator'];

export const builtInUserTypes: { key: string; nameEn: string; nameFr: string; roles: string[]; seatLimit?: number }[] = [
  { key: 'viewer', nameEn: 'Viewer', nameFr: 'Lecteur', roles: ['viewer'] },
  { key: 'contributor', nameEn: 'Contributor', nameFr: 'Contributeur', roles: ['viewer', 'data_editor'] },
  { key: 'mobile_worker', nameEn: 'Mobile Worker', nameFr: 'Travailleur mobile', roles: ['viewer', 'data_editor', 'user'] },
  { key: 'creator', nameEn: 'Creator', nameFr: 'Créateur', roles: allRoles },
  { key: 'professional', nameEn: 'Professional', nameFr: 'Professionnel', roles: allRoles },
  { key: 'professional_plus', nameEn: 'Professional Plus', nameFr: 'Professionnel Plus', roles: allRoles },
];

/** New members get the User role and the Creator type unless the organization says otherwise; its first administrator, Professional Plus. */
export const DEFAULT_ROLE_KEY = 'user';
export const DEFAULT_USER_TYPE_KEY = 'creator';
export const ADMINISTRATOR_USER_TYPE_KEY = 'professional_plus';

export type NewOrganization = {
  slug: string;
  name: string;
  allowedIdentityTypes?: IdentityType[];
  namedUserLimit?: number | null;
  /**
   * The first administrator: a built-in member with the Administrator role, the organization's
   * primary contact. Active with a password hash, or pending (no hash) until they activate an
   * invitation.
   */
  administrator: {
    username: string;
    email: string;
    firstName: string;
    lastName: string;
    passwordHash: string | null;
    mustChangePassword?: boolean;
  };
};

export type CreatedOrganization = {
  organizationId: string;
  adminId: string;
  /** Ids of the built-in roles and user types, by key. */
  roles: Map<string, string>;
  userTypes: Map<string, string>;
};

/**
 * Creates an organization as every way in makes it (first-run setup, the command line, the
 * demo seed): the built-in roles and user types, the default role and user type, and its first
 * administrator as primary contact; nothing else (no licences, groups or other members).
 * Runs in the caller's transaction; a taken slug fails on the unique index (Prisma P2002).
 */
export async function createOrganization(tx: Prisma.TransactionClient, input: NewOrganization): Promise<CreatedOrganization> {
  const org = await tx.organization.create({
    data: {
      slug: input.slug,
      name: input.name,
      ...(input.allowedIdentityTypes ? { allowedIdentityTypes: input.allowedIdentityTypes } : {}),
      namedUserLimit: input.namedUserLimit ?? null,
    },
    select: { id: true },
  });
  const organizationId = org.id;

  const roles = new Map<string, string>();
  for (const r of builtInRoles) {
    const role = await tx.role.create({
      data: {
        organizationId,
        key: r.key,
        nameEn: r.nameEn,
        nameFr: r.nameFr,
        builtIn: true,
        isAdministrator: r.isAdministrator ?? false,
        privileges: { create: Object.entries(r.levels).map(([area, level]) => ({ area: area as PrivilegeArea, level: level as PrivilegeLevel })) },
      },
      select: { id: true },
    });
    roles.set(r.key, role.id);
  }

  const userTypes = new Map<string, string>();
  for (const ut of builtInUserTypes) {
    const created = await tx.userType.create({
      data: {
        organizationId,
        key: ut.key,
        nameEn: ut.nameEn,
        nameFr: ut.nameFr,
        seatLimit: ut.seatLimit ?? null,
        roles: { create: ut.roles.map((k) => ({ roleId: present(roles.get(k), 'roles.get(k)') })) },
      },
      select: { id: true },
    });
    userTypes.set(ut.key, created.id);
  }

  await tx.organization.update({
    where: { id: organizationId },
    data: { defaultRoleId: roles.get(DEFAULT_ROLE_KEY), defaultUserTypeId: userTypes.get(DEFAULT_USER_TYPE_KEY) },
  });

  const a = input.administrator;
  const active = a.passwordHash !== null;
  const admin = await tx.member.create({
    data: {
      organizationId,
      username: a.username,
      firstName: a.firstName,
      lastName: a.lastName,
      email: a.email,
      identityType: 'builtin',
      roleId: present(roles.get('administrator'), 'the administrator role'),
      userTypeId: present(userTypes.get(ADMINISTRATOR_USER_TYPE_KEY), 'userTypes.get(ADMINISTRATOR_USER_TYPE_KEY)'),
      status: active ? 'active' : 'pending',
      passwordHash: a.passwordHash,
      mustChangePassword: active ? (a.mustChangePassword ?? false) : false,
      activatedAt: active ? new Date() : null,
    },
    select: { id: true },
  });
  await tx.organizationContact.create({ data: { organizationId, memberId: admin.id, kind: 'primary' } });
  return { organizationId, adminId: admin.id, roles, userTypes };
}

/** True when a Prisma error is the unique index on Organization.slug. */
export function isSlugTaken(error: unknown): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code !== 'P2002') return false;
  const text = JSON.stringify(e.meta ?? {});
  return text.includes('slug');
}
