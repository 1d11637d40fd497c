import { z } from 'zod';
import {
  AccessRequest,
  AlreadyDecidedProblem,
  AccessRequestAccepted,
  AccessRequestCount,
  AccessRequestIdParams,
  AccessRequestList,
  AccessRequestListQuery,
  AccessRequestPublicStatus,
  AccessRequestTokenParams,
  ConfirmAccessRequestBody,
  CreateAccessRequestBody,
  DenyAccessRequestBody,
  GrantAccessRequestBody,
  GrantOptions,
  Member,
  Problem,
} from '@sesame/contracts';
import type { FastifyRequest } from 'fastify';
import { authOf } from '../../lib/auth.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import * as queue from './queue.ts';
import * as service from './service.ts';

export async function accessRequestRoutes(app: App, deps: service.AccessRequestDeps) {
  const tags = ['access-requests'];
  const info = (req: FastifyRequest) => ({ ip: req.ip, baseUrl: publicBaseUrl(deps.config, req) });
  // 409: `already_decided` (who decided and when) or `conflict` (not confirmed yet, username just taken).
  const decideProblems = { ...commonProblems, 404: Problem, 409: z.union([AlreadyDecidedProblem, Problem]) };

  app.post('/api/access-requests', {
    config: { public: true },
    schema: {
      operationId: 'createAccessRequest',
      tags,
      description:
        'Public request form. Always 202 (whether or not the organization exists); a confirmation link is emailed and the request reaches the contacts only once confirmed. Repeated requests from one address are merged. Rate-limited per IP and per email.',
      body: CreateAccessRequestBody,
      response: { 202: AccessRequestAccepted, ...problems(400, 429) },
    },
    handler: async (req, reply) => reply.status(202).send(await service.submitAccessRequest(deps, req.body, info(req))),
  });

  app.post('/api/access-requests/confirm', {
    config: { public: true },
    schema: {
      operationId: 'confirmAccessRequest',
      tags,
      description: 'Confirms the requester’s email (token: last path segment of the emailed link). Approved domains are granted at once.',
      body: ConfirmAccessRequestBody,
      response: { 200: AccessRequestPublicStatus, ...problems(400, 404) },
    },
    handler: (req) => service.confirmAccessRequest(deps, req.body.token, info(req)),
  });

  app.get('/api/access-requests/status/:token', {
    config: { public: true },
    schema: { operationId: 'getAccessRequestStatus', tags, description: 'What the requester sees from their link.', params: AccessRequestTokenParams, response: { 200: AccessRequestPublicStatus, ...problems(400, 404) } },
    handler: (req) => service.accessRequestStatus(deps, req.params.token),
  });

  app.get('/api/access-requests', {
    config: { privilege: ['manage_access', 'view'] },
    schema: { operationId: 'listAccessRequests', tags, description: 'Contacts with View on manage access.', querystring: AccessRequestListQuery, response: { 200: AccessRequestList, ...commonProblems } },
    handler: (req) => queue.listAccessRequests(deps, authOf(req), req.query),
  });

  app.get('/api/access-requests/count', {
    config: { privilege: ['manage_access', 'view'] },
    schema: { operationId: 'countPendingAccessRequests', tags, description: 'Pending requests, for the navigation badge.', response: { 200: AccessRequestCount, ...commonProblems } },
    handler: (req) => queue.countPending(deps, authOf(req)),
  });

  app.get('/api/access-requests/grant-options', {
    config: { privilege: ['manage_access', 'view'] },
    schema: { operationId: 'getAccessRequestGrantOptions', tags, description: 'What the grant form offers, with the organization’s defaults.', response: { 200: GrantOptions, ...commonProblems } },
    handler: (req) => queue.grantOptions(deps, authOf(req)),
  });

  app.get('/api/access-requests/:id', {
    config: { privilege: ['manage_access', 'view'] },
    schema: { operationId: 'getAccessRequest', tags, params: AccessRequestIdParams, response: { 200: AccessRequest, ...commonProblems, 404: Problem } },
    handler: (req) => queue.getAccessRequest(deps, authOf(req), req.params.id),
  });

  app.post('/api/access-requests/:id/grant', {
    config: { privilege: ['manage_access', 'update'] },
    schema: {
      operationId: 'grantAccessRequest',
      tags,
      description: 'Creates the member (pending) and emails them an activation link. 409 when already decided, naming who decided and when.',
      params: AccessRequestIdParams,
      body: GrantAccessRequestBody,
      response: { 200: Member, ...decideProblems },
    },
    handler: (req) => queue.grant(deps, authOf(req), req.params.id, req.body, info(req)),
  });

  app.post('/api/access-requests/:id/deny', {
    config: { privilege: ['manage_access', 'update'] },
    schema: {
      operationId: 'denyAccessRequest',
      tags,
      description: 'A reason is required (400 without); it is emailed to the requester. 409 when already decided.',
      params: AccessRequestIdParams,
      body: DenyAccessRequestBody,
      response: { 200: AccessRequest, ...decideProblems },
    },
    handler: (req) => queue.deny(deps, authOf(req), req.params.id, req.body, info(req)),
  });
}
