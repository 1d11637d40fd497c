import multipart from '@fastify/multipart';
import { z } from 'zod';
import { authOf } from '../../lib/auth.ts';
import { AppError } from '../../lib/errors.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';
import { commonProblems, problems, RawFile, type App } from '../../lib/route-types.ts';
import { createdMembers } from './created-members.ts';
import * as rowEdits from './row-edits.ts';
import * as service from './service.ts';
import {
  FileTooLargeProblem,
  ImportLimits,
  Problem,
  ImportCommitBody,
  ImportCreated,
  ImportCreateQuery,
  ImportErrorsQuery,
  ImportGetQuery,
  ImportIdParams,
  ImportJob,
  ImportMembersQuery,
  ImportMembersResponse,
  ImportRowDeleted,
  ImportRowsRemoveBody,
  ImportRowsRemoved,
  ImportRowParams,
  ImportRowPatch,
  ImportRowResult,
  ImportTemplateQuery,
} from '@sesame/contracts';

const attachment = (name: string) => `attachment; filename="${name}"`;

export async function importRoutes(api: App, deps: service.ImportDeps) {
  // Own scope: the CSV body parsers and multipart only apply to these routes.
  await api.register(async (app: App) => {
    const tags = ['imports'];
    // The body is streamed by the service, never buffered: the parser only hands it over.
    app.addContentTypeParser(['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'], (_req, _payload, done) => done(null));
    await app.register(multipart, { limits: { files: 1, fields: 5 } });

    app.get('/api/imports/template', {
      schema: { operationId: 'getImportTemplate', tags, querystring: ImportTemplateQuery, produces: ['text/csv'], response: { 200: z.string(), ...commonProblems } },
      handler: async (req, reply) => {
        const t = await service.importTemplate(deps.db, authOf(req), req.query);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(t.fileName)).send(t.body);
      },
    });

    app.get('/api/imports/limits', {
      schema: { operationId: 'getImportLimits', tags, description: 'The largest file and the most rows an upload accepts.', response: { 200: ImportLimits, ...commonProblems } },
      handler: (req) => service.importLimits(deps.config, authOf(req)),
    });

    app.post('/api/imports', {
      schema: {
        operationId: 'createImport',
        tags,
        description: 'Uploads a CSV file (raw `text/csv` body or multipart field `file`), checks every row and stores them as an import job.',
        querystring: ImportCreateQuery,
        consumes: ['text/csv', 'multipart/form-data'],
        body: RawFile,
        response: { 201: ImportCreated, ...commonProblems, 413: FileTooLargeProblem, ...problems(415) },
      },
      handler: async (req, reply) => {
        const auth = authOf(req);
        const { maxBytes } = deps.config.imports;
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > maxBytes + 64 * 1024) throw service.fileTooLarge(maxBytes);
        let source: AsyncIterable<Uint8Array | string>;
        let fileName = req.query.fileName;
        if (req.isMultipart()) {
          // One byte over the limit, so that the service's own count notices it.
          const file = await req.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 5 } });
          if (!file || file.fieldname !== 'file') throw new AppError(400, 'validation_failed', { errors: [{ path: 'file', code: 'file_required' }] });
          fileName ??= file.filename;
          source = file.file;
        } else {
          source = req.raw;
        }
        const created = await service.createImport(deps, auth, { ...req.query, fileName }, source, { ip: req.ip, baseUrl: publicBaseUrl(deps.config, req) });
        return reply.status(201).send(created);
      },
    });

    app.get('/api/imports/:id', {
      schema: { operationId: 'getImport', tags, params: ImportIdParams, querystring: ImportGetQuery, response: { 200: ImportJob, ...commonProblems, 404: Problem } },
      handler: (req) => service.getImport(deps.db, authOf(req), req.params.id, req.query),
    });

    app.patch('/api/imports/:id/rows/:rowNumber', {
      schema: {
        operationId: 'updateImportRow',
        tags,
        params: ImportRowParams,
        querystring: z.object({ lang: ImportGetQuery.shape.lang }),
        body: ImportRowPatch,
        response: { 200: ImportRowResult, ...commonProblems, ...problems(404, 409) },
      },
      handler: (req) => rowEdits.patchRow(deps.db, authOf(req), req.params.id, req.params.rowNumber, req.body.values, req.query.lang),
    });

    app.delete('/api/imports/:id/rows/:rowNumber', {
      schema: { operationId: 'deleteImportRow', tags, params: ImportRowParams, response: { 200: ImportRowDeleted, ...commonProblems, ...problems(404, 409) } },
      handler: (req) => rowEdits.deleteRow(deps.db, authOf(req), req.params.id, req.params.rowNumber),
    });

    app.post('/api/imports/:id/rows/remove', {
      schema: {
        operationId: 'removeImportRows',
        tags,
        description: 'Removes the listed rows, or with `invalid: true` every row that still has errors; all or nothing.',
        params: ImportIdParams,
        body: ImportRowsRemoveBody,
        response: { 200: ImportRowsRemoved, ...commonProblems, ...problems(404, 409) },
      },
      handler: (req) => rowEdits.removeRows(deps.db, authOf(req), req.params.id, req.body),
    });

    app.post('/api/imports/:id/commit', {
      schema: {
        operationId: 'commitImport',
        tags,
        description: 'Creates every member of the file or none, in the background: poll GET /api/imports/:id for `status` and `progress`.',
        params: ImportIdParams,
        body: ImportCommitBody,
        response: { 202: ImportJob, ...commonProblems, ...problems(404, 409) },
      },
      handler: async (req, reply) => {
        const job = await service.requestCommit(deps, authOf(req), req.params.id, req.body ?? {}, { ip: req.ip, baseUrl: publicBaseUrl(deps.config, req) });
        return reply.status(202).send(job);
      },
    });

    app.get('/api/imports/:id/members', {
      schema: {
        operationId: 'getImportMembers',
        tags,
        description: 'The members a committed import created, in the file’s row order, a page at a time (409 before the commit).',
        params: ImportIdParams,
        querystring: ImportMembersQuery,
        response: { 200: ImportMembersResponse, ...commonProblems, ...problems(404, 409) },
      },
      handler: (req) => createdMembers(deps.db, authOf(req), req.params.id, req.query),
    });

    app.get('/api/imports/:id/errors.csv', {
      schema: { operationId: 'getImportErrorReport', tags, params: ImportIdParams, querystring: ImportErrorsQuery, produces: ['text/csv'], response: { 200: z.string(), ...commonProblems, 404: Problem } },
      handler: async (req, reply) => {
        const report = await rowEdits.errorReport(deps.db, authOf(req), req.params.id, req.query.lang);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(report.fileName)).send(report.body);
      },
    });
  });
}
