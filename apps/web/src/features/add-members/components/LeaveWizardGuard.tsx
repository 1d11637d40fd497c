import { useTranslation } from 'react-i18next';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard.tsx';

/** Asks before leaving the wizard while it holds entries. */
export function LeaveWizardGuard({ when, memberCount }: { when: boolean; memberCount: number }) {
  const { t } = useTranslation();
  return (
    <UnsavedChangesGuard when={when} title={t('addMembers.leave.title')} confirmLabel={t('addMembers.leave.confirm')} cancelLabel={t('addMembers.leave.stay')}>
      {memberCount > 0 ? t('addMembers.leave.bodyWithMembers', { count: memberCount }) : t('addMembers.leave.body')}
    </UnsavedChangesGuard>
  );
}
