import { Paper } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { HeadingBlock } from '../HeadingBlock.tsx';

/** One card of the screen, a named region so each can be found (and saved) on its own. */
export function Section({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby={id} data-testid={testId}>
      <HeadingBlock title={title} description={description} order={2} fz="lg" id={id} mb="md" />
      {children}
    </Paper>
  );
}
