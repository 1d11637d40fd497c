import { MemberListQuery, MemberListResponse } from '@sesame/contracts';
import { authOf } from '../../lib/auth.ts';
import { commonProblems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

export async function memberRoutes(app: App, deps: service.MembersDeps) {
  const tags = ['members'];
  app.get('/api/members', {
    config: { privilege: ['members', 'view'] },
    schema: { operationId: 'listMembers', tags, querystring: MemberListQuery, response: { 200: MemberListResponse, ...commonProblems } },
    handler: (req) => service.listMembers(deps, authOf(req), req.query),
  });
}
