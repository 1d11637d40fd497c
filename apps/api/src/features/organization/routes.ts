import { OrganizationDefaults } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { authOf } from '../../lib/auth.ts';
import { commonProblems, type App } from '../../lib/route-types.ts';

/**
 * The organization's defaults for new members, read by the Add Members wizard. They include
 * settings (named-user limit and member count, identity types, Administrator at creation), so
 * they open to those who add members (Update on manage access or on members, as the batch
 * and the import require) and to View on organization settings; every member reads the
 * organization's name from GET /api/auth/me.
 */
export async function organizationRoutes(app: App, { db }: { db: Db }) {
  app.get('/api/organization', {
    config: { privilege: ['manage_access', 'update'], orPrivileges: [['members', 'update'], ['organization_settings', 'view']] },
    schema: {
      operationId: 'getOrganization',
      tags: ['organization'],
      description: 'Defaults and limits for adding members: Update on manage access or on members, or View on organization settings.',
      response: { 200: OrganizationDefaults, ...commonProblems },
    },
    handler: async (req) => {
      const { organizationId } = authOf(req);
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
    },
  });
}
