import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthLayout } from '../../../components/AuthLayout.tsx';
import { statusQueryOptions } from '../api/public.ts';
import { RequestLinkUnavailable, RequestStatusView } from '../components/RequestStatusView.tsx';

/** Where a request stands, read again from the requester's link. */
export function AccessRequestStatusPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const status = useQuery(statusQueryOptions(token));

  if (status.isPending) {
    return (
      <AuthLayout title={t('accessRequests.status.title')}>
        <Center py="xl">
          <Loader aria-label={t('accessRequests.status.checking')} />
        </Center>
      </AuthLayout>
    );
  }
  if (status.isError) return <RequestLinkUnavailable error={status.error} />;
  return (
    <AuthLayout title={t('accessRequests.status.title')}>
      <RequestStatusView status={status.data} />
    </AuthLayout>
  );
}
