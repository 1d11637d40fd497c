import { Alert, Button, Center, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/AuthLayout.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { homePathFor, paths } from '../../../lib/session/guards.ts';
import { setupStatusKeys, setupStatusQueryOptions } from '../../../lib/setup-status.ts';
import { SetupForm } from '../components/SetupForm.tsx';

/** First run (public): the printed token, the organization and its first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const status = useQuery(setupStatusQueryOptions());

  if (status.isPending) {
    return (
      <AuthLayout title={t('setup.title')}>
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </AuthLayout>
    );
  }
  if (status.isError) {
    return (
      <AuthLayout title={t('setup.title')}>
        <Alert color="red" role="alert">
          {problemMessage(status.error, t)}
        </Alert>
      </AuthLayout>
    );
  }
  if (!status.data.needed) {
    return (
      <AuthLayout title={t('setup.done.title')}>
        <Stack gap="lg" align="flex-start" data-testid="setup-done">
          <ThemeIcon size={48} radius="xl" variant="light" color="teal" aria-hidden>
            <IconCircleCheck size={26} />
          </ThemeIcon>
          <Text>{t('setup.done.body')}</Text>
          <Button component={Link} to={paths.signIn}>
            {t('setup.done.signIn')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('setup.title')} description={t('setup.subtitle')}>
      <SetupForm
        initialToken={searchParams.get('token') ?? ''}
        onDone={(me) => void navigate(homePathFor(me), { replace: true })}
        onAlreadyDone={() => queryClient.setQueryData(setupStatusKeys.all, { needed: false })}
      />
    </AuthLayout>
  );
}
