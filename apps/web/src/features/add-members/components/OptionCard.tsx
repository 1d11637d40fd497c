import { Group, Radio, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import classes from './OptionCard.module.css';

interface OptionCardProps {
  value: string;
  title: string;
  description: string;
  disabled?: boolean;
  badge?: ReactNode;
}

/** One choice of a radio group, as a card; its title names it and its text describes it. */
export function OptionCard({ value, title, description, disabled = false, badge }: OptionCardProps) {
  const id = useId();
  return (
    <Radio.Card
      value={value}
      disabled={disabled}
      radius="md"
      className={classes.card}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator disabled={disabled} mt={2} />
        <Stack gap={4} miw={0}>
          <Group gap="xs" wrap="wrap">
            <Text id={`${id}-title`} fw={600} size="sm" lh={1.35}>
              {title}
            </Text>
            {badge}
          </Group>
          <Text id={`${id}-description`} size="sm" c="dimmed" lh={1.45}>
            {description}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  );
}
