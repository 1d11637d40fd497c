import type { DeleteCategoryResponse, MemberCategory, MemberCategoryBody } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { audit } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { notFound } from '../../lib/errors.ts';
import { assertNameFree, lockNames } from '../../lib/reference-names.ts';

export type CategoryDeps = { db: Db };
type Client = { ip: string };

const actor = (auth: AuthContext, client: Client) => ({ organizationId: auth.organizationId, actorId: auth.memberId, actorUsername: auth.username, ip: client.ip });

/**
 * The organization's category names are unique whatever their case; names are checked and
 * written under the organization's name lock (lib/reference-names.ts), so two administrators
 * creating "Étudiants" and "étudiants" at once get one 201 and one 409.
 */
const assertCategoryNameFree = (tx: Pick<Db, 'memberCategory'>, organizationId: string, name: string, exceptId?: string) =>
  assertNameFree((where) => tx.memberCategory.findFirst({ where, select: { id: true } }), organizationId, name, exceptId);

export async function createCategory({ db }: CategoryDeps, auth: AuthContext, body: MemberCategoryBody, client: Client): Promise<MemberCategory> {
  return db.$transaction(async (tx) => {
    await lockNames(tx, auth.organizationId, 'member-category');
    await assertCategoryNameFree(tx, auth.organizationId, body.name);
    const created = await tx.memberCategory.create({ data: { organizationId: auth.organizationId, name: body.name }, select: { id: true, name: true } });
    await audit(tx, { ...actor(auth, client), action: 'category.created', targetType: 'category', targetId: created.id, targetLabel: created.name, after: { name: created.name } });
    return { ...created, memberCount: 0 };
  });
}

export async function renameCategory({ db }: CategoryDeps, auth: AuthContext, id: string, body: MemberCategoryBody, client: Client): Promise<MemberCategory> {
  return db.$transaction(async (tx) => {
    await lockNames(tx, auth.organizationId, 'member-category');
    const category = await tx.memberCategory.findFirst({ where: { id, organizationId: auth.organizationId }, select: { id: true, name: true, _count: { select: { assignments: true } } } });
    if (!category) throw notFound('member_category');
    const memberCount = category._count.assignments;
    if (category.name === body.name) return { id, name: category.name, memberCount };
    await assertCategoryNameFree(tx, auth.organizationId, body.name, id);
    await tx.memberCategory.update({ where: { id }, data: { name: body.name } });
    await audit(tx, { ...actor(auth, client), action: 'category.renamed', targetType: 'category', targetId: id, targetLabel: body.name, before: { name: category.name }, after: { name: body.name } });
    return { id, name: body.name, memberCount };
  });
}

/** Deletes the category and every assignment of it (members lose it; nothing else changes). */
export async function deleteCategory({ db }: CategoryDeps, auth: AuthContext, id: string, client: Client): Promise<DeleteCategoryResponse> {
  return db.$transaction(async (tx) => {
    await lockNames(tx, auth.organizationId, 'member-category');
    const category = await tx.memberCategory.findFirst({ where: { id, organizationId: auth.organizationId }, select: { id: true, name: true } });
    if (!category) throw notFound('member_category');
    const { count } = await tx.memberCategoryAssignment.deleteMany({ where: { organizationId: auth.organizationId, categoryId: id } });
    await tx.memberCategory.delete({ where: { id } });
    await audit(tx, { ...actor(auth, client), action: 'category.deleted', targetType: 'category', targetId: id, targetLabel: category.name, before: { name: category.name, memberCount: count } });
    return { id, name: category.name, membersAffected: count };
  });
}
