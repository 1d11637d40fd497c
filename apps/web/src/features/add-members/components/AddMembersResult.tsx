import { ActionIcon, Alert, Badge, Button, Code, CopyButton, Group, Stack, Table, Title, Tooltip } from '@mantine/core';
import type { BatchMode, MembersBatchResponse } from '@sesame/contracts';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { MemberHeadCells } from './MemberColumns.tsx';
import { ResultFrame } from './ResultFrame.tsx';

interface AddMembersResultProps {
  mode: BatchMode;
  response: MembersBatchResponse;
  invitationTtlDays: number;
  onAddMore: () => void;
}

const statusColors = { active: 'teal', pending: 'yellow', disabled: 'gray' } as const;

/** What the batch created; in credentials mode, the temporary passwords, shown this once. */
export function AddMembersResult({ mode, response, invitationTtlDays, onAddMore }: AddMembersResultProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const passwords = response.temporaryPasswords ?? [];
  const count = response.created.length;
  const allCredentials = passwords.map(({ username, password }) => `${username}\t${password}`).join('\n');

  return (
    <ResultFrame
      mode={mode}
      title={mode === 'invite' ? t('addMembers.result.invitationsSent') : t('addMembers.result.title', { count })}
      body={mode === 'invite' ? t('addMembers.result.inviteBody', { count: invitationTtlDays }) : t('addMembers.result.credentialsBody')}
      onAddMore={onAddMore}
    >
      {passwords.length > 0 ? (
        <Stack gap="sm">
          <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('addMembers.result.passwordsTitle')}>
            {t('addMembers.result.passwordsWarning')}
          </Alert>
          <Table.ScrollContainer minWidth={480} type="native">
            <Table aria-label={t('addMembers.result.passwordsTable')} fz="sm" verticalSpacing="xs" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('addMembers.result.username')}</Table.Th>
                  <Table.Th>{t('addMembers.result.password')}</Table.Th>
                  <Table.Th w={56} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {passwords.map(({ username, password }) => (
                  <Table.Tr key={username}>
                    <Table.Td fw={600}>{username}</Table.Td>
                    <Table.Td>
                      <Code fz="sm" data-testid="temporary-password">
                        {password}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <CopyButton value={password}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? t('common.copied') : t('addMembers.result.copy', { username })} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              onClick={copy}
                              aria-label={t('addMembers.result.copy', { username })}
                            >
                              {copied ? <IconCheck size={17} aria-hidden /> : <IconCopy size={17} aria-hidden />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <CopyButton value={allCredentials}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? t('addMembers.result.copiedAll') : t('addMembers.result.copyAll')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      ) : null}

      <Title order={3} fz="md" mb={-8}>
        {t('addMembers.result.createdTable')}
      </Title>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table aria-label={t('addMembers.result.createdTable')} fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <MemberHeadCells />
              <Table.Th>{t('members.table.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {response.created.map((member) => (
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
    </ResultFrame>
  );
}
