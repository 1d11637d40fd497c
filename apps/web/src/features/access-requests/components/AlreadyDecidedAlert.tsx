import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { AlreadyDecidedError } from '../api/queue.ts';

/** A 409: someone else decided first; say who and when. */
export function AlreadyDecidedAlert({ error }: { error: AlreadyDecidedError }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { decision, decidedAt, decidedBy } = error.decided;
  const date = decidedAt ? format.dateTime(decidedAt) : '';
  const name = decidedBy.kind === 'member' ? `${decidedBy.fullName || decidedBy.username} (${decidedBy.username})` : t('accessRequests.alreadyDecided.someone');
  const text =
    decidedBy.kind === 'automatic'
      ? t('accessRequests.alreadyDecided.grantedAuto', { date })
      : t(decision === 'denied' ? 'accessRequests.alreadyDecided.denied' : 'accessRequests.alreadyDecided.granted', { name, date });
  return (
    <Alert variant="light" color="orange" icon={<IconInfoCircle size={20} aria-hidden />} title={t('accessRequests.alreadyDecided.title')} role="alert" data-testid="already-decided">
      {text}
    </Alert>
  );
}
