import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Table, Tooltip, VisuallyHidden } from '@mantine/core';
import type { BatchMode, MembersBatchResponse } from '@sesame/contracts';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CreatedMembersTable } from './CreatedMembersTable.tsx';
import { ResultFrame } from './ResultFrame.tsx';

interface AddMembersResultProps {
  mode: BatchMode;
  response: MembersBatchResponse;
  invitationTtlDays: number;
  onAddMore: () => void;
}

/** What the batch created; in credentials mode, the temporary passwords, shown this once. */
export function AddMembersResult({ mode, response, invitationTtlDays, onAddMore }: AddMembersResultProps) {
  const { t } = useTranslation();
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
                  <Table.Th w={56}>
                    <VisuallyHidden>{t('addMembers.result.copyColumn')}</VisuallyHidden>
                  </Table.Th>
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

      <CreatedMembersTable members={response.created} />
    </ResultFrame>
  );
}
