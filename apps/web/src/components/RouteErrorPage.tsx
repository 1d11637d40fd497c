import { Button } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMapPinOff, IconRefresh } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { problemMessage } from '../lib/problem-message.ts';
import { paths } from '../lib/session/guards.ts';
import { StatusPage } from './StatusPage.tsx';

/** A loader may explain a 403 with `data({ messageKey }, { status: 403 })`. */
function forbiddenReason(data: unknown, t: TFunction): string {
  const key = typeof data === 'object' && data !== null && 'messageKey' in data ? (data as { messageKey: unknown }).messageKey : undefined;
  return typeof key === 'string' ? (t as (k: string) => string)(key) : t('errors.forbidden.body');
}

/** Error boundary of a route: unknown page, missing privilege, or a failure while loading. */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const home = (
    <Button component={Link} to={paths.home} variant="default">
      {t('errors.backHome')}
    </Button>
  );

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <StatusPage
        standalone={standalone}
        color="gray"
        icon={<IconMapPinOff size={32} aria-hidden />}
        title={t('errors.notFound.title')}
        description={t('errors.notFound.body')}
        actions={home}
      />
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <StatusPage
        standalone={standalone}
        color="orange"
        icon={<IconLock size={32} aria-hidden />}
        title={t('errors.forbidden.title')}
        description={forbiddenReason(error.data, t)}
        actions={home}
      />
    );
  }
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <StatusPage
      standalone={standalone}
      color="red"
      icon={<IconAlertTriangle size={32} aria-hidden />}
      title={t('errors.generic.title')}
      description={problemMessage(error, t)}
      actions={
        <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      }
    />
  );
}

export function RootErrorPage() {
  return <RouteErrorPage standalone />;
}
