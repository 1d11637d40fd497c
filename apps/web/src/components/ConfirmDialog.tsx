import { Button, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DialogActions } from './DialogActions.tsx';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Destructive actions get a red confirm button. */
  danger?: boolean;
  loading?: boolean;
}

/**
 * A yes/no question in a modal dialog. The safe answer (cancel) has the focus first; Escape
 * also cancels, so no separate close button competes with it.
 */
export function ConfirmDialog({ opened, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, danger = false, loading = false }: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={<Text fw={650} fz="lg">{title}</Text>} centered radius="lg" padding="lg" withCloseButton={false}>
      <Stack gap="lg">
        <div>{typeof children === 'string' ? <Text size="sm">{children}</Text> : children}</div>
        <DialogActions onCancel={onCancel} cancelLabel={cancelLabel}>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
