import { Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

interface StepFrameProps {
  title: string;
  intro?: ReactNode;
  /** What the server refused, shown above the step's content. */
  problems?: ReactNode;
  children: ReactNode;
  /** The step's buttons (back, next…). */
  actions: ReactNode;
}

/** A wizard step: its heading gets the focus when the step opens, so screen readers follow. */
export function StepFrame({ title, intro, problems, children, actions }: StepFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  return (
    <section aria-labelledby="wizard-step-title">
      <Stack gap={4} mb="lg">
        <Title order={2} fz={21} id="wizard-step-title" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {title}
        </Title>
        {intro ? (
          <Text c="dimmed" size="sm">
            {intro}
          </Text>
        ) : null}
      </Stack>
      {problems}
      {children}
      <Divider my="lg" />
      <Group justify="space-between" gap="sm" wrap="wrap-reverse">
        {actions}
      </Group>
    </section>
  );
}
