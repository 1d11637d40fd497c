import type { BatchProperties } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { CapacityPlaces, CapacityRequest } from '../../lib/assignments/index.ts';
import type { FieldError } from '../../lib/errors.ts';
import { checkBatchProperties, licensesFor } from '../members/batch.ts';

/** What a commit needs to know about the file's user types and the chosen properties. */
export async function commitPlan(db: Pick<Db, 'importRow' | 'userType' | 'license' | 'group' | 'memberCategory' | 'organization'>, organizationId: string, jobId: string, props: BatchProperties) {
  const perTypeRows = await db.importRow.groupBy({ by: ['userTypeId'], where: { jobId, valid: true }, _count: { _all: true }, _min: { rowNumber: true } });
  const typeIds = perTypeRows.map((r) => r.userTypeId).filter((x): x is string => !!x);
  const [org, types] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { namedUserLimit: true } }),
    db.userType.findMany({ where: { organizationId, id: { in: typeIds } }, select: { id: true, nameEn: true, nameFr: true, seatLimit: true, licenses: { select: { licenseId: true } } } }),
  ]);
  const errors: FieldError[] = [];
  if (types.length !== typeIds.length) errors.push({ path: 'rows', code: 'stale_rows' });
  const { licenses, licenseIds, groupIds, categoryIds, groups, categories } = await checkBatchProperties(db as Db, organizationId, props, types, errors);
  const perType = perTypeRows.flatMap((r) => {
    const type = types.find((t) => t.id === r.userTypeId);
    return type ? [{ type, n: r._count._all }] : [];
  });
  // How the audit events name them: ids for machines, names (as they are now) for people.
  const named = (ids: string[], rows: { id: string; name: string }[]) => ids.map((id) => ({ id, name: rows.find((r) => r.id === id)?.name ?? id }));
  const audit = { licenses: named(licenseIds, licenses), groups: named(groupIds, groups), categories: named(categoryIds, categories) };
  /** What `count` rows take (lib/assignments' capacity request, the batch's shape). */
  const capacity = (count: number): CapacityRequest => ({ organizationId, namedUserLimit: org.namedUserLimit, newMembers: count, perType, perLicense: licensesFor(licenseIds, licenses, count) });
  // As the batch places them (members, properties.licenses.N); a user type's seats on its first row.
  const places: CapacityPlaces = {
    whole: 'members',
    userType: (typeId) => {
      const first = perTypeRows.find((r) => r.userTypeId === typeId)?._min.rowNumber;
      return first == null ? 'members' : `rows.${first}.userType`;
    },
    license: (licenseId) => `properties.licenses.${licenseIds.indexOf(licenseId)}`,
  };
  return { errors, licenseIds, groupIds, categoryIds, audit, capacity, places };
}

