import { Alert, Badge, Blockquote, Button, DataList, Stack, Text, ThemeIcon } from '@mantine/core';
import type { AccessRequestPublicStatus, AccessRequestStatus } from '@sesame/contracts';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthLayout } from '../../../components/AuthLayout.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { paths } from '../../../lib/session/guards.ts';

const statusColor: Record<AccessRequestStatus, string> = { unconfirmed: 'gray', pending: 'orange', granted: 'teal', denied: 'red' };

/** Where a request stands, as its requester sees it from the emailed link. */
export function RequestStatusView({ status }: { status: AccessRequestPublicStatus }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const explain =
    status.status === 'granted'
      ? status.username
        ? t('accessRequests.status.explain.granted', { username: status.username })
        : t('accessRequests.status.explain.grantedNoUser')
      : t(`accessRequests.status.explain.${status.status}`);
  return (
    <Stack gap="md" data-testid="access-request-status">
      <Badge size="lg" variant="light" color={statusColor[status.status]} data-testid="access-request-state">
        {t(`accessRequests.status.state.${status.status}`)}
      </Badge>
      <DataList orientation="horizontal" size="sm" gap={6} labelWidth={130}>
        <DataList.Item>
          <DataList.ItemLabel>{t('accessRequests.status.organization')}</DataList.ItemLabel>
          <DataList.ItemValue fw={600}>{status.organization.name}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('accessRequests.status.requester')}</DataList.ItemLabel>
          <DataList.ItemValue>{`${status.firstName} ${status.lastName}`}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('accessRequests.status.email')}</DataList.ItemLabel>
          <DataList.ItemValue>{status.email}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('accessRequests.status.requestedAt')}</DataList.ItemLabel>
          <DataList.ItemValue data-testid="access-request-requested-at">{format.dateTime(status.createdAt)}</DataList.ItemValue>
        </DataList.Item>
        {status.decidedAt ? (
          <DataList.Item>
            <DataList.ItemLabel>{t('accessRequests.status.decidedAt')}</DataList.ItemLabel>
            <DataList.ItemValue data-testid="access-request-decided-at">{format.dateTime(status.decidedAt)}</DataList.ItemValue>
          </DataList.Item>
        ) : null}
      </DataList>
      <Text>{explain}</Text>
      {status.status === 'granted' && status.autoApproved ? (
        <Text size="sm" c="dimmed">
          {t('accessRequests.status.explain.autoApproved')}
        </Text>
      ) : null}
      {status.status === 'denied' && status.denyReason ? (
        <Blockquote color="red" p="sm" iconSize={0} cite={t('accessRequests.status.reason')} data-testid="access-request-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {status.denyReason}
          </Text>
        </Blockquote>
      ) : null}
      <Button component={Link} to={paths.signIn} variant={status.status === 'granted' ? 'filled' : 'default'} style={{ alignSelf: 'flex-start' }}>
        {t('accessRequests.status.signIn')}
      </Button>
    </Stack>
  );
}

/** An unknown, replaced or malformed link; other failures say what went wrong. */
export function RequestLinkUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const unknownLink = isApiError(error) && (error.status === 404 || error.status === 400);
  return (
    <AuthLayout title={unknownLink ? t('accessRequests.status.invalidTitle') : t('errors.generic.title')}>
      <Stack gap="lg" align="flex-start" data-testid="access-request-unavailable">
        <ThemeIcon size={48} radius="xl" variant="light" color="orange" aria-hidden>
          <IconLinkOff size={26} />
        </ThemeIcon>
        {unknownLink ? <Text>{t('accessRequests.status.invalidBody')}</Text> : <Alert color="red" role="alert">{problemMessage(error, t)}</Alert>}
        <Button component={Link} to={paths.requestAccess} variant="default">
          {t('accessRequests.status.newRequest')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
