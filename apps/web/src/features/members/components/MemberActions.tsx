import { ActionIcon, Alert, Button, Code, CopyButton, Group, Menu, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { OwnsContentProblem, type MemberDetail } from '@sesame/contracts';
import { IconArrowsExchange, IconCheck, IconChevronDown, IconCopy, IconKey, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useDeleteMember, useResetPassword, useSetDisabled } from '../api/member-detail.ts';
import { TransferOwnershipModal } from './TransferOwnershipModal.tsx';
import { DialogActions } from '../../../components/DialogActions.tsx';

interface MemberActionsProps {
  member: MemberDetail;
  isSelf: boolean;
  canUpdate: boolean;
  meIsAdministrator: boolean;
}

type Dialog = 'reset' | 'disable' | 'delete' | 'transfer' | null;

/** What may be done to the member, limited to what the API would allow the signed-in member. */
export function MemberActions({ member, isSelf, canUpdate, meIsAdministrator }: MemberActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const reset = useResetPassword(member.id);
  const setDisabled = useSetDisabled(member.id);
  const remove = useDeleteMember(member.id);
  const name = member.fullName || member.username;

  const mayTouch = canUpdate && !isSelf && (!member.isAdministrator || meIsAdministrator);
  const canReset = meIsAdministrator && member.identityType === 'builtin' && member.status !== 'pending';
  const canDisable = mayTouch && member.status !== 'disabled';
  const canEnable = mayTouch && member.status === 'disabled';
  const owns = member.ownedContentTotal + member.ownedGroupsTotal > 0;
  const canTransfer = canUpdate && owns;
  const canDelete = mayTouch;
  if (!canReset && !canDisable && !canEnable && !canTransfer && !canDelete) return null;

  const open = (next: Dialog) => {
    reset.reset();
    remove.reset();
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
  const confirmDelete = () =>
    remove.mutate(undefined, {
      onSuccess: ({ outcome }) => {
        notify({ tone: 'success', title: t(outcome === 'deleted' ? 'memberActions.delete.deleted' : 'memberActions.delete.unregistered', { name }) });
        close();
        void navigate('/members', { replace: true });
      },
    });
  // The API says how much is owned at the moment of the refusal; the page's counts may be older.
  const ownsProblem = remove.isError && isApiError(remove.error, 'owns_content') ? OwnsContentProblem.safeParse(remove.error.problem) : null;
  const deleteRefusedForContent = !!ownsProblem;
  const ownedCounts = ownsProblem?.success
    ? { content: ownsProblem.data.ownedContent, groups: ownsProblem.data.ownedGroups }
    : { content: member.ownedContentTotal, groups: member.ownedGroupsTotal };
  const builtin = member.identityType === 'builtin';

  return (
    <>
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />} loading={setDisabled.isPending}>
            {t('memberActions.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
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

      <Modal opened={dialog === 'delete'} onClose={close} title={<Text fw={650} fz="lg">{t(builtin ? 'memberActions.delete.title' : 'memberActions.delete.titleUnregister', { name })}</Text>} centered radius="lg">
        <Stack gap="md">
          <Text size="sm" data-testid="delete-outcome">
            {builtin ? t('memberActions.delete.bodyBuiltin', { username: member.username }) : t('memberActions.delete.bodyEnterprise', { username: member.username })}
          </Text>
          {remove.isError ? (
            <Alert color={deleteRefusedForContent ? 'orange' : 'red'} variant="light" role="alert" title={deleteRefusedForContent ? t('memberActions.delete.refusedTitle') : undefined}>
              <Text size="sm">{deleteRefusedForContent ? t('memberActions.delete.ownsContent', ownedCounts) : problemMessage(remove.error, t)}</Text>
              {deleteRefusedForContent && canUpdate ? (
                <Button mt="sm" size="xs" leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => open('transfer')}>
                  {t('memberActions.transfer.action')}
                </Button>
              ) : null}
            </Alert>
          ) : null}
          <DialogActions onCancel={close}>
            <Button color="red" loading={remove.isPending} onClick={confirmDelete} disabled={deleteRefusedForContent}>
              {builtin ? t('memberActions.delete.confirm') : t('memberActions.delete.confirmUnregister')}
            </Button>
          </DialogActions>
        </Stack>
      </Modal>

      <TransferOwnershipModal opened={dialog === 'transfer'} member={member} onClose={close} />
    </>
  );
}
