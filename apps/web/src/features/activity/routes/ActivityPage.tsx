import { Alert, Anchor, Box, Button, Divider, Group, Loader, Paper, Select, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconDownload, IconFilterOff, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { activityExportUrl, useActivity, useMemberSearch } from '../api/activity.ts';
import { auditActionLabel, auditActions, auditTargetText, unbreakableEmailWord } from '@sesame/contracts';
import {
  hasActivityFilters,
  readActivityFilters,
  toActivityQuery,
  writeActivityFilters,
  type ActivityFilters,
} from '../activity-filters.ts';
import { ActivityChanges } from '../components/ActivityChanges.tsx';

export function ActivityPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readActivityFilters(searchParams);
  const query = toActivityQuery(filters);
  const activity = useActivity(query);
  const events = activity.data?.pages.flatMap((page) => page.items);

  const update = (patch: Partial<ActivityFilters>) => setSearchParams(writeActivityFilters({ ...filters, ...patch }), { replace: true });
  // Labels come from the table the CSV export shares; the display keeps "e-mail" on one line like every message.
  const actionLabel = (action: string) => unbreakableEmailWord(auditActionLabel(action, format.language));

  // The actor box follows the URL but only writes to it once typing pauses.
  const [actor, setActor] = useState(filters.actor);
  const [debouncedActor] = useDebouncedValue(actor, 350);
  useEffect(() => {
    if (debouncedActor.trim() !== filters.actor) update({ actor: debouncedActor });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the typed value settles
  }, [debouncedActor]);

  // Member: searched among members (when the signed-in member may see them).
  const [memberSearch, setMemberSearch] = useState('');
  const [debouncedMember] = useDebouncedValue(memberSearch, 250);
  const canSearchMembers = me.privileges.members !== 'none';
  const members = useMemberSearch(debouncedMember.trim(), canSearchMembers);
  const memberOptions = (members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName || m.username} (${m.username})` }));
  if (filters.member && !memberOptions.some((o) => o.value === filters.member)) {
    const known = events?.find((e) => e.target.id === filters.member)?.target.label;
    memberOptions.unshift({ value: filters.member, label: known ?? t('activity.filters.chosenMember') });
  }

  return (
    <>
      <PageHeader
        title={t('activity.title')}
        description={t('activity.subtitle')}
        actions={
          <Button component="a" href={activityExportUrl(query, format.language)} download leftSection={<IconDownload size={18} aria-hidden />} variant="default">
            {t('activity.export')}
          </Button>
        }
      />
      <Paper withBorder radius="lg" shadow="xs">
        <Box p="md">
          <Group align="flex-end" gap="sm" role="search" aria-label={t('activity.filters.label')} wrap="wrap">
            <Select
              label={t('activity.filters.member')}
              placeholder={canSearchMembers ? t('activity.filters.memberPlaceholder') : t('activity.filters.anyMember')}
              searchable
              clearable
              disabled={!canSearchMembers && !filters.member}
              data={memberOptions}
              value={filters.member}
              searchValue={memberSearch}
              onSearchChange={setMemberSearch}
              onChange={(member) => update({ member })}
              filter={({ options }) => options}
              w={260}
            />
            <TextInput label={t('activity.filters.actor')} placeholder={t('activity.filters.actorPlaceholder')} value={actor} onChange={(event) => setActor(event.currentTarget.value)} w={200} />
            <Select
              label={t('activity.filters.action')}
              placeholder={t('activity.filters.anyAction')}
              data={auditActions.map((action) => ({ value: action, label: actionLabel(action) })).sort((a, b) => a.label.localeCompare(b.label, format.language))}
              value={filters.action}
              onChange={(action) => update({ action })}
              clearable
              searchable
              w={260}
            />
            <TextInput type="date" label={t('activity.filters.from')} value={filters.from} onChange={(event) => update({ from: event.currentTarget.value })} w={160} />
            <TextInput type="date" label={t('activity.filters.to')} value={filters.to} onChange={(event) => update({ to: event.currentTarget.value })} w={160} />
            {hasActivityFilters(filters) ? (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={() => {
                  setActor('');
                  setSearchParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('activity.filters.clear')}
              </Button>
            ) : null}
          </Group>
        </Box>
        <Divider />
        {activity.isError ? (
          <Alert m="md" variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={t('activity.error')} role="alert">
            <Text size="sm" mb="sm">
              {problemMessage(activity.error, t)}
            </Text>
            <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void activity.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={900} type="native">
          <Table aria-label={t('activity.table.label')} aria-busy={activity.isFetching} fz="sm" verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activity.table.date')}</Table.Th>
                <Table.Th>{t('activity.table.actor')}</Table.Th>
                <Table.Th>{t('activity.table.action')}</Table.Th>
                <Table.Th>{t('activity.table.target')}</Table.Th>
                <Table.Th>{t('activity.table.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events
                ? events.map((event) => (
                    <Table.Tr key={event.id} data-action={event.action}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={event.createdAt} title={format.longDateTime(event.createdAt)}>
                          {format.dateTime(event.createdAt)}
                        </time>
                      </Table.Td>
                      <Table.Td>{event.actor.username ?? <Text span size="sm" c="dimmed">{t('activity.system')}</Text>}</Table.Td>
                      <Table.Td>{actionLabel(event.action)}</Table.Td>
                      <Table.Td>
                        {event.target.type === 'member' && event.target.id && !['member.deleted', 'member.unregistered'].includes(event.action) && canSearchMembers ? (
                          <Anchor component={Link} to={`/members/${event.target.id}`} size="sm">
                            {auditTargetText(event.target, format.language)}
                          </Anchor>
                        ) : (
                          auditTargetText(event.target, format.language)
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ActivityChanges action={event.action} before={event.before} after={event.after} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                : Array.from({ length: 8 }, (_, row) => (
                    <Table.Tr key={row} aria-hidden>
                      {Array.from({ length: 5 }, (_, cell) => (
                        <Table.Td key={cell}>
                          <Skeleton height={14} radius="sm" width="70%" />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {events && events.length === 0 ? (
          <Text p="lg" ta="center" c="dimmed" size="sm">
            {t('activity.empty')}
          </Text>
        ) : null}
        {activity.hasNextPage ? (
          <>
            <Divider />
            <Group justify="center" p="sm">
              <Button variant="default" onClick={() => void activity.fetchNextPage()} loading={activity.isFetchingNextPage}>
                {t('activity.older')}
              </Button>
            </Group>
          </>
        ) : null}
        {activity.isFetching && !activity.isFetchingNextPage && events ? (
          <Group justify="center" pb="sm">
            <Loader size={14} />
          </Group>
        ) : null}
      </Paper>
    </>
  );
}
