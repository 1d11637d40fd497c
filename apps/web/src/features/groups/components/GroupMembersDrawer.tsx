import { Alert, Badge, Button, Checkbox, Drawer, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { paths } from '../../../lib/session/guards.ts';
import { groupDetailQueryOptions, groupMembersQueryOptions, useChangeGroupMembers } from '../api/groups.ts';
import { AddGroupMembersModal, memberName } from './AddGroupMembersModal.tsx';

/**
 * A group's page, in a drawer: its owner and description, its members (searched, a page at a
 * time) and, for whoever manages them (Update on groups, or the group's owner), adding members
 * from a picker and removing the ticked ones.
 */
export function GroupMembersDrawer({ groupId, onClose, membersLinked }: { groupId: string | null; onClose: () => void; membersLinked: boolean }) {
  const { t } = useTranslation();
  const detail = useQuery({ ...groupDetailQueryOptions(groupId ?? ''), enabled: groupId !== null });
  const group = detail.data;
  return (
    <Drawer
      opened={groupId !== null}
      onClose={onClose}
      position="right"
      size={720}
      title={<Text fw={650} fz="lg">{group?.name ?? t('common.loading')}</Text>}
      closeButtonProps={{ 'aria-label': t('groups.detail.close') }}
      data-testid="group-drawer"
    >
      {detail.error ? (
        <Alert color="red" role="alert">
          {problemMessage(detail.error, t)}
        </Alert>
      ) : !group ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <GroupMembers key={group.id} group={group} membersLinked={membersLinked} />
      )}
    </Drawer>
  );
}

function GroupMembers({ group, membersLinked }: { group: { id: string; name: string; description: string | null; isDefault: boolean; canManageMembers: boolean; owner: { firstName: string; lastName: string; username: string } }; membersLinked: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState(false);
  const members = useInfiniteQuery(groupMembersQueryOptions(group.id, q));
  const remove = useChangeGroupMembers(group.id, 'remove');
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const total = members.data?.pages[0]?.total ?? 0;
  const manage = group.canManageMembers;
  const allShown = items.length > 0 && items.every((m) => selected.has(m.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const removeSelected = async () => {
    const result = await remove.mutateAsync([...selected]);
    notify({ tone: 'success', title: t('groups.detail.removed', { count: result.changed }) });
    setSelected(new Set());
  };

  return (
    <Stack gap="md">
      <div>
        <Text size="sm">{t('groups.detail.owner', { name: memberName(group.owner) })}</Text>
        {group.description ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {group.description}
          </Text>
        ) : null}
        {group.isDefault ? (
          <Badge variant="light" mt={6}>
            {t('groups.defaultBadge')}
          </Badge>
        ) : null}
      </div>
      {!manage ? (
        <Alert variant="light" color="gray">
          {t('groups.detail.readOnly')}
        </Alert>
      ) : null}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          type="search"
          label={t('groups.detail.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          autoComplete="off"
          maxLength={200}
          style={{ flex: '1 1 240px' }}
        />
        {manage ? (
          <Group gap="sm">
            <Button variant="default" color="red" leftSection={<IconUserMinus size={16} aria-hidden />} disabled={selected.size === 0} loading={remove.isPending} onClick={() => void removeSelected().catch(() => undefined)}>
              {t('groups.detail.remove', { count: selected.size })}
            </Button>
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('groups.add.open')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {remove.error ? (
        <Alert color="red" role="alert">
          {problemMessage(remove.error, t)}
        </Alert>
      ) : null}
      <Table layout="fixed" verticalSpacing="xs" aria-label={t('groups.detail.members')} data-testid="group-members">
        <Table.Thead>
          <Table.Tr>
            {manage ? (
              <Table.Th w={44}>
                <Checkbox
                  aria-label={t('groups.detail.selectAll')}
                  checked={allShown}
                  indeterminate={!allShown && items.some((m) => selected.has(m.id))}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.map((m) => m.id)) : new Set())}
                />
              </Table.Th>
            ) : null}
            <Table.Th>{t('groups.detail.name')}</Table.Th>
            <Table.Th>{t('groups.detail.username')}</Table.Th>
            <Table.Th>{t('groups.detail.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              {manage ? (
                <Table.Td>
                  <Checkbox aria-label={t('groups.detail.select', { name: memberName(m) })} checked={selected.has(m.id)} onChange={(e) => toggle(m.id, e.currentTarget.checked)} />
                </Table.Td>
              ) : null}
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{membersLinked ? <Link to={`${paths.members}/${m.id}`}>{memberName(m)}</Link> : memberName(m)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.username}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.email}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {members.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {!members.isPending && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {q ? t('groups.detail.noMatch') : t('groups.detail.empty')}
        </Text>
      ) : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="group-members-shown">
          {t('groups.detail.shown', { shown: items.length, total })}
        </Text>
        {members.hasNextPage ? (
          <Button variant="default" onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
            {t('groups.detail.more')}
          </Button>
        ) : null}
      </Group>
      {manage ? <AddGroupMembersModal group={group} opened={adding} onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
