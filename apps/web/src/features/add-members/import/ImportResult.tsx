import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { BatchMode } from '@sesame/contracts';
import { IconCircleCheck, IconMailForward, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/session/guards.ts';
import type { ImportJob } from '../api/imports.ts';

interface ImportResultProps {
  mode: BatchMode;
  job: ImportJob;
  onAddMore: () => void;
}

/** What the import created. The passwords were the file's: nothing to show once. */
export function ImportResult({ mode, job, onAddMore }: ImportResultProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const count = job.progress.total || job.counts.valid;

  return (
    <Paper withBorder radius="lg" shadow="xs" p={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={48} radius="xl" color="teal" variant="light" aria-hidden>
            {mode === 'invite' ? <IconMailForward size={26} /> : <IconCircleCheck size={26} />}
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} fz={22} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-testid="wizard-result-title">
              {t('import.result.title', { count })}
            </Title>
            <Text c="dimmed" size="sm">
              {mode === 'invite' ? t('import.result.inviteBody') : t('import.result.credentialsBody')}
            </Text>
            {job.fileName ? (
              <Text size="sm">{t('import.result.file', { name: job.fileName })}</Text>
            ) : null}
          </Stack>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={onAddMore}>
            {t('addMembers.result.addMore')}
          </Button>
          <Button component={Link} to={paths.members} leftSection={<IconUsers size={16} aria-hidden />}>
            {t('addMembers.result.viewMembers')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
