import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';

/**
 * Asks before leaving the wizard while it holds entries: links inside the app wait for an
 * answer in a dialog; closing or reloading the tab gets the browser's own question.
 */
export function LeaveWizardGuard({ when, memberCount }: { when: boolean; memberCount: number }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={t('addMembers.leave.title')}
      confirmLabel={t('addMembers.leave.confirm')}
      cancelLabel={t('addMembers.leave.stay')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
      danger
    >
      {memberCount > 0 ? t('addMembers.leave.bodyWithMembers', { count: memberCount }) : t('addMembers.leave.body')}
    </ConfirmDialog>
  );
}
