import { seatShortage } from '@sesame/contracts';
import type { Prisma } from '@sesame/db';
import { AppError, type FieldError } from '../errors.ts';

/** A user type as the capacity check needs it. */
export type SeatType = { id: string; nameEn: string; nameFr: string; seatLimit: number | null };
/** A licence as the capacity check needs it. */
export type SeatLicense = { id: string; name: string; seats: number };

/**
 * Where an entry point places each capacity refusal in its problem: the named-user limit on
 * the request as a whole, a user type's seats on the field that chose it, a licence's seats
 * on the licence in the request (the same code and params from every entry point).
 */
export type CapacityPlaces = { whole: string; userType: (typeId: string) => string; license: (licenseId: string) => string };

export type CapacityRequest = {
  organizationId: string;
  namedUserLimit: number | null;
  /** Members to be created (they count toward the named-user limit). */
  newMembers: number;
  /** Seats requested per user type (members created with it, or moved to it). */
  perType: { type: SeatType; n: number }[];
  /** Seats requested per licence. */
  perLicense: { license: SeatLicense; n: number }[];
};

/**
 * The one lock order of every write that takes seats (wizard batch, CSV commit, member edit,
 * access-request grant): the organization row (FOR UPDATE: it serializes the named-user count),
 * then the user types involved by id, then the licences involved by id (FOR UPDATE each). Two
 * writers queue on the first lock they share instead of deadlocking.
 */
export async function lockCapacity(tx: Prisma.TransactionClient, organizationId: string, userTypeIds: readonly string[], licenseIds: readonly string[]): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const types = [...new Set(userTypeIds)].sort();
  if (types.length) await tx.$queryRaw`SELECT id FROM "UserType" WHERE "organizationId" = ${organizationId}::uuid AND id = ANY(${types}::uuid[]) ORDER BY id FOR UPDATE`;
  const licenses = [...new Set(licenseIds)].sort();
  if (licenses.length) await tx.$queryRaw`SELECT id FROM "License" WHERE "organizationId" = ${organizationId}::uuid AND id = ANY(${licenses}::uuid[]) ORDER BY id FOR UPDATE`;
}

/**
 * Takes the capacity locks ({@link lockCapacity}) and checks that everything requested fits:
 * the named-user limit (pending and disabled members count), each user type's seats, each
 * licence's seats. Throws 409 `seats_exhausted` naming each shortfall with params
 * `{limit, used, requested, short}` (named users) or `{name, left, requested, short}`.
 */
export async function lockAndCheckCapacity(tx: Prisma.TransactionClient, req: CapacityRequest, places: CapacityPlaces): Promise<void> {
  const { organizationId, namedUserLimit, newMembers } = req;
  const perType = [...req.perType].filter((t) => t.n > 0).sort((a, b) => a.type.id.localeCompare(b.type.id));
  const perLicense = req.perLicense.filter((l) => l.n > 0);
  await lockCapacity(tx, organizationId, perType.map((t) => t.type.id), perLicense.map((l) => l.license.id));
  const errors: FieldError[] = [];
  if (newMembers > 0 && namedUserLimit !== null) {
    const used = await tx.member.count({ where: { organizationId } });
    const short = seatShortage(namedUserLimit, used, newMembers);
    if (short) {
      errors.push({
        path: places.whole,
        code: 'named_user_limit',
        params: { limit: namedUserLimit, used, requested: newMembers, short: short.short },
      });
    }
  }
  for (const { type, n } of perType) {
    if (type.seatLimit === null) continue;
    const used = await tx.member.count({ where: { organizationId, userTypeId: type.id } });
    const short = seatShortage(type.seatLimit, used, n);
    if (short) {
      errors.push({
        path: places.userType(type.id),
        code: 'user_type_seats',
        params: { name: type.nameEn, nameFr: type.nameFr, ...short },
      });
    }
  }
  if (perLicense.length) {
    const ids = perLicense.map((l) => l.license.id);
    const counts = await tx.licenseAssignment.groupBy({ by: ['licenseId'], where: { organizationId, licenseId: { in: ids } }, _count: { _all: true } });
    for (const { license, n } of perLicense) {
      const used = counts.find((c) => c.licenseId === license.id)?._count._all ?? 0;
      const short = seatShortage(license.seats, used, n);
      if (short) {
        errors.push({
          path: places.license(license.id),
          code: 'license_seats',
          params: { name: license.name, ...short },
        });
      }
    }
  }
  if (errors.length) throw new AppError(409, 'seats_exhausted', { errors });
}

/** How many of the members get each user type. */
export function countPerType(types: readonly SeatType[]): { type: SeatType; n: number }[] {
  const perType = new Map<string, { type: SeatType; n: number }>();
  for (const t of types) perType.set(t.id, { type: t, n: (perType.get(t.id)?.n ?? 0) + 1 });
  return [...perType.values()];
}
