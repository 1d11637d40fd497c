import { z } from 'zod';
import { OkResponse, OwnsContentProblem, BulkMembersBody, BulkMembersResponse, UpdateMemberBody, DeleteMemberResponse, Member, MemberDetail, MemberIdParams, ResetPasswordResponse, TransferOwnershipBody, TransferOwnershipResponse, MemberListQuery, MemberExportQuery, MemberDirectoryResponse, DirectoryMember, MembersBatchBody, MembersBatchResponse, Problem, UsernameSuggestion, UsernameSuggestionQuery } from '@sesame/contracts';
import { authOf } from '../../lib/auth.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';
import { commonProblems, RawFile, problems, type App } from '../../lib/route-types.ts';
import { createMembersBatch, type BatchDeps } from './batch.ts';
import * as service from './service.ts';
import { suggestUsername } from './suggest.ts';
import * as manage from './manage.ts';
import { updateMember } from './update.ts';
import { bulkMembers } from './bulk.ts';
import { exportMembers } from './export.ts';
import { prefersFrench } from '../../lib/problem-language.ts';
import { getThumbnail, setThumbnail, THUMBNAIL_MAX_BYTES } from './thumbnail.ts';

export async function memberRoutes(app: App, deps: BatchDeps) {
  const tags = ['members'];
  // Every member may list and read members; what they see follows who sees whom (visibility.ts).
  app.get('/api/members', {
    schema: {
      operationId: 'listMembers',
      tags,
      description:
        'With View on members, every item is a full Member. Without it (who sees whom), the caller’s own record is a Member and the others, whose profile is visible to the organization, are DirectoryMember (name and picture); private profiles are left out, the search ignores emails, and filters or sorts on administrative fields are refused (403).',
      querystring: MemberListQuery,
      response: { 200: MemberDirectoryResponse, ...commonProblems },
    },
    handler: (req) => service.listMembers(deps, authOf(req), req.query),
  });

  app.get('/api/members/export.csv', {
    config: { privilege: ['members', 'view'] },
    schema: {
      operationId: 'exportMembers',
      tags,
      description:
        'The members list as a CSV file (UTF-8 with a BOM, CRLF): the same filters and order as GET /api/members, every matching member (no paging), the chosen columns, headers and labels in `lang`; `;`-separated in French and `,` in English unless `delimiter` says otherwise. Cells that a spreadsheet would run as a formula start with an apostrophe. Audited as members.exported.',
      querystring: MemberExportQuery,
      produces: ['text/csv'],
      response: { 200: RawFile, ...commonProblems },
    },
    handler: async (req, reply) => {
      const file = exportMembers(deps, authOf(req), req.query, prefersFrench(req.headers['accept-language']), req.ip);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
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

  const info = (req: Parameters<typeof publicBaseUrl>[1]) => ({ ip: req.ip, baseUrl: publicBaseUrl(deps.config, req) });
  const withProblems = { ...commonProblems, 404: Problem, 409: Problem };

  // Pictures arrive as the raw image body; the service checks the bytes, not the header.
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: THUMBNAIL_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.put('/api/members/:id/thumbnail', {
    bodyLimit: THUMBNAIL_MAX_BYTES,
    schema: {
      operationId: 'setMemberThumbnail',
      tags,
      description: 'The raw image as the body (PNG, JPEG, WebP or GIF; at most 1 MiB).',
      consumes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
      body: RawFile,
      params: MemberIdParams,
      response: { 200: OkResponse, ...withProblems, 413: Problem, 415: Problem },
    },
    handler: async (req) => {
      await setThumbnail(deps.db, authOf(req), req.params.id, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.ip);
      return { ok: true as const };
    },
  });

  app.delete('/api/members/:id/thumbnail', {
    schema: { operationId: 'deleteMemberThumbnail', tags, params: MemberIdParams, response: { 200: OkResponse, ...withProblems } },
    handler: async (req) => {
      await setThumbnail(deps.db, authOf(req), req.params.id, null, req.ip);
      return { ok: true as const };
    },
  });

  app.get('/api/members/:id/thumbnail', {
    schema: { operationId: 'getMemberThumbnail', tags, params: MemberIdParams, produces: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'], response: { 200: RawFile, ...commonProblems, ...problems(404) } },
    handler: async (req, reply) => {
      const { data, type } = await getThumbnail(deps.db, authOf(req), req.params.id);
      return reply.type(type).header('cache-control', 'private, max-age=60').header('content-security-policy', "default-src 'none'").send(data);
    },
  });

  app.post('/api/members/bulk', {
    config: { privilege: ['members', 'update'] },
    schema: {
      operationId: 'bulkMembers',
      tags,
      description: 'Disable, enable, delete or change the role of selected members; each one under the single action’s rules.',
      body: BulkMembersBody,
      response: { 200: BulkMembersResponse, ...commonProblems },
    },
    handler: (req) => bulkMembers(deps, authOf(req), req.body, info(req)),
  });

  app.get('/api/members/:id', {
    schema: {
      operationId: 'getMember',
      tags,
      description: 'The full MemberDetail with View on members or for one’s own record; otherwise a DirectoryMember (name and picture), or 404 for a private profile.',
      params: MemberIdParams,
      response: { 200: z.union([MemberDetail, DirectoryMember]), ...withProblems },
    },
    handler: (req) => manage.viewMember(deps, authOf(req), req.params.id),
  });

  app.patch('/api/members/:id', {
    schema: {
      operationId: 'updateMember',
      tags,
      description: 'Saves profile, settings, role, user type, licences (full set), groups and categories at once.',
      params: MemberIdParams,
      body: UpdateMemberBody,
      response: { 200: MemberDetail, ...withProblems },
    },
    handler: (req) => updateMember(deps, authOf(req), req.params.id, req.body, info(req)),
  });

  app.post('/api/members/:id/reset-password', {
    schema: {
      operationId: 'resetMemberPassword',
      tags,
      description: 'Administrators only; built-in members only. Ends every session of the member.',
      params: MemberIdParams,
      response: { 200: ResetPasswordResponse, ...withProblems },
    },
    handler: (req) => manage.resetPassword(deps, authOf(req), req.params.id, info(req)),
  });

  app.post('/api/members/:id/disable', {
    schema: { operationId: 'disableMember', tags, params: MemberIdParams, response: { 200: Member, ...withProblems } },
    handler: (req) => manage.setDisabled(deps, authOf(req), req.params.id, true, info(req)),
  });

  app.post('/api/members/:id/enable', {
    schema: { operationId: 'enableMember', tags, params: MemberIdParams, response: { 200: Member, ...withProblems } },
    handler: (req) => manage.setDisabled(deps, authOf(req), req.params.id, false, info(req)),
  });

  app.post('/api/members/:id/transfer-ownership', {
    schema: {
      operationId: 'transferOwnership',
      tags,
      params: MemberIdParams,
      body: TransferOwnershipBody,
      response: { 200: TransferOwnershipResponse, ...withProblems },
    },
    handler: (req) => manage.transferOwnership(deps, authOf(req), req.params.id, req.body, info(req)),
  });

  app.delete('/api/members/:id', {
    schema: {
      operationId: 'deleteMember',
      tags,
      description: 'Refused with 409 owns_content (and the counts) while the member owns content or groups.',
      params: MemberIdParams,
      response: { 200: DeleteMemberResponse, ...withProblems, 409: z.union([OwnsContentProblem, Problem]) },
    },
    handler: (req) => manage.deleteMember(deps, authOf(req), req.params.id, info(req)),
  });
}
