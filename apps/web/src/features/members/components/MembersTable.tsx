import { Anchor, Avatar, Checkbox, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { isFullMember, type DirectoryMember, type Member, type MemberSort } from '@sesame/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/format.ts';
import { initials } from '../../../lib/initials.ts';
import { thumbnailUrl } from '../api/member-detail.ts';
import type { MemberColumn } from '../member-columns.ts';
import type { SortOrder } from '../member-filters.ts';
import { InvitationActions } from './InvitationActions.tsx';
import type { InvitationHandlers } from './use-invitation-actions.tsx';
import { MemberStatusBadge } from './MemberStatusBadge.tsx';
import { SortableHeader } from './SortableHeader.tsx';
import classes from './MembersTable.module.css';

interface MembersTableProps {
  /**
   * Undefined while the first page loads: skeleton rows are shown. In the directory (no View
   * on members) only one's own row is a full Member; the others have a name and a picture.
   */
  members: ListedMember[] | undefined;
  /** The optional columns shown (the name always is). */
  columns: readonly MemberColumn[];
  skeletonRows: number;
  sort: MemberSort;
  order: SortOrder;
  onSort: (column: MemberSort) => void;
  /** Rows on screen belong to the previous request while a new one runs. */
  stale: boolean;
  /** Shown to those who manage invitations: a menu on each pending member's row. */
  invitations?: InvitationHandlers | undefined;
  /** Shown to those who may act on several members at once: a checkbox on each row. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (member: Member, checked: boolean) => void;
    onTogglePage: (checked: boolean) => void;
    /** A row that can't be selected (the signed-in member: no bulk action applies to oneself). */
    unselectable?: string;
  };
}

export type ListedMember = Member | DirectoryMember;

/** Relative widths of the columns (the table's layout is fixed: long values are cut with an ellipsis, never the page). */
const columnWeights: Record<MemberColumn | 'name', number> = {
  name: 24,
  username: 14,
  email: 22,
  role: 11,
  userType: 11,
  status: 12,
  lastSignInAt: 11,
  createdAt: 10,
};

/** Below this width the list shows each member on two lines instead of one column per field. */
export const phoneQuery = '(max-width: 47.99em)';

/** A cell's text on one line, cut with an ellipsis; the whole value in its tooltip. */
function Clipped({ text, children, dimmed }: { text: string; children?: ReactNode; dimmed?: boolean }) {
  return (
    <Text span size="sm" c={dimmed ? 'dimmed' : undefined} className={classes.clip} title={text}>
      {children ?? text}
    </Text>
  );
}

