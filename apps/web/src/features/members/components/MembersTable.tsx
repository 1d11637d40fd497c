import { Anchor, Avatar, Checkbox, Group, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Member, MemberSort } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/format.ts';
import { initials } from '../../../lib/initials.ts';
import type { SortOrder } from '../member-filters.ts';
import { InvitationActions } from './InvitationActions.tsx';
import { MemberStatusBadge } from './MemberStatusBadge.tsx';
import { SortableHeader } from './SortableHeader.tsx';
import classes from './MembersTable.module.css';

interface MembersTableProps {
  /** Undefined while the first page loads: skeleton rows are shown. */
  members: Member[] | undefined;
  skeletonRows: number;
  sort: MemberSort;
  order: SortOrder;
  onSort: (column: MemberSort) => void;
  /** Rows on screen belong to the previous request while a new one runs. */
  stale: boolean;
  /** Shown to those who manage invitations: a menu on each pending member's row. */
  invitations?: {
    busyId: string | null;
    onResend: (member: Member) => void;
    onRevoke: (member: Member) => void;
  };
  /** Shown to those who may act on several members at once: a checkbox on each row. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (member: Member, checked: boolean) => void;
    onTogglePage: (checked: boolean) => void;
    /** A row that can't be selected (the signed-in member: no bulk action applies to oneself). */
    unselectable?: string;
  };
}

/** Lets a narrow column break an address before the "@" rather than overflow. */
function BreakableEmail({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  return (
    <span className={classes.nowrap}>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </span>
  );
}

export function MembersTable({ members, skeletonRows, sort, order, onSort, stale, invitations, selection }: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sortProps = { sort, order, onSort };
  const columnCount = (invitations ? 9 : 8) + (selection ? 1 : 0);
  const pageSelected =
    !!selection && !!members?.some((m) => selection.selected.has(m.id)) && members.every((m) => m.id === selection.unselectable || selection.selected.has(m.id));
  const someSelected = !!selection && !!members?.some((m) => selection.selected.has(m.id));

  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table
        aria-label={t('members.table.label')}
        aria-busy={stale || !members}
        highlightOnHover
        fz="sm"
        verticalSpacing="sm"
        horizontalSpacing="sm"
        className={classes.table}
        data-stale={stale || undefined}
      >
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th className={classes.th} w={40}>
                <Checkbox
                  aria-label={t('bulk.selectPage')}
                  checked={pageSelected}
                  indeterminate={someSelected && !pageSelected}
                  onChange={(event) => selection.onTogglePage(event.currentTarget.checked)}
                  disabled={!members?.length}
                />
              </Table.Th>
            ) : null}
            <SortableHeader column="lastName" label={t('members.table.name')} {...sortProps} />
            <SortableHeader column="username" label={t('members.table.username')} {...sortProps} />
            <SortableHeader column="email" label={t('members.table.email')} {...sortProps} />
            <Table.Th className={classes.th}>{t('members.table.role')}</Table.Th>
            <Table.Th className={classes.th}>{t('members.table.userType')}</Table.Th>
            <Table.Th className={classes.th}>{t('members.table.status')}</Table.Th>
            <SortableHeader column="lastSignInAt" label={t('members.table.lastSignIn')} {...sortProps} />
            <SortableHeader column="createdAt" label={t('members.table.createdAt')} {...sortProps} />
            {invitations ? (
              <Table.Th className={classes.th} w={56}>
                <VisuallyHidden>{t('members.table.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members
            ? members.map((member) => (
                <Table.Tr key={member.id} bg={selection?.selected.has(member.id) ? 'var(--mantine-color-blue-light)' : undefined}>
                  {selection ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('bulk.select', { name: member.fullName || member.username })}
                        disabled={member.id === selection.unselectable}
                        title={member.id === selection.unselectable ? t('bulk.notYourself') : undefined}
                        checked={selection.selected.has(member.id)}
                        onChange={(event) => selection.onToggle(member, event.currentTarget.checked)}
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Group gap={10} wrap="nowrap">
                      <Avatar size={28} radius="xl" color="initials" name={`${member.firstName} ${member.lastName}`} aria-hidden>
                        {initials(member.firstName, member.lastName, member.username)}
                      </Avatar>
                      <Anchor
                        component={Link}
                        to={`/members/${member.id}`}
                        size="sm"
                        fw={600}
                        c={member.status === 'disabled' ? 'dimmed' : undefined}
                        className={classes.nowrap}
                      >
                        {member.fullName || `${member.firstName} ${member.lastName}`}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className={classes.nowrap}>
                      {member.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      <BreakableEmail email={member.email} />
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.name(member.role)}</Table.Td>
                  <Table.Td>{format.name(member.userType)}</Table.Td>
                  <Table.Td className={classes.nowrap}>
                    <MemberStatusBadge status={member.status} />
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>
                    {member.lastSignInAt ? (
                      <time dateTime={member.lastSignInAt} title={format.longDateTime(member.lastSignInAt)}>
                        {format.date(member.lastSignInAt)}
                      </time>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        {t('common.never')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>
                    <time dateTime={member.createdAt} title={format.longDateTime(member.createdAt)}>
                      {format.date(member.createdAt)}
                    </time>
                  </Table.Td>
                  {invitations ? (
                    <Table.Td>
                      {member.status === 'pending' ? (
                        <InvitationActions
                          member={member}
                          busy={invitations.busyId === member.id}
                          onResend={invitations.onResend}
                          onRevoke={invitations.onRevoke}
                        />
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))
            : Array.from({ length: skeletonRows }, (_, row) => (
                <Table.Tr key={row} aria-hidden>
                  {Array.from({ length: columnCount }, (_, cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={14} radius="sm" width={cell === 0 ? '80%' : '65%'} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
