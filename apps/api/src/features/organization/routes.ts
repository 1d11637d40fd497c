import { OrganizationDefaults, UpdateOrganizationBody } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { authOf } from '../../lib/auth.ts';
import { commonProblems, type App } from '../../lib/route-types.ts';
import { getOrganization, updateOrganization } from './service.ts';

/**
 * The organization's defaults for new members, read by the Add Members wizard. They include
 * settings (named-user limit and member count, identity types, Administrator at creation), so
 * they open to those who add members (Update on manage access or on members, as the batch
 * and the import require) and to View on organization settings; every member reads the
 * organization's name from GET /api/auth/me.
 */
export async function organizationRoutes(app: App, { db }: { db: Db }) {
  const tags = ['organization'];

  app.get('/api/organization', {
    config: { privilege: ['manage_access', 'update'], orPrivileges: [['members', 'update'], ['organization_settings', 'view']] },
    schema: {
      operationId: 'getOrganization',
      tags,
      description: 'Defaults and limits for adding members: Update on manage access or on members, or View on organization settings.',
      response: { 200: OrganizationDefaults, ...commonProblems },
    },
    handler: (req) => getOrganization(db, authOf(req).organizationId),
  });

  app.patch('/api/organization', {
    config: { privilege: ['organization_settings', 'update'] },
    schema: {
      operationId: 'updateOrganization',
      tags,
      description:
        'Changes the organization settings an administrator may change (Update on organization settings); answers the settings as GET does. ' +
        'Ids must be the organization’s; the default role must suit the default user type and each default licence be compatible with it.',
      body: UpdateOrganizationBody,
      response: { 200: OrganizationDefaults, ...commonProblems },
    },
    handler: (req) => updateOrganization(db, authOf(req), req.body, { ip: req.ip }),
  });
}
