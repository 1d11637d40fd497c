import { ActionIcon, Alert, Badge, Button, Group, Menu, Paper, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { Group as GroupRow } from '@sesame/contracts';
import { IconDots, IconPencil, IconPlus, IconSearch, IconTrash, IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ownedGroupsQueryOptions, seesAllGroups } from '../../../lib/groups-nav.ts';
import { notify } from '../../../lib/notifications.ts';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { groupsQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { groupDetailQueryOptions, useDeleteGroup, useUpdateGroup } from '../api/groups.ts';
import { emptyGroup, GroupFormModal, valuesOf, type GroupFormValues } from '../components/GroupFormModal.tsx';
import { GroupMembersDrawer } from '../components/GroupMembersDrawer.tsx';

const matches = (g: GroupRow, q: string) => [g.name, g.description ?? '', g.ownerName].some((text) => text.toLocaleLowerCase().includes(q));

/**
 * Directory › Groups: every group with its owner, member count and default mark (View on
 * groups and categories); created, edited, marked default and deleted with Update on it. A
 * group's members open in a drawer (`?group=<id>`). Owners without View on groups see the
 * groups they own, whose members they manage.
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const all = seesAllGroups(me.privileges);
  const canEdit = hasPrivilege(me.privileges, { area: 'groups', level: 'update' });
  const canPickOwner = hasPrivilege(me.privileges, { area: 'members', level: 'view' });
  const everyGroup = useQuery({ ...groupsQueryOptions(), enabled: all });
  const ownedGroups = useQuery({ ...ownedGroupsQueryOptions(), enabled: !all });
  const list = all ? everyGroup : ownedGroups;
  const [params, setParams] = useSearchParams();
  const openId = params.get('group');
  const [search, setSearch] = useState('');
  const [form, setForm] = useState<GroupFormValues | null>(null);
  const [toDelete, setToDelete] = useState<GroupRow | null>(null);
  const remove = useDeleteGroup();

  const q = search.trim().toLocaleLowerCase();
  const groups = (list.data ?? []).filter((g) => !q || matches(g, q));

  const openGroup = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('group', id);
        else next.delete('group');
        return next;
      },
      { replace: false },
    );

  const edit = async (g: GroupRow) => {
    const detail = await queryClient.fetchQuery(groupDetailQueryOptions(g.id));
    setForm(valuesOf(detail));
  };

  const confirmDelete = async () => {
    if (!toDelete) return;
    const result = await remove.mutateAsync(toDelete.id);
    notify({ tone: 'success', title: t('groups.deleted', { name: result.name }) });
    if (openId === toDelete.id) openGroup(null);
    setToDelete(null);
  };

  return (
    <>
      <PageHeader
        title={t('groups.title')}
        description={all ? t('groups.subtitle') : t('groups.ownedSubtitle')}
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm(emptyGroup)}>
              {t('groups.create')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('groups.searchLabel')}
            placeholder={t('groups.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            autoComplete="off"
            maxLength={200}
            w={420}
            maw="100%"
          />
          <Text size="sm" c="dimmed" data-testid="groups-count">
            {t('groups.count', { count: groups.length })}
          </Text>
        </Group>
        {list.error ? (
          <Alert color="red" role="alert" title={t('groups.error')}>
            {problemMessage(list.error, t)}
          </Alert>
        ) : null}
        <Paper withBorder radius="md">
          <Table layout="fixed" verticalSpacing="sm" highlightOnHover aria-label={t('groups.table.label')} data-testid="groups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('groups.table.name')}</Table.Th>
                <Table.Th w="22%">{t('groups.table.owner')}</Table.Th>
                <Table.Th w={130}>{t('groups.table.members')}</Table.Th>
                <Table.Th w={130}>{t('groups.table.default')}</Table.Th>
                <Table.Th w={170}>
                  <VisuallyHidden>{t('groups.table.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <GroupTableRow key={g.id} group={g} canEdit={canEdit} onOpen={() => openGroup(g.id)} onEdit={() => void edit(g)} onDelete={() => setToDelete(g)} />
              ))}
            </Table.Tbody>
          </Table>
          {list.data && groups.length === 0 ? (
            <Text p="lg" c="dimmed" ta="center">
              {q ? t('groups.noMatch', { q: search.trim() }) : t('groups.empty')}
            </Text>
          ) : null}
        </Paper>
      </Stack>
      {form ? <GroupFormModal key={form.id ?? 'new'} opened initial={form} canPickOwner={canPickOwner} onClose={() => setForm(null)} /> : null}
      <ConfirmDialog
        opened={toDelete !== null}
        title={t('groups.deleteDialog.title', { name: toDelete?.name ?? '' })}
        confirmLabel={t('groups.deleteDialog.confirm')}
        cancelLabel={t('common.cancel')}
        danger
        loading={remove.isPending}
        onConfirm={() => void confirmDelete().catch(() => undefined)}
        onCancel={() => {
          remove.reset();
          setToDelete(null);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{toDelete?.memberCount ? t('groups.deleteDialog.body', { count: toDelete.memberCount }) : t('groups.deleteDialog.bodyEmpty')}</Text>
          {remove.error ? (
            <Alert color="red" role="alert">
              {problemMessage(remove.error, t)}
            </Alert>
          ) : null}
        </Stack>
      </ConfirmDialog>
      <GroupMembersDrawer groupId={openId} onClose={() => openGroup(null)} membersLinked={canPickOwner} />
    </>
  );
}

function GroupTableRow({ group, canEdit, onOpen, onEdit, onDelete }: { group: GroupRow; canEdit: boolean; onOpen: () => void; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateGroup(group.id);
  const toggleDefault = async (isDefault: boolean) => {
    try {
      const saved = await update.mutateAsync({ isDefault });
      notify({ tone: 'success', title: t('groups.saved', { name: saved.name }) });
    } catch (error) {
      notify({ tone: 'error', title: problemMessage(error, t) });
    }
  };
  return (
    <Table.Tr data-testid="group-row">
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Text size="sm" fw={600}>
          {group.name}
        </Text>
        {group.description ? (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {group.description}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{group.ownerName}</Table.Td>
      <Table.Td>{t('groups.memberCount', { count: group.memberCount })}</Table.Td>
      <Table.Td>
        {canEdit ? (
          <Switch
            checked={group.isDefault}
            disabled={update.isPending}
            onChange={(e) => void toggleDefault(e.currentTarget.checked)}
            aria-label={t('groups.makeDefaultFor', { name: group.name })}
            title={t('groups.defaultHint')}
          />
        ) : group.isDefault ? (
          <Badge variant="light" title={t('groups.defaultHint')}>
            {t('groups.defaultBadge')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="light" leftSection={<IconUsers size={14} aria-hidden />} onClick={onOpen} aria-label={t('groups.openFor', { name: group.name })}>
            {t('groups.open')}
          </Button>
          {canEdit ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('groups.actionsFor', { name: group.name })}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
                  {t('groups.edit')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>
                  {t('groups.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
