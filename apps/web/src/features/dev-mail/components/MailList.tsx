import { Stack, Text, UnstyledButton } from '@mantine/core';
import type { CaughtMail } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import classes from './DevMail.module.css';

interface MailListProps {
  messages: CaughtMail[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function MailList({ messages, selectedId, onSelect }: MailListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ul className={classes.list} aria-label={t('devMail.listLabel')}>
      {messages.map((message) => {
        const selected = message.id === selectedId;
        return (
          <li key={message.id}>
            <UnstyledButton
              className={classes.item}
              data-selected={selected || undefined}
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(message.id)}
              data-testid="caught-mail-item"
            >
              <Stack gap={2}>
                <Text size="sm" fw={600} lineClamp={2}>
                  {message.subject || t('devMail.noSubject')}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {t('devMail.toLine', { to: message.to })}
                </Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={message.receivedAt} title={format.longDateTime(message.receivedAt)}>
                    {format.dateTime(message.receivedAt)}
                  </time>
                </Text>
              </Stack>
            </UnstyledButton>
          </li>
        );
      })}
    </ul>
  );
}
