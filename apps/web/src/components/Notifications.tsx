import { Notification } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { dismissNotification, useNotifications, type NotificationTone } from '../lib/notifications.ts';
import classes from './Notifications.module.css';

const tones: Record<NotificationTone, { color: string; Icon: typeof IconCheck }> = {
  success: { color: 'teal', Icon: IconCheck },
  error: { color: 'red', Icon: IconAlertTriangle },
  info: { color: 'lapis', Icon: IconInfoCircle },
};

/**
 * Where notify() messages appear. Each message is its own live region (errors as alerts),
 * and nothing is rendered while there is none, so pages keep their own status regions.
 */
export function Notifications() {
  const { t } = useTranslation();
  const items = useNotifications();
  if (items.length === 0) return null;
  return (
    <div className={classes.viewport}>
      {items.map((item) => (
        <Toast key={item.id} {...item} closeLabel={t('notifications.close')} />
      ))}
    </div>
  );
}

function Toast({ id, tone, title, message, closeLabel }: { id: number; tone: NotificationTone; title: string; message?: string; closeLabel: string }) {
  const { color, Icon } = tones[tone];
  return (
    <Notification
      className={classes.toast}
      color={color}
      icon={<Icon size={18} aria-hidden />}
      title={title}
      withBorder
      radius="md"
      onClose={() => dismissNotification(id)}
      role={tone === 'error' ? 'alert' : 'status'}
      closeButtonProps={{ 'aria-label': closeLabel }}
    >
      {message}
    </Notification>
  );
}
