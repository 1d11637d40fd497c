import { randomBytes } from 'node:crypto';
import type { CreateLicenseBody, DeleteLicenseResponse, LicenseDetail, UpdateLicenseBody } from '@sesame/contracts';
import type { Db, Prisma } from '@sesame/db';
import { audit, auditUpdate } from '../../lib/audit.ts';
import { lockCapacity } from '../../lib/assignments/index.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/field-error.ts';
import { assertNameFree, lockNames } from '../../lib/reference-names.ts';

export type LicenseDeps = { db: Db };
export type Client = { ip: string };
type Tx = Prisma.TransactionClient;

export const actorOf = (auth: AuthContext, client: Client) => ({ organizationId: auth.organizationId, actorId: auth.memberId, actorUsername: auth.username, ip: client.ip });

/** A stable key from the name (lower case, ASCII, `_`), made unique with a suffix when needed. */
function keyFrom(name: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return base || 'license';
}

export async function findLicense(db: Pick<Db, 'license'>, auth: AuthContext, id: string) {
  const license = await db.license.findFirst({ where: { id, organizationId: auth.organizationId }, select: { id: true, key: true, name: true, seats: true } });
  if (!license) throw notFound('license');
  return license;
}

export async function licenseDetail(db: Pick<Db, 'license'>, id: string): Promise<LicenseDetail> {
  const l = await db.license.findUniqueOrThrow({ where: { id }, include: { _count: { select: { assignments: true } }, userTypes: { select: { userTypeId: true }, orderBy: { userTypeId: 'asc' } } } });
  return { id: l.id, key: l.key, name: l.name, seatsTotal: l.seats, seatsUsed: l._count.assignments, userTypeIds: l.userTypes.map((t) => t.userTypeId) };
}

/** The user types named by `ids`, all the organization's (400 `unknown_user_type` at `userTypeIds.<i>` otherwise). */
async function userTypesOf(tx: Tx, organizationId: string, ids: readonly string[]) {
  const types = await tx.userType.findMany({ where: { organizationId, id: { in: [...ids] } }, select: { id: true, key: true, nameEn: true, nameFr: true } });
  const errors: FieldError[] = ids.flatMap((id, i) => (types.some((t) => t.id === id) ? [] : [{ path: `userTypeIds.${i}`, code: 'unknown_user_type' as const, params: { value: id } }]));
  if (errors.length) throw new AppError(400, 'validation_failed', { errors });
  return types;
}

/** User types as an audit event names them: English and French, as they were. */
const named = (types: { id: string; nameEn: string; nameFr: string }[]) => types.map((t) => ({ id: t.id, name: t.nameEn, nameFr: t.nameFr })).sort((a, b) => a.id.localeCompare(b.id));

export async function createLicense({ db }: LicenseDeps, auth: AuthContext, body: CreateLicenseBody, client: Client): Promise<LicenseDetail> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockNames(tx, organizationId, 'license');
    await assertNameFree((where) => tx.license.findFirst({ where, select: { id: true } }), organizationId, body.name);
    const typeIds = [...new Set(body.userTypeIds)];
    const types = await userTypesOf(tx, organizationId, typeIds);
    let key = keyFrom(body.name);
    if (await tx.license.count({ where: { organizationId, key } })) key = `${key}_${randomBytes(3).toString('hex')}`;
    const license = await tx.license.create({ data: { organizationId, key, name: body.name, seats: body.seats }, select: { id: true } });
    if (typeIds.length) await tx.userTypeLicense.createMany({ data: typeIds.map((userTypeId) => ({ userTypeId, licenseId: license.id })) });
    await audit(tx, {
      ...actorOf(auth, client),
      action: 'license.created',
      targetType: 'license',
      targetId: license.id,
      targetLabel: body.name,
      after: { name: body.name, seats: body.seats, userTypes: named(types) },
    });
    return licenseDetail(tx, license.id);
  });
}

/**
 * PATCH /api/licenses/:id. Under the capacity locks (the organization, then the licence):
 * seats never below those assigned (409 `seats_below_used` on `seats`); a user type is no
 * longer compatible only when none of its members holds the licence (409
 * `compatibility_in_use` on `userTypeIds`, naming the type and how many hold it).
 */
