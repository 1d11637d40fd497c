import type { GrantOptions, AccessRequest, AccessRequestCount, AccessRequestList, AccessRequestListQuery, DenyAccessRequestBody, GrantAccessRequestBody, Member } from '@sesame/contracts';
import { AccessRequestListQuery as ListQuery, present } from '@sesame/contracts';
import type { Prisma } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { toMemberDto } from '../../lib/member-dto.ts';
import { requireContact } from '../contacts/service.ts';
import { listGroups, listLicenses, listRoles, listUserTypes } from '../reference/service.ts';
import { denyAccessRequest, grantAccessRequest } from './grant.ts';
import { progressDto, progressSelect } from './progress.ts';
import type { AccessRequestDeps, PublicInfo } from './service.ts';

const listSelect = {
  id: true,
  ...progressSelect,
  message: true,
  decidedBy: { select: { id: true, username: true, firstName: true, lastName: true } },
  member: { select: { id: true, username: true } },
} satisfies Prisma.AccessRequestSelect;

type Row = Prisma.AccessRequestGetPayload<{ select: typeof listSelect }>;
const toDto = (r: Row): AccessRequest => ({
  id: r.id,
  ...progressDto(r),
  message: r.message,
  decidedBy: r.decidedBy ? { id: r.decidedBy.id, username: r.decidedBy.username, fullName: `${r.decidedBy.firstName} ${r.decidedBy.lastName}`.trim() } : null,
  denyReason: r.denyReason,
  member: r.member,
});

const encodeCursor = (r: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify([r.createdAt.toISOString(), r.id])).toString('base64url');
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== 'string') throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new AppError(400, 'validation_failed', { errors: [{ path: 'querystring.cursor', code: 'invalid_cursor' }] });
  }
}

/** The queue: pending requests oldest first; decided ones newest first. Contacts only. */
export async function listAccessRequests({ db }: AccessRequestDeps, auth: AuthContext, input: AccessRequestListQuery): Promise<AccessRequestList> {
  const { status, limit, cursor } = ListQuery.parse(input);
  const organizationId = auth.organizationId;
  await requireContact(db, auth);
  const asc = status === 'pending';
  const after = cursor ? decodeCursor(cursor) : null;
  const op = asc ? 'gt' : 'lt';
  const where: Prisma.AccessRequestWhereInput = { organizationId, status };
  const page = await db.accessRequest.findMany({
    where: after ? { ...where, OR: [{ createdAt: { [op]: after.createdAt } }, { createdAt: after.createdAt, id: { [op]: after.id } }] } : where,
    orderBy: [{ createdAt: asc ? 'asc' : 'desc' }, { id: asc ? 'asc' : 'desc' }],
    take: limit + 1,
    select: listSelect,
  });
  const total = await db.accessRequest.count({ where });
  const items = page.slice(0, limit);
  return { items: items.map(toDto), nextCursor: page.length > limit ? encodeCursor(present(items.at(-1), 'the page\'s last request')) : null, total };
}

export async function countPending({ db }: AccessRequestDeps, auth: AuthContext): Promise<AccessRequestCount> {
  await requireContact(db, auth);
  return { pending: await db.accessRequest.count({ where: { organizationId: auth.organizationId, status: 'pending' } }) };
}

export async function getAccessRequest({ db }: AccessRequestDeps, auth: AuthContext, id: string): Promise<AccessRequest> {
  await requireContact(db, auth);
  const row = await db.accessRequest.findFirst({ where: { id, organizationId: auth.organizationId, status: { not: 'unconfirmed' } }, select: listSelect });
  if (!row) throw notFound('access_request');
  return toDto(row);
}

const deciderOf = (auth: AuthContext) => ({ memberId: auth.memberId, username: auth.username, isAdministrator: auth.isAdministrator, privileges: auth.privileges });

export async function grant(deps: AccessRequestDeps, auth: AuthContext, id: string, body: GrantAccessRequestBody, info: PublicInfo): Promise<Member> {
  await requireContact(deps.db, auth);
  const member = await grantAccessRequest(deps, { organizationId: auth.organizationId, decider: deciderOf(auth) }, id, body, info);
  return toMemberDto(member);
}

export async function deny(deps: AccessRequestDeps, auth: AuthContext, id: string, body: DenyAccessRequestBody, info: PublicInfo): Promise<AccessRequest> {
  await requireContact(deps.db, auth);
  await denyAccessRequest(deps, { organizationId: auth.organizationId, decider: deciderOf(auth) }, id, body.reason, info);
  return getAccessRequest(deps, auth, id);
}

/** Roles, user types, licences, groups and the organization's defaults, for the grant form. */
export async function grantOptions({ db }: AccessRequestDeps, auth: AuthContext): Promise<GrantOptions> {
  await requireContact(db, auth);
  const [roles, userTypes, licenses, groups, org] = await Promise.all([
    listRoles({ db }, auth),
    listUserTypes({ db }, auth),
    listLicenses({ db }, auth),
    listGroups({ db }, auth),
    db.organization.findUniqueOrThrow({
      where: { id: auth.organizationId },
      select: { defaultRoleId: true, defaultUserTypeId: true, allowAdminAtCreation: true, defaultGroups: { select: { groupId: true } }, defaultLicenses: { select: { licenseId: true } } },
    }),
  ]);
  return {
    roles,
    userTypes,
    licenses,
    groups,
    defaults: { roleId: org.defaultRoleId, userTypeId: org.defaultUserTypeId, licenseIds: org.defaultLicenses.map((l) => l.licenseId), groupIds: org.defaultGroups.map((g) => g.groupId) },
    allowAdminAtCreation: org.allowAdminAtCreation,
  };
}
