import type { Member } from '@sesame/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useResendInvitation, useRevokeInvitation } from '../api/invitations.ts';

export interface InvitationHandlers {
  /** The member whose invitation is being resent or revoked. */
  busyId: string | null;
  onResend: (member: Member) => void;
  onRevoke: (member: Member) => void;
}

/**
 * Resend and revoke for pending members, with a confirmation before revoking: the one
 * implementation behind the list's row menus and the member page's Actions menu.
 * `actions` is undefined when the signed-in member may not manage invitations; `dialog` is
 * to be rendered once.
 */
export function useInvitationActions(allowed: boolean): { actions: InvitationHandlers | undefined; dialog: React.ReactNode } {
  const { t } = useTranslation();
  const format = useFormatters();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  // The member stays named while the dialog closes, hence two states.
  const [toRevoke, setToRevoke] = useState<Member | null>(null);
  const [revokeOpen, setRevokeOpen] = useState(false);
  const askRevoke = (member: Member) => {
    setToRevoke(member);
    setRevokeOpen(true);
  };
  const nameOf = (member: Member) => member.fullName || member.username;

  const onResend = (member: Member) =>
    resend.mutate(member.id, {
      onSuccess: ({ expiresAt }) =>
        notify({ tone: 'success', title: t('members.invitation.resent'), message: t('members.invitation.resentBody', { email: member.email, date: format.longDateTime(expiresAt) }) }),
      onError: (error) => notify({ tone: 'error', title: t('members.invitation.resendFailed'), message: problemMessage(error, t) }),
    });
  const confirmRevoke = () => {
    const member = toRevoke;
    if (!member) return;
    revoke.mutate(member.id, {
      onSuccess: () => notify({ tone: 'success', title: t('members.invitation.revoked'), message: t('members.invitation.revokedBody', { email: member.email }) }),
      onError: (error) => notify({ tone: 'error', title: t('members.invitation.revokeFailed'), message: problemMessage(error, t) }),
      onSettled: () => setRevokeOpen(false),
    });
  };

  const busyId = resend.isPending ? resend.variables : revoke.isPending ? revoke.variables : null;
  return {
    actions: allowed ? { busyId: busyId ?? null, onResend, onRevoke: askRevoke } : undefined,
    dialog: (
      <ConfirmDialog
        opened={revokeOpen}
        title={toRevoke ? t('members.invitation.revokeTitle', { name: nameOf(toRevoke) }) : ''}
        confirmLabel={t('members.invitation.revokeConfirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirmRevoke}
        onCancel={() => setRevokeOpen(false)}
        loading={revoke.isPending}
        danger
      >
        {toRevoke ? t('members.invitation.revokeBody', { email: toRevoke.email }) : ''}
      </ConfirmDialog>
    ),
  };
}
