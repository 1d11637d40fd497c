import { Center, EmptyState, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatusPageProps {
  icon: ReactNode;
  title: string;
  description: string;
  actions?: ReactNode;
  /** Standalone pages (outside the app frame) are centered on the whole viewport. */
  standalone?: boolean;
  color?: string;
}

export function StatusPage({ icon, title, description, actions, standalone = false, color }: StatusPageProps) {
  const content = (
    <Paper withBorder radius="lg" py={56} px="xl" maw={640} mx="auto" w="100%">
      <EmptyState variant="light" color={color} size="lg" icon={icon}>
        <EmptyState.Title order={1}>{title}</EmptyState.Title>
        <EmptyState.Description>{description}</EmptyState.Description>
        {actions ? (
          <EmptyState.Actions>
            <Group justify="center">{actions}</Group>
          </EmptyState.Actions>
        ) : null}
      </EmptyState>
    </Paper>
  );
  return standalone ? (
    <Center mih="100dvh" p="md" bg="gray.0">
      {content}
    </Center>
  ) : (
    content
  );
}

