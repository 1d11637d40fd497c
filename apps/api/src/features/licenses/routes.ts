import {
  CreateLicenseBody,
  DeleteLicenseQuery,
  DeleteLicenseResponse,
  LicenseCandidatePage,
  LicenseDetail,
  MemberIdsBody,
  MemberPage,
  MemberPageQuery,
  MembershipChange,
  ReferenceIdParams,
  UpdateLicenseBody,
  UpdateUserTypeBody,
  UserType,
} from '@sesame/contracts';
import { authOf, type RouteAccess } from '../../lib/auth.ts';
import { commonProblems, problems, type App } from '../../lib/route-types.ts';
import { listUserTypes } from '../reference/service.ts';
import { changeAssignments, listAssignments, listCandidates } from './assignments.ts';
import * as service from './service.ts';
import { updateUserType } from './user-types.ts';

/**
 * Licences and user types (issue 15): read with View on licences and user types, changed with
 * Update on it. Every assignment goes through the capacity locks and checks of
 * lib/assignments, as the wizard's.
 */
export async function licenseRoutes(app: App, deps: service.LicenseDeps) {
  const tags = ['licenses'];
  const read: RouteAccess = { privilege: ['licenses', 'view'] };
  const write: RouteAccess = { privilege: ['licenses', 'update'] };
  const client = (req: { ip: string }) => ({ ip: req.ip });

  app.patch('/api/user-types/:id', {
    config: write,
    schema: {
      operationId: 'updateUserType',
      tags,
      description: 'Changes a user type’s seats (null: unlimited; never below its members: 409 `seats_below_used`), compatible roles and add-on licences (a compatibility members rely on stays: 409 `compatibility_in_use`).',
      params: ReferenceIdParams,
      body: UpdateUserTypeBody,
      response: { 200: UserType, ...commonProblems, ...problems(404, 409) },
    },
    handler: (req) => updateUserType(deps, authOf(req), req.params.id, req.body, client(req), (tx) => listUserTypes({ db: tx }, authOf(req))),
  });
  app.post('/api/licenses', {
    config: write,
    schema: {
      operationId: 'createLicense',
      tags,
      description: 'Creates an add-on licence with its seats and the user types it suits. Names are unique whatever their case (409 `name_taken`).',
      body: CreateLicenseBody,
      response: { 201: LicenseDetail, ...commonProblems, ...problems(409) },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createLicense(deps, authOf(req), req.body, client(req))),
  });
  app.get('/api/licenses/:id', {
    config: read,
    schema: { operationId: 'getLicense', tags, params: ReferenceIdParams, response: { 200: LicenseDetail, ...commonProblems, ...problems(404) } },
    handler: async (req) => {
      const license = await service.findLicense(deps.db, authOf(req), req.params.id);
      return service.licenseDetail(deps.db, license.id);
    },
  });
  app.patch('/api/licenses/:id', {
    config: write,
    schema: {
      operationId: 'updateLicense',
      tags,
      description: 'Renames a licence, changes its seats (never below those assigned: 409 `seats_below_used`) or the user types it suits (not one whose members hold it: 409 `compatibility_in_use`).',
      params: ReferenceIdParams,
      body: UpdateLicenseBody,
      response: { 200: LicenseDetail, ...commonProblems, ...problems(404, 409) },
    },
    handler: (req) => service.updateLicense(deps, authOf(req), req.params.id, req.body, client(req)),
  });
  app.delete('/api/licenses/:id', {
    config: write,
    schema: {
      operationId: 'deleteLicense',
      tags,
      description: 'Deletes a licence. While members hold it: 409 `license_in_use` with how many, unless `removeAssignments=true` confirms taking it from all of them.',
      params: ReferenceIdParams,
      querystring: DeleteLicenseQuery,
      response: { 200: DeleteLicenseResponse, ...commonProblems, ...problems(404, 409) },
    },
    handler: (req) => service.deleteLicense(deps, authOf(req), req.params.id, req.query.removeAssignments === 'true', client(req)),
  });
  app.get('/api/licenses/:id/assignments', {
    config: read,
    schema: {
      operationId: 'listLicenseAssignments',
      tags,
      description: 'The members who hold the licence, in username order, searched by part of a name, username or email; `cursor` is the last username of the previous page.',
      params: ReferenceIdParams,
      querystring: MemberPageQuery,
      response: { 200: MemberPage, ...commonProblems, ...problems(404) },
    },
    handler: (req) => listAssignments(deps, authOf(req), req.params.id, req.query),
  });
  app.get('/api/licenses/:id/candidates', {
    config: read,
    schema: {
      operationId: 'listLicenseCandidates',
      tags,
      description:
        'The organization’s members for the licence’s picker, in username order, searched as the assignments: each with whether they hold it, whether their user type suits it (if not, the `incompatible_license` refusal an assignment would give), and the licence’s seats.',
      params: ReferenceIdParams,
      querystring: MemberPageQuery,
      response: { 200: LicenseCandidatePage, ...commonProblems, ...problems(404) },
    },
    handler: (req) => listCandidates(deps, authOf(req), req.params.id, req.query),
  });
  for (const op of ['add', 'remove'] as const) {
    app.post(op === 'add' ? '/api/licenses/:id/assignments' : '/api/licenses/:id/assignments/remove', {
      config: write,
      schema: {
        operationId: op === 'add' ? 'assignLicense' : 'unassignLicense',
        tags,
        description:
          op === 'add'
            ? 'Assigns the licence to members, all or nothing: each of a user type it suits (400 `incompatible_license` at `memberIds.<i>`), within the seats left (409 `seats_exhausted`).'
            : 'Takes the licence from members, all or nothing (every id must be a member of the organization).',
        params: ReferenceIdParams,
        body: MemberIdsBody,
        response: { 200: MembershipChange, ...commonProblems, ...problems(404, ...(op === 'add' ? [409] : [])) },
      },
      handler: (req) => changeAssignments(deps, authOf(req), req.params.id, req.body, op, client(req)),
    });
  }
}
