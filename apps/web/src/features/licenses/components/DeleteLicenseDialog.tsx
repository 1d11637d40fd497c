import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import type { License } from '@sesame/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useDeleteLicense } from '../api/licenses.ts';

/**
 * Deleting a licence: while members hold it, the administrator must confirm taking it from
 * every one of them (the dialog says how many); the server refuses otherwise.
 */
export function DeleteLicenseDialog({ license, onClose, onDeleted }: { license: License; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteLicense();
  const assigned = license.seatsUsed;
  const [confirmed, setConfirmed] = useState(false);

  const onConfirm = () => {
    // Without the confirmation the server refuses a licence still held, and says so.
    remove.mutate(
      { id: license.id, removeAssignments: confirmed },
      {
        onSuccess: (done) => {
          notify({ tone: 'success', title: t('licensesAdmin.deleteDialog.deleted', { name: done.name }) });
          onDeleted();
          onClose();
        },
      },
    );
  };

  return (
    <ConfirmDialog
      opened
      danger
      title={t('licensesAdmin.deleteDialog.title', { name: license.name })}
      confirmLabel={t('licensesAdmin.deleteDialog.confirm')}
      cancelLabel={t('common.cancel')}
      onConfirm={onConfirm}
      onCancel={onClose}
      loading={remove.isPending}
    >
      <Stack gap="sm">
        <Text size="sm">{assigned > 0 ? t('licensesAdmin.deleteDialog.assigned', { count: assigned }) : t('licensesAdmin.deleteDialog.unassigned')}</Text>
        {assigned > 0 ? (
          <Checkbox label={t('licensesAdmin.deleteDialog.confirmRemove', { count: assigned })} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
        ) : null}
        {remove.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(remove.error, t)}
          </Alert>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
