import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problem-message.ts';

/** A refused request, in words: the title says what failed, the body what the server said. */
export function ProblemAlert({ title, error }: { title: string; error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={title} role="alert">
      {problemMessage(error, t)}
    </Alert>
  );
}
