import { DeleteCategoryResponse, MemberCategory, MemberCategoryBody, ReferenceIdParams } from '@sesame/contracts';
import { authOf, type RouteAccess } from '../../lib/auth.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

/**
 * Member categories (PRODUCT.md: a label from an organization-defined list, at most 20 per
 * member), listed by the reference routes (GET /api/member-categories); created, renamed and deleted with Update on groups and categories.
 */
export async function categoryRoutes(app: App, deps: service.CategoryDeps) {
  const tags = ['reference'];
  const write: RouteAccess = { privilege: ['groups', 'update'] };

  app.post('/api/member-categories', {
    config: write,
    schema: {
      operationId: 'createMemberCategory',
      tags,
      description: 'Creates a member category (Update on groups and categories). Names are unique whatever their case: 409 `name_taken`.',
      body: MemberCategoryBody,
      response: { 201: MemberCategory, ...commonProblems, ...problems(409) },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createCategory(deps, authOf(req), req.body, { ip: req.ip })),
  });
  app.patch('/api/member-categories/:id', {
    config: write,
    schema: {
      operationId: 'renameMemberCategory',
      tags,
      description: 'Renames a member category; its members keep it.',
      params: ReferenceIdParams,
      body: MemberCategoryBody,
      response: { 200: MemberCategory, ...commonProblems, ...problems(404, 409) },
    },
    handler: (req) => service.renameCategory(deps, authOf(req), req.params.id, req.body, { ip: req.ip }),
  });
  app.delete('/api/member-categories/:id', {
    config: write,
    schema: {
      operationId: 'deleteMemberCategory',
      tags,
      description: 'Deletes a member category and removes it from every member who has it (answers how many).',
      params: ReferenceIdParams,
      response: { 200: DeleteCategoryResponse, ...commonProblems, ...problems(404) },
    },
    handler: (req) => service.deleteCategory(deps, authOf(req), req.params.id, { ip: req.ip }),
  });
}
