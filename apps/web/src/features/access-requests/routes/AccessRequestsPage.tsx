import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import type { AccessRequest } from '@sesame/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useAccessRequestsNav } from '../../../lib/access-requests-nav.ts';
import { useFormatters } from '../../../lib/format.ts';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { queueQueryOptions, queueStatuses, type QueueStatus } from '../api/queue.ts';
import { DenyModal } from '../components/DenyModal.tsx';
import { GrantModal } from '../components/GrantModal.tsx';
import { statusFromSearch } from './access-requests-loader.ts';

/** The contacts' queue: pending requests to grant or deny, and the decided ones. */
export function AccessRequestsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = statusFromSearch(searchParams);
  const { pending } = useAccessRequestsNav();

  return (
    <>
      <PageHeader title={t('accessRequests.queue.title')} description={t('accessRequests.queue.subtitle')} />
      <Tabs
        value={status}
        onChange={(value) => setSearchParams(value && value !== 'pending' ? { status: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('accessRequests.queue.tabs.label')} mb="md">
          {queueStatuses.map((s) => (
            <Tabs.Tab
              key={s}
              value={s}
              rightSection={s === 'pending' && pending ? <Badge size="sm" variant="filled" circle={pending < 10}>{pending}</Badge> : undefined}
            >
              {t(`accessRequests.queue.tabs.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {queueStatuses.map((s) => (
          <Tabs.Panel key={s} value={s}>
            <QueueTable status={s} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function QueueTable({ status }: { status: QueueStatus }) {
  const { t } = useTranslation();
  const list = useInfiniteQuery(queueQueryOptions(status));
  const [granting, setGranting] = useState<AccessRequest | null>(null);
  const [denying, setDenying] = useState<AccessRequest | null>(null);

  if (list.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (list.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(list.error, t)}
      </Alert>
    );
  }
  const items = list.data.pages.flatMap((p) => p.items);
  // An open dialog stays open (and keeps what was typed) when its request leaves the list,
  // decided elsewhere in the meantime: it then says by whom.
  return (
    <>
      {items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed" ta="center">
            {t(`accessRequests.queue.empty.${status}`)}
          </Text>
        </Paper>
      ) : (
        <QueueRows status={status} items={items} list={list} onGrant={setGranting} onDeny={setDenying} />
      )}
      {granting ? <GrantModal request={granting} onClose={() => setGranting(null)} /> : null}
      {denying ? <DenyModal request={denying} onClose={() => setDenying(null)} /> : null}
    </>
  );
}

function QueueRows({
  status,
  items,
  list,
  onGrant,
  onDeny,
}: {
  status: QueueStatus;
  items: AccessRequest[];
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  onGrant: (request: AccessRequest) => void;
  onDeny: (request: AccessRequest) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { privileges } = useMe();
  const mayDecide = hasPrivilege(privileges, { area: 'manage_access', level: 'update' });
  return (
    <Stack gap="md">
      {status === 'pending' && !mayDecide ? (
        <Alert variant="light" color="blue">
          {t('accessRequests.queue.readOnly')}
        </Alert>
      ) : null}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('accessRequests.queue.table.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accessRequests.queue.table.requester')}</Table.Th>
                <Table.Th>{t('accessRequests.queue.table.message')}</Table.Th>
                <Table.Th>{t('accessRequests.queue.table.requestedAt')}</Table.Th>
                {status === 'pending' ? (
                  mayDecide ? <Table.Th ta="right">{t('accessRequests.queue.table.actions')}</Table.Th> : null
                ) : (
                  <Table.Th>{t('accessRequests.queue.table.decision')}</Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const name = `${r.firstName} ${r.lastName}`;
                return (
                  <Table.Tr key={r.id} data-testid="access-request-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.email}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={360}>
                      {r.message ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                          {r.message}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('accessRequests.queue.table.noMessage')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="access-request-requested-at">
                        {format.dateTime(r.createdAt)}
                      </Text>
                    </Table.Td>
                    {status === 'pending' ? (
                      mayDecide ? (
                        <Table.Td>
                          <Group gap="xs" justify="flex-end" wrap="nowrap">
                            <Button size="xs" onClick={() => onGrant(r)} aria-label={t('accessRequests.queue.grantFor', { name })}>
                              {t('accessRequests.queue.grant')}
                            </Button>
                            <Button size="xs" variant="default" color="red" onClick={() => onDeny(r)} aria-label={t('accessRequests.queue.denyFor', { name })}>
                              {t('accessRequests.queue.deny')}
                            </Button>
                          </Group>
                        </Table.Td>
                      ) : null
                    ) : (
                      <Table.Td>
                        <Decision request={r} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {list.hasNextPage ? (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('accessRequests.queue.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

function Decision({ request: r }: { request: AccessRequest }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const date = r.decidedAt ? format.dateTime(r.decidedAt) : '';
  return (
    <Stack gap={2}>
      <Text size="sm">
        {r.autoApproved
          ? t('accessRequests.queue.table.autoApproved', { date })
          : t('accessRequests.queue.table.decidedBy', { name: r.decidedBy ? `${r.decidedBy.fullName || r.decidedBy.username} (${r.decidedBy.username})` : t('accessRequests.alreadyDecided.someone'), date })}
      </Text>
      {r.member ? (
        <Text size="xs" c="dimmed">
          {t('accessRequests.queue.table.member', { username: r.member.username })}
        </Text>
      ) : null}
      {r.denyReason ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {t('accessRequests.queue.table.reason', { reason: r.denyReason })}
        </Text>
      ) : null}
    </Stack>
  );
}
