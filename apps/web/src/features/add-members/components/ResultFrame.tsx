import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { BatchMode } from '@sesame/contracts';
import { IconCircleCheck, IconMailForward, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/session/guards.ts';

interface ResultFrameProps {
  mode: BatchMode;
  title: string;
  body: string;
  /** Under the body, in the heading's column (the file's name). */
  aside?: ReactNode;
  children?: ReactNode;
  onAddMore: () => void;
}

/** The wizard's last screen, manual or from a file: what was created, then "add more" or the members. */
export function ResultFrame({ mode, title, body, aside, children, onAddMore }: ResultFrameProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <Paper withBorder radius="lg" shadow="xs" p={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={48} radius="xl" color="teal" variant="light" aria-hidden>
            {mode === 'invite' ? <IconMailForward size={26} /> : <IconCircleCheck size={26} />}
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} fz={22} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-testid="wizard-result-title">
              {title}
            </Title>
            <Text c="dimmed" size="sm">
              {body}
            </Text>
            {aside}
          </Stack>
        </Group>
        {children}
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
