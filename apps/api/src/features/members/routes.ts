import { MemberListQuery, MemberListResponse, MembersBatchBody, MembersBatchResponse, Problem, UsernameSuggestion, UsernameSuggestionQuery } from '@sesame/contracts';
import { authOf } from '../../lib/auth.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';
import { commonProblems, type App } from '../../lib/route-types.ts';
import { createMembersBatch, type BatchDeps } from './batch.ts';
import * as service from './service.ts';
import { suggestUsername } from './suggest.ts';

export async function memberRoutes(app: App, deps: BatchDeps) {
  const tags = ['members'];
  app.get('/api/members', {
    config: { privilege: ['members', 'view'] },
    schema: { operationId: 'listMembers', tags, querystring: MemberListQuery, response: { 200: MemberListResponse, ...commonProblems } },
    handler: (req) => service.listMembers(deps, authOf(req), req.query),
  });

  app.get('/api/members/username-suggestion', {
    config: { privilege: ['members', 'view'] },
    schema: { operationId: 'suggestUsername', tags, querystring: UsernameSuggestionQuery, response: { 200: UsernameSuggestion, ...commonProblems } },
    handler: (req) => suggestUsername(deps.db, authOf(req), req.query),
  });

  app.post('/api/members/batch', {
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      operationId: 'createMembersBatch',
      tags,
      description: 'The Add Members wizard’s final step: creates every member or none.',
      body: MembersBatchBody,
      response: { 201: MembersBatchResponse, ...commonProblems, 409: Problem },
    },
    handler: async (req, reply) => {
      const result = await createMembersBatch(deps, authOf(req), req.body, { ip: req.ip, baseUrl: publicBaseUrl(deps.config, req) });
      return reply.status(201).send(result);
    },
  });
}
