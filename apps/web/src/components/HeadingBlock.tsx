import { Stack, Text, Title, type MantineSpacing, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

interface HeadingBlockProps {
  title: ReactNode;
  description?: ReactNode;
  order: TitleOrder;
  fz: number | string;
  id?: string;
  mb?: MantineSpacing;
}

/** A heading with its dimmed one-line description (page headers, the sign-in card, settings sections). */
export function HeadingBlock({ title, description, order, fz, id, mb }: HeadingBlockProps) {
  return (
    <Stack gap={4} mb={mb}>
      <Title order={order} fz={fz} id={id}>
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
