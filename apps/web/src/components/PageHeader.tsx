import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { HeadingBlock } from './HeadingBlock.tsx';

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="lg" wrap="wrap">
      <HeadingBlock title={title} description={description} order={1} fz={28} />
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
