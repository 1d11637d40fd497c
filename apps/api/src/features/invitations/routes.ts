import { z } from 'zod';
import { AcceptInvitationBody, InvitationDetails, InvitationSent, OkResponse, Problem, SignInResponse } from '@sesame/contracts';
import { authOf, SESSION_COOKIE, sessionCookieOptions } from '../../lib/auth.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

const TokenParams = z.object({ token: z.string().min(20).max(200) });
const MemberParams = z.object({ id: z.uuid('Member id must be a UUID') });

export async function invitationRoutes(app: App, deps: service.InvitationDeps) {
  const tags = ['invitations'];

  app.get('/api/invitations/:token', {
    config: { public: true },
    schema: { operationId: 'getInvitation', tags, params: TokenParams, response: { 200: InvitationDetails, ...problems(400, 404, 410) } },
    handler: (req) => service.getInvitation(deps, req.params.token),
  });

  app.post('/api/invitations/:token/accept', {
    config: { public: true },
    schema: {
      operationId: 'acceptInvitation',
      tags,
      params: TokenParams,
      body: AcceptInvitationBody,
      response: { 200: SignInResponse, ...problems(400, 404, 410) },
    },
    handler: async (req, reply) => {
      const { sessionToken, response } = await service.acceptInvitation(deps, req.params.token, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        baseUrl: publicBaseUrl(deps.config, req),
      });
      reply.setCookie(SESSION_COOKIE, sessionToken, sessionCookieOptions(deps.config, req));
      return response;
    },
  });

  app.post('/api/members/:id/invitation/resend', {
    schema: { operationId: 'resendInvitation', tags, params: MemberParams, response: { 200: InvitationSent, ...commonProblems, 404: Problem, 409: Problem } },
    handler: (req) => service.resendInvitation(deps, authOf(req), req.params.id, { ip: req.ip, baseUrl: publicBaseUrl(deps.config, req) }),
  });

  app.delete('/api/members/:id/invitation', {
    schema: { operationId: 'revokeInvitation', tags, params: MemberParams, response: { 200: OkResponse, ...commonProblems, 404: Problem } },
    handler: async (req) => {
      await service.revokeInvitation(deps, authOf(req), req.params.id, { ip: req.ip });
      return { ok: true as const };
    },
  });
}
