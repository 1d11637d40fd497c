import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog's buttons: the safe answer (cancel) first and focused, then the action. */
export function DialogActions({ onCancel, cancelLabel, children }: { onCancel: () => void; cancelLabel?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel} data-autofocus>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      {children}
    </Group>
  );
}
