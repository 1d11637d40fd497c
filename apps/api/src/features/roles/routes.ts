import { CreateRoleBody, DeleteRoleResponse, ReferenceIdParams, RoleDetail, UpdateRoleBody } from '@sesame/contracts';
import { authOf, type RouteAccess } from '../../lib/auth.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

/**
 * Custom roles (issue 15): listed by the reference routes (GET /api/roles); created, changed
 * and deleted with Update on organization settings, never with levels above the caller's own.
 */
export async function roleRoutes(app: App, deps: service.RoleDeps) {
  const tags = ['roles'];
  const write: RouteAccess = { privilege: ['organization_settings', 'update'] };
  const client = (req: { ip: string }) => ({ ip: req.ip });

  app.post('/api/roles', {
    config: write,
    schema: {
      operationId: 'createRole',
      tags,
      description:
        'Creates a custom role from a name (unique in either language whatever its case: 409 `name_taken`), a level per area (View-only areas: at most View) and the user types it suits. Levels above the caller’s own are refused (403, reason `levels_above_own`) unless the caller is an administrator.',
      body: CreateRoleBody,
      response: { 201: RoleDetail, ...commonProblems, ...problems(409) },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createRole(deps, authOf(req), req.body, client(req))),
  });
  app.patch('/api/roles/:id', {
    config: write,
    schema: {
      operationId: 'updateRole',
      tags,
      description:
        'Renames a custom role, changes its levels (its members’ privileges change at once) or the user types it suits (not one whose members hold it: 409 `compatibility_in_use`). Built-in roles: 409 `built_in_role`.',
      params: ReferenceIdParams,
      body: UpdateRoleBody,
      response: { 200: RoleDetail, ...commonProblems, ...problems(404, 409) },
    },
    handler: (req) => service.updateRole(deps, authOf(req), req.params.id, req.body, client(req)),
  });
  app.delete('/api/roles/:id', {
    config: write,
    schema: {
      operationId: 'deleteRole',
      tags,
      description: 'Deletes a custom role. While members hold it, or while it is the default role for new members: 409 `role_in_use` with how many. Built-in roles: 409 `built_in_role`.',
      params: ReferenceIdParams,
      response: { 200: DeleteRoleResponse, ...commonProblems, ...problems(404, 409) },
    },
    handler: (req) => service.deleteRole(deps, authOf(req), req.params.id, client(req)),
  });
}
