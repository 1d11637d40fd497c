import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { AlreadyDecidedError } from '../api/queue.ts';

/** A 409: someone else decided first; say who and when. */
export function AlreadyDecidedAlert({ error }: { error: AlreadyDecidedError }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { current } = error;
  const date = current.decidedAt ? format.dateTime(current.decidedAt) : '';
  const text =
    current.status === 'granted' && current.autoApproved
      ? t('accessRequests.alreadyDecided.grantedAuto', { date })
      : t(current.status === 'denied' ? 'accessRequests.alreadyDecided.denied' : 'accessRequests.alreadyDecided.granted', {
          name: current.decidedBy?.fullName || t('accessRequests.alreadyDecided.someone'),
          date,
        });
  return (
    <Alert variant="light" color="orange" icon={<IconInfoCircle size={20} aria-hidden />} title={t('accessRequests.alreadyDecided.title')} role="alert" data-testid="already-decided">
      {text}
    </Alert>
  );
}
