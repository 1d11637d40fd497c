import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while the first route's loaders run (session check, first data). */
export function HydrateFallback() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" bg="gray.0">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
