import { Group, ItemsOf, License, MemberCategory, RoleDetail, UserType } from '@sesame/contracts';
import type { PrivilegeArea, PrivilegeLevel } from '@sesame/contracts';
import { authOf, type RouteAccess } from '../../lib/auth.ts';
import { commonProblems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

export async function referenceRoutes(app: App, deps: service.ReferenceDeps) {
  const tags = ['reference'];
  // Read by the members screens (View on members), the Add Members wizard (Update on manage
  // access: contacts add users directly) and the screens of the area each list belongs to.
  const readableWith = (...areas: PrivilegeArea[]): RouteAccess => ({
    privilege: ['members', 'view'],
    orPrivileges: [['manage_access', 'update'], ...areas.map((a): [PrivilegeArea, PrivilegeLevel] => [a, 'view'])],
  });
  app.get('/api/roles', {
    // The Roles page reads them with View on organization settings; the Licences page names
    // each user type's compatible roles with View on licences.
    config: readableWith('organization_settings', 'licenses'),
    schema: { operationId: 'listRoles', tags, response: { 200: ItemsOf(RoleDetail), ...commonProblems } },
    handler: async (req) => ({ items: await service.listRoles(deps, authOf(req)) }),
  });
  app.get('/api/user-types', {
    // The Roles page names the user types each role suits (View on organization settings).
    config: readableWith('licenses', 'organization_settings'),
    schema: { operationId: 'listUserTypes', tags, response: { 200: ItemsOf(UserType), ...commonProblems } },
    handler: async (req) => ({ items: await service.listUserTypes(deps, authOf(req)) }),
  });
  app.get('/api/licenses', {
    config: readableWith('licenses'),
    schema: { operationId: 'listLicenses', tags, response: { 200: ItemsOf(License), ...commonProblems } },
    handler: async (req) => ({ items: await service.listLicenses(deps, authOf(req)) }),
  });
  app.get('/api/groups', {
    config: readableWith('groups'),
    schema: { operationId: 'listGroups', tags, response: { 200: ItemsOf(Group), ...commonProblems } },
    handler: async (req) => ({ items: await service.listGroups(deps, authOf(req)) }),
  });
  app.get('/api/groups/owned', {
    schema: {
      operationId: 'listOwnedGroups',
      tags: ['groups'],
      description: 'The groups the signed-in member owns, as GET /api/groups lists them; any signed-in member (a group’s owner manages its members without View on groups).',
      response: { 200: ItemsOf(Group), ...commonProblems },
    },
    handler: async (req) => ({ items: await service.listGroups(deps, authOf(req), { ownedBy: authOf(req).memberId }) }),
  });
  app.get('/api/member-categories', {
    config: readableWith('groups'),
    schema: { operationId: 'listMemberCategories', tags, response: { 200: ItemsOf(MemberCategory), ...commonProblems } },
    handler: async (req) => ({ items: await service.listCategories(deps, authOf(req)) }),
  });
}
