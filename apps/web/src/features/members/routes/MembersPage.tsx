import { Alert, Box, Button, Divider, Group, Loader, Paper, Skeleton, Text } from '@mantine/core';
import { isFullMember, type Member, type MemberSort } from '@sesame/contracts';
import { IconAlertCircle, IconRefresh, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { membersView, sectionById } from '../../../lib/sections.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { membersExportUrl } from '../api/export-members.ts';
import { useMembersList } from '../api/list-members.ts';
import { MembersEmptyState } from '../components/MembersEmptyState.tsx';
import { MembersFilters } from '../components/MembersFilters.tsx';
import { MembersPagination } from '../components/MembersPagination.tsx';
import { MembersTable } from '../components/MembersTable.tsx';
import { BulkActions } from '../components/BulkActions.tsx';
import { MembersToolbar } from '../components/MembersToolbar.tsx';
import { useInvitationActions } from '../components/use-invitation-actions.tsx';
import { exportColumnsFor, useMemberColumns, type MemberColumn } from '../member-columns.ts';
import {
  hasActiveFilters,
  readMemberFilters,
  toListParams,
  writeMemberFilters,
  type MemberFilters,
} from '../member-filters.ts';

/** Dates read best newest first; names and addresses alphabetically. */
const firstOrder: Record<MemberSort, 'asc' | 'desc'> = {
  lastName: 'asc',
  username: 'asc',
  email: 'asc',
  createdAt: 'desc',
  lastSignInAt: 'desc',
};

/** The directory's one column besides the name: what the API gives of every member (decision 014). */
const directoryColumns: readonly MemberColumn[] = ['username'];

/**
 * The members section. With View on members: the full list, its filters, columns, export and
 * (with Update) bulk actions. Without it: the directory — names and pictures of the members
 * whose profile is visible, searched and sorted by name, one's own row leading to one's page.
 */
export function MembersPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { privileges } = me;
  const directory = !hasPrivilege(privileges, membersView);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readMemberFilters(searchParams, { directory });
  const filtersKey = writeMemberFilters(filters).toString();

  // Keyset pagination has no page numbers: the cursors that led to the current page are
  // kept so "previous" can go back. Any change of filters starts again from the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filtersKey, cursors: [] });
  const cursors = paging.key === filtersKey ? paging.cursors : [];
  const cursor = cursors.at(-1);

  const list = useMembersList(toListParams(filters, cursor));
  const columns = useMemberColumns();
  const shownColumns = directory ? directoryColumns : columns.shown;
  const exportHref = membersExportUrl(toListParams(filters), exportColumnsFor(columns.shown), i18n.resolvedLanguage === 'en' ? 'en' : 'fr');
  const page = list.data;
  const filtered = hasActiveFilters(filters);

  const update = (patch: Partial<MemberFilters>, options?: { replace?: boolean; state?: unknown }) => {
    setSearchParams(writeMemberFilters({ ...filters, ...patch }), { replace: options?.replace ?? false, state: options?.state });
  };
  const clearFilters = () => update({ q: '', role: null, userType: null, status: null });
  const sortBy = (column: MemberSort) => {
    const order = filters.sort === column ? (filters.order === 'asc' ? 'desc' : 'asc') : firstOrder[column];
    update({ sort: column, order });
  };
  const goNext = () => {
    if (page?.nextCursor) setPaging({ key: filtersKey, cursors: [...cursors, page.nextCursor] });
  };
  const goPrevious = () => setPaging({ key: filtersKey, cursors: cursors.slice(0, -1) });

  // Adding members follows its own levels (Update on manage access is enough), even in the directory.
  const canAdd = hasPrivilege(privileges, sectionById('addMembers').privilege);
  // Resending and revoking invitations is part of adding members.
  const invitations = useInvitationActions(canAdd);
  const showEmpty = page && !list.isPlaceholderData && page.items.length === 0;

  // Rows selected for a bulk action; a new search or filter starts a new selection.
  const meIsAdministrator = me.isAdministrator;
  const canBulk = hasPrivilege(privileges, { area: 'members', level: 'update' }) && !directory;
  const [selection, setSelection] = useState<{ key: string; members: Map<string, Member> }>({ key: filtersKey, members: new Map() });
  const selectedMembers = selection.key === filtersKey ? selection.members : new Map<string, Member>();
  const selectRows = (rows: Member[], checked: boolean) => {
    const next = new Map(selectedMembers);
    for (const row of rows) {
      if (row.id === me.member.id) continue;
      if (checked) next.set(row.id, row);
      else next.delete(row.id);
    }
    setSelection({ key: filtersKey, members: next });
  };
  const clearSelection = () => setSelection({ key: filtersKey, members: new Map() });

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={t(directory ? 'members.directory.subtitle' : 'members.subtitle')}
        actions={
          canAdd ? (
            <Button component={Link} to={sectionById('addMembers').path} leftSection={<IconUserPlus size={18} aria-hidden />}>
              {t('members.add')}
            </Button>
          ) : null
        }
      />

      <Paper withBorder radius="lg" shadow="xs">
        <Box p="md">
          <MembersFilters filters={filters} onChange={update} onClear={clearFilters} directory={directory} />
        </Box>
        <Divider />
        <Group justify="space-between" px="md" py="xs" mih={44} display={list.isError && !page ? 'none' : undefined}>
          <Text size="sm" fw={600} aria-live="polite" data-testid="members-total">
            {page ? t('members.total', { count: page.total }) : <Skeleton component="span" display="inline-block" height={14} width={96} radius="sm" />}
          </Text>
          <Group gap="sm">
            {list.isFetching && page ? (
              <Group gap={6}>
                <Loader size={14} />
                <Text size="xs" c="dimmed">
                  {t('members.table.updating')}
                </Text>
              </Group>
            ) : null}
            {directory ? null : <MembersToolbar columns={columns.shown} onColumns={columns.choose} exportHref={exportHref} />}
          </Group>
        </Group>
        <Divider />
        {canBulk ? <BulkActions selected={[...selectedMembers.values()]} onClear={clearSelection} meIsAdministrator={meIsAdministrator} /> : null}

        {list.isError ? (
          <Alert
            m="md"
            variant="light"
            color="red"
            icon={<IconAlertCircle size={20} aria-hidden />}
            title={t('members.error.title')}
            role="alert"
          >
            <Text size="sm" mb="sm">
              {problemMessage(list.error, t)}
            </Text>
            <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : null}

        {showEmpty ? (
          <MembersEmptyState filtered={filtered} onClear={clearFilters} />
        ) : list.isError && !page ? null : (
          <MembersTable
            members={page?.items}
            columns={shownColumns}
            skeletonRows={Math.min(filters.limit, 10)}
            sort={filters.sort}
            order={filters.order}
            onSort={sortBy}
            stale={list.isPlaceholderData}
            invitations={directory ? undefined : invitations.actions}
            selection={
              canBulk
                ? {
                    selected: new Set(selectedMembers.keys()),
                    onToggle: (member, checked) => selectRows([member], checked),
                    onTogglePage: (checked) => selectRows((page?.items ?? []).filter((m) => isFullMember<Member>(m)), checked),
                    unselectable: me.member.id,
                  }
                : undefined
            }
          />
        )}

        {page && page.total > 0 ? (
          <>
            <Divider />
            <MembersPagination
              pageIndex={cursors.length}
              pageSize={filters.limit}
              shownCount={page.items.length}
              total={page.total}
              hasPrevious={cursors.length > 0}
              hasNext={!!page.nextCursor}
              busy={list.isPlaceholderData}
              onPrevious={goPrevious}
              onNext={goNext}
              onPageSize={(limit) => update({ limit })}
            />
          </>
        ) : null}
      </Paper>
      {invitations.dialog}
    </>
  );
}
