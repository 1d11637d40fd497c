import { Alert, Button, Center, Divider, EmptyState, Group, Loader, Paper, Text } from '@mantine/core';
import { IconAlertCircle, IconMailOpened, IconMailbox, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCaughtMail, useCaughtMailDetail, useClearCaughtMail } from '../api/dev-mail.ts';
import { MailList } from '../components/MailList.tsx';
import { MailReader } from '../components/MailReader.tsx';
import classes from '../components/DevMail.module.css';

/** What the development mail catcher caught: a list, and the selected message (?message=id). */
export function DevMailPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get('message');
  const mail = useCaughtMail();
  const clear = useClearCaughtMail();
  const [confirmClear, setConfirmClear] = useState(false);
  const messages = mail.data ?? [];
  const inList = messages.find((message) => message.id === selectedId);
  const detail = useCaughtMailDetail(selectedId, !inList);
  const selected = inList ?? detail.data;

  const select = (id: string) => setSearchParams({ message: id });
  const clearAll = () =>
    clear.mutate(undefined, {
      onSuccess: () => {
        setConfirmClear(false);
        setSearchParams({});
        notify({ tone: 'success', title: t('devMail.cleared') });
      },
      onError: (error) => {
        setConfirmClear(false);
        notify({ tone: 'error', title: t('devMail.clearFailed'), message: problemMessage(error, t) });
      },
    });

  return (
    <>
      <PageHeader
        title={t('devMail.title')}
        description={t('devMail.subtitle')}
        actions={
          <>
            <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void mail.refetch()} loading={mail.isFetching && !mail.isPending}>
              {t('devMail.refresh')}
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirmClear(true)} disabled={messages.length === 0}>
              {t('devMail.clear')}
            </Button>
          </>
        }
      />

      {mail.isError ? (
        <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={t('devMail.errorTitle')} role="alert" mb="md">
          {problemMessage(mail.error, t)}
        </Alert>
      ) : null}

      <Paper withBorder radius="lg" shadow="xs" className={classes.layout}>
        <div className={classes.sidebar}>
          <Group justify="space-between" px="md" py="sm">
            <Text size="sm" fw={600} aria-live="polite" data-testid="caught-mail-count">
              {t('devMail.count', { count: messages.length })}
            </Text>
          </Group>
          <Divider />
          {mail.isPending ? (
            <Center py="xl">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          ) : messages.length === 0 ? (
            <EmptyState variant="light" py={48} px="md" icon={<IconMailbox size={28} aria-hidden />}>
              <EmptyState.Title order={2}>{t('devMail.emptyTitle')}</EmptyState.Title>
              <EmptyState.Description>{t('devMail.emptyBody')}</EmptyState.Description>
            </EmptyState>
          ) : (
            <MailList messages={messages} selectedId={selectedId} onSelect={select} />
          )}
        </div>
        <div className={classes.reader}>
          {selected ? (
            <MailReader key={selected.id} message={selected} />
          ) : selectedId && detail.isPending ? (
            <Center py="xl">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          ) : (
            <Center h="100%" py="xl">
              <Group gap="sm" c="dimmed">
                <IconMailOpened size={22} aria-hidden />
                <Text c="dimmed">{t('devMail.select')}</Text>
              </Group>
            </Center>
          )}
        </div>
      </Paper>

      <ConfirmDialog
        opened={confirmClear}
        title={t('devMail.clearTitle')}
        confirmLabel={t('devMail.clear')}
        cancelLabel={t('common.cancel')}
        onConfirm={clearAll}
        onCancel={() => setConfirmClear(false)}
        loading={clear.isPending}
        danger
      >
        {t('devMail.clearBody')}
      </ConfirmDialog>
    </>
  );
}
