import { Group, ItemsOf, License, MemberCategory, Role, UserType } from '@sesame/contracts';
import { authOf } from '../../lib/auth.ts';
import { commonProblems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

export async function referenceRoutes(app: App, deps: service.ReferenceDeps) {
  const tags = ['reference'];
  const config = { privilege: ['members', 'view'] as ['members', 'view'] };
  app.get('/api/roles', {
    config,
    schema: { operationId: 'listRoles', tags, response: { 200: ItemsOf(Role), ...commonProblems } },
    handler: async (req) => ({ items: await service.listRoles(deps, authOf(req)) }),
  });
  app.get('/api/user-types', {
    config,
    schema: { operationId: 'listUserTypes', tags, response: { 200: ItemsOf(UserType), ...commonProblems } },
    handler: async (req) => ({ items: await service.listUserTypes(deps, authOf(req)) }),
  });
  app.get('/api/licenses', {
    config,
    schema: { operationId: 'listLicenses', tags, response: { 200: ItemsOf(License), ...commonProblems } },
    handler: async (req) => ({ items: await service.listLicenses(deps, authOf(req)) }),
  });
  app.get('/api/groups', {
    config,
    schema: { operationId: 'listGroups', tags, response: { 200: ItemsOf(Group), ...commonProblems } },
    handler: async (req) => ({ items: await service.listGroups(deps, authOf(req)) }),
  });
  app.get('/api/member-categories', {
    config,
    schema: { operationId: 'listMemberCategories', tags, response: { 200: ItemsOf(MemberCategory), ...commonProblems } },
    handler: async (req) => ({ items: await service.listCategories(deps, authOf(req)) }),
  });
}