export function MembersTable(props: MembersTableProps) {
  const { members, columns, skeletonRows, sort, order, onSort, stale, invitations, selection } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const phone = useMediaQuery(phoneQuery) ?? false;
  const sortProps = { sort, order, onSort };
  const shown = phone ? [] : columns;
  const columnCount = 1 + shown.length + (invitations ? 1 : 0) + (selection ? 1 : 0);
  const pageSelected =
    !!selection && !!members?.some((m) => selection.selected.has(m.id)) && members.every((m) => m.id === selection.unselectable || selection.selected.has(m.id));
  const someSelected = !!selection && !!members?.some((m) => selection.selected.has(m.id));
  const totalWeight = columnWeights.name + shown.reduce((sum, column) => sum + columnWeights[column], 0);
  const width = (column: MemberColumn | 'name') => `${((columnWeights[column] / totalWeight) * 100).toFixed(2)}%`;

  const header: Record<MemberColumn, ReactNode> = {
    username: <SortableHeader key="username" column="username" label={t('members.table.username')} width={width('username')} {...sortProps} />,
    email: <SortableHeader key="email" column="email" label={t('members.table.email')} width={width('email')} {...sortProps} />,
    role: <PlainHeader key="role" label={t('members.table.role')} width={width('role')} />,
    userType: <PlainHeader key="userType" label={t('members.table.userType')} width={width('userType')} />,
    status: <PlainHeader key="status" label={t('members.table.status')} width={width('status')} />,
    lastSignInAt: <SortableHeader key="lastSignInAt" column="lastSignInAt" label={t('members.table.lastSignIn')} width={width('lastSignInAt')} {...sortProps} />,
    createdAt: <SortableHeader key="createdAt" column="createdAt" label={t('members.table.createdAt')} width={width('createdAt')} {...sortProps} />,
  };

  const cell = (member: ListedMember, column: MemberColumn): ReactNode => {
    if (column === 'username') return <Clipped text={member.username} />;
    // A directory row has nothing more (its columns are the name and the username).
    if (!isFullMember<Member>(member)) return null;
    switch (column) {
      case 'email':
        return <Clipped text={member.email} dimmed />;
      case 'role':
        return <Clipped text={format.name(member.role)} />;
      case 'userType':
        return <Clipped text={format.name(member.userType)} />;
      case 'status':
        return <MemberStatusBadge status={member.status} />;
      case 'lastSignInAt':
        return member.lastSignInAt ? (
          <time dateTime={member.lastSignInAt} title={format.longDateTime(member.lastSignInAt)}>
            {format.date(member.lastSignInAt)}
          </time>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('common.never')}
          </Text>
        );
      case 'createdAt':
        return (
          <time dateTime={member.createdAt} title={format.longDateTime(member.createdAt)}>
            {format.date(member.createdAt)}
          </time>
        );
    }
  };

  const nameLink = (member: ListedMember) => {
    const name = member.fullName || `${member.firstName} ${member.lastName}`;
    return (
      <Anchor
        component={Link}
        to={`/members/${member.id}`}
        size="sm"
        fw={600}
        c={isFullMember<Member>(member) && member.status === 'disabled' ? 'dimmed' : undefined}
        className={classes.clip}
        title={name}
      >
        {name}
      </Anchor>
    );
  };

  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table
        aria-label={t('members.table.label')}
        aria-busy={stale || !members}
        highlightOnHover
        fz="sm"
        verticalSpacing="sm"
        horizontalSpacing="sm"
        className={classes.table}
        data-stale={stale || undefined}
        data-layout={phone ? 'phone' : 'wide'}
      >
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th className={classes.th} w={44}>
                <Checkbox
                  aria-label={t('bulk.selectPage')}
                  checked={pageSelected}
                  indeterminate={someSelected && !pageSelected}
                  onChange={(event) => selection.onTogglePage(event.currentTarget.checked)}
                  disabled={!members?.length}
                />
              </Table.Th>
            ) : null}
            <SortableHeader column="lastName" label={t('members.table.name')} width={phone ? undefined : width('name')} {...sortProps} />
            {shown.map((column) => header[column])}
            {invitations ? (
              <Table.Th className={classes.th} w={52}>
                <VisuallyHidden>{t('members.table.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members
            ? members.map((member) => {
                const full = isFullMember<Member>(member) ? member : null;
                return (
                  <Table.Tr key={member.id} bg={selection?.selected.has(member.id) ? 'var(--mantine-color-blue-light)' : undefined}>
                    {selection ? (
                      <Table.Td>
                        {full ? (
                          <Checkbox
                            aria-label={t('bulk.select', { name: full.fullName || full.username })}
                            disabled={full.id === selection.unselectable}
                            title={full.id === selection.unselectable ? t('bulk.notYourself') : undefined}
                            checked={selection.selected.has(full.id)}
                            onChange={(event) => selection.onToggle(full, event.currentTarget.checked)}
                          />
                        ) : null}
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <Group gap={10} wrap="nowrap" className={classes.nameCell}>
                        <Avatar
                          size={28}
                          radius="xl"
                          color="initials"
                          name={`${member.firstName} ${member.lastName}`}
                          src={member.hasThumbnail ? thumbnailUrl(member.id) : null}
                          alt=""
                          aria-hidden
                        >
                          {initials(member.firstName, member.lastName, member.username)}
                        </Avatar>
                        {phone ? (
                          <Stack gap={2} className={classes.nameCell}>
                            {nameLink(member)}
                            <Clipped text={full ? `${full.username} · ${full.email}` : member.username} dimmed />
                            {full ? <MemberStatusBadge status={full.status} /> : null}
                          </Stack>
                        ) : (
                          nameLink(member)
                        )}
                      </Group>
                    </Table.Td>
                    {shown.map((column) => (
                      <Table.Td key={column} className={classes.cell}>
                        {cell(member, column)}
                      </Table.Td>
                    ))}
                    {invitations ? (
                      <Table.Td>
                        {full?.status === 'pending' ? (
                          <InvitationActions member={full} busy={invitations.busyId === full.id} onResend={invitations.onResend} onRevoke={invitations.onRevoke} />
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })
            : Array.from({ length: skeletonRows }, (_, row) => (
                <Table.Tr key={row} aria-hidden>
                  {Array.from({ length: columnCount }, (_, index) => (
                    <Table.Td key={index}>
                      <Skeleton height={14} radius="sm" width={index === 0 ? '80%' : '65%'} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlainHeader({ label, width }: { label: string; width: string }) {
  return (
    <Table.Th className={classes.th} w={width} title={label}>
      <span className={classes.clip}>{label}</span>
    </Table.Th>
  );
}
