import { Badge, Table, Title } from '@mantine/core';
import type { Member } from '@sesame/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { MemberHeadCells } from './MemberColumns.tsx';

const statusColors = { active: 'teal', pending: 'yellow', disabled: 'gray' } as const;

type CreatedMember = Pick<Member, 'id' | 'username' | 'firstName' | 'lastName' | 'fullName' | 'email' | 'role' | 'userType' | 'status'>;

/** The members just created, manually or from a file: name, username, email, user type, role, status. */
export function CreatedMembersTable({ members, footer }: { members: readonly CreatedMember[]; footer?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <Title order={3} fz="md" mb={-8}>
        {t('addMembers.result.createdTable')}
      </Title>
      <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('addMembers.result.createdTable')}>
        <Table aria-label={t('addMembers.result.createdTable')} fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <MemberHeadCells />
              <Table.Th>{t('members.table.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td fw={600}>{member.fullName || `${member.firstName} ${member.lastName}`}</Table.Td>
                <Table.Td>{member.username}</Table.Td>
                <Table.Td c="dimmed">{member.email}</Table.Td>
                <Table.Td>{format.name(member.userType)}</Table.Td>
                <Table.Td>{format.name(member.role)}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={statusColors[member.status]} tt="none" fw={600}>
                    {t(`members.status.${member.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {footer}
    </>
  );
}
