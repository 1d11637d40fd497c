import { Alert, Center, Loader, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthLayout } from '../../../components/AuthLayout.tsx';
import { confirmQueryOptions } from '../api/public.ts';
import { RequestLinkUnavailable, RequestStatusView } from '../components/RequestStatusView.tsx';

/** The emailed link: confirms the requester's address, then shows where the request stands. */
export function ConfirmAccessRequestPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useQuery(confirmQueryOptions(token));

  if (confirm.isPending) {
    return (
      <AuthLayout title={t('accessRequests.confirm.title')}>
        <Center py="xl">
          <Loader aria-label={t('accessRequests.confirm.checking')} />
        </Center>
      </AuthLayout>
    );
  }
  if (confirm.isError) return <RequestLinkUnavailable error={confirm.error} />;
  return (
    <AuthLayout title={t('accessRequests.status.title')}>
      <Stack gap="md">
        {confirm.data.status !== 'unconfirmed' ? (
          <Alert variant="light" color="teal" icon={<IconCircleCheck size={20} aria-hidden />} data-testid="access-request-confirmed">
            {t('accessRequests.confirm.confirmed')}
          </Alert>
        ) : null}
        <RequestStatusView status={confirm.data} />
      </Stack>
    </AuthLayout>
  );
}
