import { ActionIcon, Alert, Button, Code, CopyButton, Group, Menu, Modal, Stack, Text, Tooltip } from '@mantine/core';
import type { MemberDetail } from '@sesame/contracts';
import { IconArrowsExchange, IconCheck, IconChevronDown, IconCopy, IconKey, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useResetPassword, useSetDisabled } from '../api/member-detail.ts';
import { DeleteMemberDialog } from './DeleteMemberDialog.tsx';
import { InvitationMenuItems } from './InvitationActions.tsx';
import { TransferOwnershipModal } from './TransferOwnershipModal.tsx';
import { useInvitationActions } from './use-invitation-actions.tsx';

interface MemberActionsProps {
  member: MemberDetail;
  isSelf: boolean;
  canUpdate: boolean;
  /** Resending and revoking invitations is part of adding members (Update on members or on manage access). */
  canManageInvitations: boolean;
  meIsAdministrator: boolean;
}

type Dialog = 'reset' | 'disable' | 'delete' | 'transfer' | 'transferBeforeDelete' | null;

/** What may be done to the member, limited to what the API would allow the signed-in member. */
export function MemberActions({ member, isSelf, canUpdate, canManageInvitations, meIsAdministrator }: MemberActionsProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const reset = useResetPassword(member.id);
  const setDisabled = useSetDisabled(member.id);
  const invitations = useInvitationActions(canManageInvitations && member.status === 'pending');
  const name = member.fullName || member.username;

  const mayTouch = canUpdate && !isSelf && (!member.isAdministrator || meIsAdministrator);
  const canReset = meIsAdministrator && member.identityType === 'builtin' && member.status !== 'pending';
  const canDisable = mayTouch && member.status !== 'disabled';
  const canEnable = mayTouch && member.status === 'disabled';
  const owns = member.ownedContentTotal + member.ownedGroupsTotal > 0;
  const canTransfer = canUpdate && owns;
  const canDelete = mayTouch;
  const invitationActions = invitations.actions;
  if (!canReset && !canDisable && !canEnable && !canTransfer && !canDelete && !invitationActions) return null;

  const open = (next: Dialog) => {
    reset.reset();
    setDialog(next);
  };
  const close = () => setDialog(null);

  const enable = () =>
    setDisabled.mutate(false, {
      onSuccess: () => notify({ tone: 'success', title: t('memberActions.enable.done', { name }) }),
      onError: (error) => notify({ tone: 'error', title: t('memberActions.enable.failed'), message: problemMessage(error, t) }),
    });
  const disable = () =>
    setDisabled.mutate(true, {
      onSuccess: () => {
        notify({ tone: 'success', title: t('memberActions.disable.done', { name }) });
        close();
      },
      onError: (error) => {
        notify({ tone: 'error', title: t('memberActions.disable.failed'), message: problemMessage(error, t) });
        close();
      },
    });

  return (
    <>
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconChevronDown size={16} aria-hidden />}
            loading={setDisabled.isPending || (!!invitationActions && invitationActions.busyId === member.id)}
          >
            {t('memberActions.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {invitationActions ? (
            <>
              <InvitationMenuItems member={member} onResend={invitationActions.onResend} onRevoke={invitationActions.onRevoke} />
              <Menu.Divider />
            </>
          ) : null}
          {canReset ? (
            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => open('reset')}>
              {t('memberActions.reset.action')}
            </Menu.Item>
          ) : null}
          {canDisable ? (
            <Menu.Item leftSection={<IconUserOff size={16} aria-hidden />} onClick={() => open('disable')}>
              {t('memberActions.disable.action')}
            </Menu.Item>
          ) : null}
          {canEnable ? (
            <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={enable}>
              {t('memberActions.enable.action')}
            </Menu.Item>
          ) : null}
          {canTransfer ? (
            <Menu.Item leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => open('transfer')}>
              {t('memberActions.transfer.action')}
            </Menu.Item>
          ) : null}
          {canDelete ? (
            <>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => open('delete')}>
                {t('memberActions.delete.action')}
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>

      {/* Reset password: a question first, then the temporary password, shown once. */}
      <Modal
        opened={dialog === 'reset'}
        onClose={close}
        title={<Text fw={650} fz="lg">{t('memberActions.reset.title', { name })}</Text>}
        centered
        radius="lg"
        closeOnClickOutside={!reset.isSuccess}
      >
        {reset.isSuccess ? (
          <Stack gap="md">
            <Text size="sm">{t('memberActions.reset.shownOnce', { username: member.username })}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code fz="lg" px="sm" py={6} data-testid="temporary-password">
                {reset.data.temporaryPassword}
              </Code>
              <CopyButton value={reset.data.temporaryPassword}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('common.copied') : t('memberActions.reset.copy')}>
                    <ActionIcon variant="light" onClick={copy} aria-label={t('memberActions.reset.copy')}>
                      {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              {t('memberActions.reset.after')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={close}>{t('memberActions.reset.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="md">
            <Text size="sm">{t('memberActions.reset.body')}</Text>
            {reset.isError ? (
              <Alert color="red" variant="light" role="alert">
                {problemMessage(reset.error, t)}
              </Alert>
            ) : null}
            <DialogActions onCancel={close}>
              <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()}>
                {t('memberActions.reset.confirm')}
              </Button>
            </DialogActions>
          </Stack>
        )}
      </Modal>

      <ConfirmDialog
        opened={dialog === 'disable'}
        title={t('memberActions.disable.title', { name })}
        confirmLabel={t('memberActions.disable.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={disable}
        onCancel={close}
        loading={setDisabled.isPending}
        danger
      >
        {t('memberActions.disable.body')}
      </ConfirmDialog>

      <DeleteMemberDialog opened={dialog === 'delete'} member={member} onClose={close} onTransfer={() => open('transferBeforeDelete')} />

      {/* Opened from the deletion dialog, a finished transfer leads back to it. */}
      <TransferOwnershipModal
        opened={dialog === 'transfer' || dialog === 'transferBeforeDelete'}
        member={member}
        onClose={close}
        onTransferred={dialog === 'transferBeforeDelete' ? () => setDialog('delete') : undefined}
      />
      {invitations.dialog}
    </>
  );
}
