import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 8} wrap="nowrap">
      <ThemeIcon size={large ? 44 : 32} radius="md" variant="gradient" gradient={{ from: 'lapis.8', to: 'lapis.5', deg: 135 }} aria-hidden>
        <IconKey size={large ? 26 : 19} stroke={2} />
      </ThemeIcon>
      <Text component="span" fw={700} fz={large ? 26 : 19} lts={-0.3}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