export async function updateLicense({ db }: LicenseDeps, auth: AuthContext, id: string, body: UpdateLicenseBody, client: Client): Promise<LicenseDetail> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockNames(tx, organizationId, 'license');
    await lockCapacity(tx, organizationId, [], [id]);
    const license = await findLicense(tx, auth, id);
    const before = await licenseDetail(tx, id);
    if (body.name !== undefined && body.name !== license.name) await assertNameFree((where) => tx.license.findFirst({ where, select: { id: true } }), organizationId, body.name, id);
    if (body.seats !== undefined && body.seats < before.seatsUsed) {
      const params = { used: before.seatsUsed, seats: body.seats };
      throw new AppError(409, 'seats_below_used', { params, errors: [{ path: 'seats', code: 'seats_below_used', params }] });
    }
    const typeIds = body.userTypeIds ? [...new Set(body.userTypeIds)] : before.userTypeIds;
    const types = await userTypesOf(tx, organizationId, typeIds);
    const removed = before.userTypeIds.filter((t) => !typeIds.includes(t));
    if (removed.length) {
      const holders = await tx.member.groupBy({ by: ['userTypeId'], where: { organizationId, userTypeId: { in: removed }, licenses: { some: { licenseId: id } } }, _count: { _all: true } });
      const errors: FieldError[] = [];
      for (const h of holders) {
        const type = await tx.userType.findUniqueOrThrow({ where: { id: h.userTypeId }, select: { nameEn: true, nameFr: true } });
        errors.push({ path: 'userTypeIds', code: 'compatibility_in_use', params: { count: h._count._all, item: type.nameEn, itemFr: type.nameFr } });
      }
      if (errors.length) throw new AppError(409, 'compatibility_in_use', { params: errors[0]?.params ?? {}, errors });
    }
    await tx.license.update({ where: { id }, data: { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.seats !== undefined ? { seats: body.seats } : {}) } });
    if (body.userTypeIds) {
      await tx.userTypeLicense.deleteMany({ where: { licenseId: id, userTypeId: { notIn: typeIds } } });
      await tx.userTypeLicense.createMany({ data: typeIds.map((userTypeId) => ({ userTypeId, licenseId: id })), skipDuplicates: true });
    }
    const after = await licenseDetail(tx, id);
    const beforeTypes = await tx.userType.findMany({ where: { id: { in: before.userTypeIds } }, select: { id: true, nameEn: true, nameFr: true } });
    await auditUpdate(
      tx,
      { ...actorOf(auth, client), action: 'license.updated', targetType: 'license', targetId: id, targetLabel: after.name },
      { name: before.name, seats: before.seatsTotal, userTypes: named(beforeTypes) },
      { name: after.name, seats: after.seatsTotal, userTypes: named(types) },
      ['name', 'seats', 'userTypes'],
    );
    return after;
  });
}

/**
 * DELETE /api/licenses/:id: refused while members hold it (409 `license_in_use` with how
 * many), unless `removeAssignments` confirms taking it from all of them; it also leaves the
 * organization's default licences.
 */
export async function deleteLicense({ db }: LicenseDeps, auth: AuthContext, id: string, removeAssignments: boolean, client: Client): Promise<DeleteLicenseResponse> {
  const { organizationId } = auth;
  return db.$transaction(async (tx) => {
    await lockCapacity(tx, organizationId, [], [id]);
    const license = await findLicense(tx, auth, id);
    const count = await tx.licenseAssignment.count({ where: { licenseId: id } });
    if (count > 0 && !removeAssignments) {
      throw new AppError(409, 'license_in_use', { params: { name: license.name, count } });
    }
    await tx.licenseAssignment.deleteMany({ where: { organizationId, licenseId: id } });
    await tx.organizationDefaultLicense.deleteMany({ where: { organizationId, licenseId: id } });
    await tx.license.delete({ where: { id } });
    await audit(tx, { ...actorOf(auth, client), action: 'license.deleted', targetType: 'license', targetId: id, targetLabel: license.name, before: { name: license.name, seats: license.seats, assignments: count } });
    return { id, name: license.name, assignmentsRemoved: count };
  });
}

