import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Seats used out of the total (or unlimited), with a bar when there is a limit. */
export function SeatsUsage({ used, total, testId }: { used: number; total: number | null; testId?: string }) {
  const { t } = useTranslation();
  const ratio = total ? Math.min(100, (used / total) * 100) : total === 0 ? 100 : 0;
  return (
    <Stack gap={4} miw={120} data-testid={testId}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {total === null ? t('licensesAdmin.seatsUsedUnlimited', { used }) : t('licensesAdmin.seatsUsedOf', { used, total })}
        </Text>
      </Group>
      {total !== null ? (
        <Progress value={ratio} size="sm" color={used >= total ? 'orange' : 'blue'} aria-label={t('licensesAdmin.seatsBar', { used, total })} />
      ) : null}
    </Stack>
  );
}
