import { CreateGroupBody, GroupDetail, MemberIdsBody, MemberPage, MemberPageQuery, MembershipChange, ReferenceIdParams, UpdateGroupBody } from '@sesame/contracts';
import { z } from 'zod';
import { authOf, type RouteAccess } from '../../lib/auth.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import { changeGroupMembers, listGroupCandidates } from './memberships.ts';
import * as service from './service.ts';

const DeleteGroupResponse = z.object({ id: z.string(), name: z.string(), membersRemoved: z.number().int() });

/**
 * Groups (issue 15): listed by the reference routes (GET /api/groups); created, changed
 * and deleted with Update on groups and categories; a group's members are also managed by its
 * owner, whatever their levels (the service checks it, so these routes only need a session).
 */
export async function groupRoutes(app: App, deps: service.GroupDeps) {
  const tags = ['groups'];
  const write: RouteAccess = { privilege: ['groups', 'update'] };
  const client = (req: { ip: string }) => ({ ip: req.ip });

  app.post('/api/groups', {
    config: write,
    schema: {
      operationId: 'createGroup',
      tags,
      description: 'Creates a group (Update on groups and categories); its owner is the creator unless `ownerId` names an active member. Names are unique whatever their case (409 `name_taken`).',
      body: CreateGroupBody,
      response: { 201: GroupDetail, ...commonProblems, ...problems(409) },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createGroup(deps, authOf(req), req.body, client(req))),
  });
  app.get('/api/groups/:id', {
    schema: {
      operationId: 'getGroup',
      tags,
      description: 'A group: View on groups and categories or on members, Update on manage access, or its owner.',
      params: ReferenceIdParams,
      response: { 200: GroupDetail, ...commonProblems, ...problems(404) },
    },
    handler: (req) => service.getGroup(deps, authOf(req), req.params.id),
  });
  app.patch('/api/groups/:id', {
    config: write,
    schema: {
      operationId: 'updateGroup',
      tags,
      description: 'Renames a group, changes its description or owner, or marks it as a default group for new members.',
      params: ReferenceIdParams,
      body: UpdateGroupBody,
      response: { 200: GroupDetail, ...commonProblems, ...problems(404, 409) },
    },
    handler: (req) => service.updateGroup(deps, authOf(req), req.params.id, req.body, client(req)),
  });
  app.delete('/api/groups/:id', {
    config: write,
    schema: {
      operationId: 'deleteGroup',
      tags,
      description: 'Deletes a group: its memberships go, content is not touched.',
      params: ReferenceIdParams,
      response: { 200: DeleteGroupResponse, ...commonProblems, ...problems(404) },
    },
    handler: (req) => service.deleteGroup(deps, authOf(req), req.params.id, client(req)),
  });
  app.get('/api/groups/:id/members', {
    schema: {
      operationId: 'listGroupMembers',
      tags,
      description: 'The group’s members in username order, searched by part of a name, username or email; `cursor` is the last username of the previous page.',
      params: ReferenceIdParams,
      querystring: MemberPageQuery,
      response: { 200: MemberPage, ...commonProblems, ...problems(404) },
    },
    handler: (req) => service.listGroupMembers(deps, authOf(req), req.params.id, req.query),
  });
  app.get('/api/groups/:id/candidates', {
    schema: {
      operationId: 'listGroupCandidates',
      tags,
      description: 'The organization’s members who are not in the group, searched and paged as its members, for choosing whom to add. Update on groups and categories, or the group’s owner.',
      params: ReferenceIdParams,
      querystring: MemberPageQuery,
      response: { 200: MemberPage, ...commonProblems, ...problems(404) },
    },
    handler: (req) => listGroupCandidates(deps, authOf(req), req.params.id, req.query),
  });
  for (const op of ['add', 'remove'] as const) {
    app.post(op === 'add' ? '/api/groups/:id/members' : '/api/groups/:id/members/remove', {
      schema: {
        operationId: op === 'add' ? 'addGroupMembers' : 'removeGroupMembers',
        tags,
        description: `${op === 'add' ? 'Adds' : 'Removes'} members (all or nothing: every id must be a member of the organization). Update on groups and categories, or the group’s owner.`,
        params: ReferenceIdParams,
        body: MemberIdsBody,
        response: { 200: MembershipChange, ...commonProblems, ...problems(404) },
      },
      handler: (req) => changeGroupMembers(deps, authOf(req), req.params.id, req.body, op, client(req)),
    });
  }
}
