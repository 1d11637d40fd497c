import { present, type MessageParams } from '@sesame/contracts';
import type { BulkMembersBody, BulkMembersResponse } from '@sesame/contracts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, fieldText } from '../../lib/errors.ts';
import { sentParams } from '../../lib/problem-language.ts';
import { deleteMember, setDisabled, type ActionInfo, type ManageDeps } from './manage.ts';
import { updateMember } from './update.ts';

/**
 * Applies one action to each selected member, each in its own transaction with the same
 * rules as the single action, and says what succeeded and what was refused and why.
 */
export async function bulkMembers(deps: ManageDeps, auth: AuthContext, body: BulkMembersBody, info: ActionInfo): Promise<BulkMembersResponse> {
  const ids = [...new Set(body.memberIds)];
  const names = new Map(
    (await deps.db.member.findMany({ where: { organizationId: auth.organizationId, id: { in: ids } }, select: { id: true, username: true } })).map((m) => [m.id, m.username]),
  );
  const results: BulkMembersResponse['results'] = [];
  for (const id of ids) {
    try {
      if (body.action === 'disable' || body.action === 'enable') await setDisabled(deps, auth, id, body.action === 'disable', info);
      else if (body.action === 'delete') await deleteMember(deps, auth, id, info);
      else await updateMember(deps, auth, id, { role: present(body.role, 'the role of change-role (the contract requires it)') }, info);
      results.push({ id, username: names.get(id) ?? null, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // A refused field says more than validation_failed: privilege_above_own, incompatible_role…
      const field = err.code === 'validation_failed' ? err.errors?.[0] : undefined;
      // Otherwise the refusal's own params (the action refused, the counts), which its code's wording is made of.
      const params = field ? field.params : sentParams(err.params as MessageParams | undefined);
      const owned = err.code === 'owns_content' ? (err.extensions as { ownedContent: number; ownedGroups: number }) : undefined;
      results.push({
        id,
        username: names.get(id) ?? null,
        ok: false,
        code: field?.code ?? err.code,
        message: field ? fieldText(field) : err.message,
        ...(params ? { params } : {}),
        ...(owned ? { ownedContent: owned.ownedContent, ownedGroups: owned.ownedGroups } : {}),
      });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, refused: results.length - succeeded, results };
}
