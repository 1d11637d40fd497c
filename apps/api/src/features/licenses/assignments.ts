import { incompatibleLicenceParams, type LicenseCandidatePage, type MemberIdsBody, type MemberPage, type MemberPageQuery, type MembershipChange } from '@sesame/contracts';
import { audit } from '../../lib/audit.ts';
import { lockAndCheckCapacity, lockCapacity } from '../../lib/assignments/index.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/field-error.ts';
import { memberPage } from '../../lib/member-page.ts';
import { actorOf, findLicense, type Client, type LicenseDeps } from './service.ts';

/** GET /api/licenses/:id/assignments: the licence's members, searched and paged. */
export async function listAssignments({ db }: LicenseDeps, auth: AuthContext, id: string, query: MemberPageQuery): Promise<MemberPage> {
  await findLicense(db, auth, id);
  return memberPage(db, { organizationId: auth.organizationId, licenses: { some: { licenseId: id } } }, query);
}

/**
 * GET /api/licenses/:id/candidates: the organization's members for the licence's picker, in
 * username order, each with whether they hold it and, when their user type does not suit it,
 * the refusal an assignment would give (the same code and params), and the seats left.
 */
export async function listCandidates({ db }: LicenseDeps, auth: AuthContext, id: string, query: MemberPageQuery): Promise<LicenseCandidatePage> {
  const license = await findLicense(db, auth, id);
  const page = await memberPage(db, { organizationId: auth.organizationId }, query);
  const ids = page.items.map((m) => m.id);
  const [rows, compatible, seatsUsed] = await Promise.all([
    db.member.findMany({
      where: { organizationId: auth.organizationId, id: { in: ids } },
      select: { id: true, userType: { select: { id: true, key: true, nameEn: true, nameFr: true } }, licenses: { where: { licenseId: id }, select: { licenseId: true } } },
    }),
    db.userTypeLicense.findMany({ where: { licenseId: id }, select: { userTypeId: true } }),
    db.licenseAssignment.count({ where: { licenseId: id } }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const suits = new Set(compatible.map((c) => c.userTypeId));
  const items = page.items.flatMap((m) => {
    const row = byId.get(m.id);
    if (!row) return [];
    const eligible = suits.has(row.userType.id);
    return [
      {
        ...m,
        userType: { id: row.userType.id, key: row.userType.key, name: row.userType.nameEn, nameFr: row.userType.nameFr },
        holds: row.licenses.length > 0,
        eligible,
        refusal: eligible ? null : { code: 'incompatible_license' as const, params: { ...incompatibleLicenceParams(license, [row.userType]), username: m.username } },
      },
    ];
  });
  return { items, total: page.total, nextCursor: page.nextCursor, seatsTotal: license.seats, seatsUsed };
}

/** How an assignment event names the members it changed: the id, the username and the full name. */
const memberLabel = (m: { id: string; username: string; firstName: string; lastName: string }) => ({
  id: m.id,
  username: m.username,
  name: `${`${m.firstName} ${m.lastName}`.trim() || m.username} (${m.username})`,
});

/** Every seat refusal of an assignment falls on the request's member list. */
const onMemberIds = { whole: 'memberIds', userType: () => 'memberIds', license: () => 'memberIds' };

/**
 * POST /api/licenses/:id/assignments and …/remove, all or nothing. Adding: every member must
 * be the organization's (400 `unknown_member`) and of a user type the licence suits (400
 * `incompatible_license`, the wizard's code and params, at `memberIds.<i>`); the seats are
 * checked under the capacity locks every entry point takes (409 `seats_exhausted` with
 * `license_seats`), so two administrators assigning the last seats at once never exceed them.
 * Members who already hold it (or, removing, do not) count as unchanged.
 */
export async function changeAssignments({ db }: LicenseDeps, auth: AuthContext, id: string, body: MemberIdsBody, op: 'add' | 'remove', client: Client): Promise<MembershipChange> {
  const { organizationId } = auth;
  const ids = [...new Set(body.memberIds)];
  return db.$transaction(async (tx) => {
    // The capacity locks first (the organization, then the licence): what is read below is
    // then what the seats check and the write see.
    await lockCapacity(tx, organizationId, [], [id]);
    const license = await findLicense(tx, auth, id);
    const [members, compatible] = await Promise.all([
      tx.member.findMany({
        where: { organizationId, id: { in: ids } },
        select: { id: true, username: true, firstName: true, lastName: true, userType: { select: { id: true, nameEn: true, nameFr: true } }, licenses: { where: { licenseId: id }, select: { licenseId: true } } },
      }),
      tx.userTypeLicense.findMany({ where: { licenseId: id }, select: { userTypeId: true } }),
    ]);
    const byId = new Map(members.map((m) => [m.id, m]));
    const suits = new Set(compatible.map((c) => c.userTypeId));
    const errors: FieldError[] = body.memberIds.flatMap((memberId, i): FieldError[] => {
      const m = byId.get(memberId);
      if (!m) return [{ path: `memberIds.${i}`, code: 'unknown_member', params: { value: memberId } }];
      if (op === 'add' && !suits.has(m.userType.id)) return [{ path: `memberIds.${i}`, code: 'incompatible_license', params: { ...incompatibleLicenceParams(license, [m.userType]), username: m.username } }];
      return [];
    });
    if (errors.length) throw new AppError(400, 'validation_failed', { errors });

    const toChange = members.filter((m) => (op === 'add' ? m.licenses.length === 0 : m.licenses.length > 0));
    if (op === 'add') {
      await lockAndCheckCapacity(tx, { organizationId, namedUserLimit: null, newMembers: 0, perType: [], perLicense: [{ license, n: toChange.length }] }, onMemberIds);
      await tx.licenseAssignment.createMany({ data: toChange.map((m) => ({ organizationId, licenseId: id, memberId: m.id })) });
    } else {
      await tx.licenseAssignment.deleteMany({ where: { organizationId, licenseId: id, memberId: { in: toChange.map((m) => m.id) } } });
    }
    const used = await tx.licenseAssignment.count({ where: { licenseId: id } });
    if (toChange.length) {
      await audit(tx, {
        ...actorOf(auth, client),
        action: op === 'add' ? 'license.assigned' : 'license.unassigned',
        targetType: 'license',
        targetId: id,
        targetLabel: license.name,
        after: { members: toChange.map(memberLabel), membersCount: toChange.length, seatsUsed: used, seats: license.seats },
      });
    }
    return { changed: toChange.length, unchanged: ids.length - toChange.length, memberCount: used };
  });
}
