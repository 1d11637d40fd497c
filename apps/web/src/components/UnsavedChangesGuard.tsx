import type { ReactNode } from 'react';
import { useUnsavedChangesGuard, type UnsavedChangesOptions } from '../lib/unsaved-changes.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface UnsavedChangesGuardProps extends UnsavedChangesOptions {
  when: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
}

/** Asks before leaving a screen with unsaved changes: a dialog for in-app links, the browser's question for the tab. */
export function UnsavedChangesGuard({ when, saving, title, children, confirmLabel, cancelLabel }: UnsavedChangesGuardProps) {
  const blocker = useUnsavedChangesGuard(when, { saving });
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={cancelLabel}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
      danger
    >
      {children}
    </ConfirmDialog>
  );
}
