import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import type { RoleDetail } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useDeleteRole } from '../api/roles.ts';

/**
 * Deleting a custom role: refused while members hold it — the dialog says how many and links
 * to the members list filtered by the role — otherwise confirmed first.
 */
export function DeleteRoleDialog({ role, onClose }: { role: RoleDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const remove = useDeleteRole();
  const name = format.name(role);

  if (role.memberCount > 0) {
    const title = t('roles.remove.inUseTitle', { name });
    return (
      <Modal opened onClose={onClose} title={<Text fw={650} fz="lg">{title}</Text>} centered radius="lg" padding="lg">
        <Stack gap="lg">
          <Text size="sm" data-testid="role-in-use">
            {t('roles.remove.inUse', { count: role.memberCount })}
          </Text>
          <DialogActions onCancel={onClose} cancelLabel={t('roles.remove.close')}>
            <Button component={Link} to={`/members?role=${encodeURIComponent(role.id)}`} onClick={onClose}>
              {t('roles.remove.showMembers', { count: role.memberCount })}
            </Button>
          </DialogActions>
        </Stack>
      </Modal>
    );
  }

  return (
    <ConfirmDialog
      opened
      danger
      title={t('roles.remove.title', { name })}
      confirmLabel={t('roles.remove.confirm')}
      cancelLabel={t('common.cancel')}
      loading={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(role.id, {
          onSuccess: () => {
            notify({ tone: 'success', title: t('roles.remove.confirm'), message: t('roles.remove.deleted', { name }) });
            onClose();
          },
        })
      }
    >
      <Stack gap="sm">
        <Text size="sm">{t('roles.remove.body')}</Text>
        {remove.error ? (
          <Alert color="red" role="alert">
            {problemMessage(remove.error, t)}
          </Alert>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
