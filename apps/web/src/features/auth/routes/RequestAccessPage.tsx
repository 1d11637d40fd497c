import { Button, Text, ThemeIcon, Stack } from '@mantine/core';
import { IconArrowLeft, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/session/guards.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';

/** Placeholder until the public access-request form is built. */
export function RequestAccessPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('auth.requestAccess.title')}>
      <Stack gap="lg" align="flex-start">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          <IconMailForward size={26} />
        </ThemeIcon>
        <Text>{t('auth.requestAccess.body')}</Text>
        <Button component={Link} to={paths.signIn} variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          {t('auth.requestAccess.back')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
