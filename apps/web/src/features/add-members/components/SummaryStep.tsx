import { Alert, Blockquote, Button, DataList, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { BatchMode } from '@sesame/contracts';
import { IconInfoCircle, IconKey, IconMailForward, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { WizardData } from '../api/wizard-data.ts';
import type { DraftMember, WizardProperties, WizardStep } from '../wizard-state.ts';
import { MemberHeadCells, useReferenceNames } from './MemberColumns.tsx';
import { StepFrame } from './StepFrame.tsx';

interface SummaryStepProps {
  data: WizardData;
  mode: BatchMode;
  message: string;
  members: DraftMember[];
  properties: WizardProperties;
  /** The licences that will really be assigned (compatible, with enough seats). */
  licenses: string[];
  onEdit: (step: WizardStep) => void;
  /** Sésame accounts, or organization logins (no password: the provider signs them in). */
  login: 'builtin' | 'organization';
  /** Members from a file: its name and row count stand for the members table. */
  file?: { name: string; count: number } | undefined;
  /** Shown under the summary (the import's progress). */
  footer?: ReactNode;
  /** A failure that is not about one field (network, server error). */
  error: ReactNode;
  problems: ReactNode;
  actions: ReactNode;
}

export function SummaryStep({ data, login, mode, message, members, properties, licenses, onEdit, file, footer, error, problems, actions }: SummaryStepProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = <T extends { id: string }>(items: T[], ids: string[], label: (item: T) => string) =>
    ids.map((id) => items.find((item) => item.id === id)).filter((item): item is T => !!item).map(label);
  const licenseNames = names(data.licenses, licenses, (license) => license.name);
  const groupNames = names(data.groups, properties.groups, (group) => group.name);
  const categoryNames = names(data.categories, properties.categories, (category) => category.name);
  const { typeName, roleName } = useReferenceNames(data);
  const { settings } = properties;
  const startPage = ['home', 'members', 'groups', 'content'].includes(settings.startPage)
    ? t(`addMembers.properties.settings.startPages.${settings.startPage as 'home'}`)
    : settings.startPage;
  let localeName = settings.locale;
  try {
    localeName = new Intl.DisplayNames([format.language], { type: 'language' }).of(settings.locale) ?? settings.locale;
  } catch {
    // Keep the code.
  }

  return (
    <StepFrame title={t('addMembers.steps.summary')} intro={t('addMembers.summary.intro')} problems={problems} actions={actions}>
      <Stack gap="md">
        {error}
        <Section title={t('addMembers.summary.method')} onEdit={() => onEdit('method')}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {mode === 'invite' ? <IconMailForward size={18} aria-hidden /> : <IconKey size={18} aria-hidden />}
            <div>
              <Text size="sm" fw={600}>
                {t(mode === 'invite' ? 'addMembers.method.invite.title' : 'addMembers.method.credentials.title')}
              </Text>
              <Text size="sm" c="dimmed">
                {login === 'organization'
                  ? file
                    ? t('addMembers.summary.orgLoginsFromFile', { name: file.name })
                    : t('addMembers.summary.orgLogins')
                  : file
                    ? t('addMembers.summary.builtinFromFile', { name: file.name })
                    : t('addMembers.summary.builtin')}
              </Text>
            </div>
          </Group>
          {mode === 'invite' ? (
            message.trim() ? (
              <Blockquote mt="sm" p="sm" color="lapis" iconSize={0} cite={t('addMembers.summary.message')} data-testid="summary-message">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {message.trim()}
                </Text>
              </Blockquote>
            ) : (
              <Text size="sm" c="dimmed" mt="sm">
                {t('addMembers.summary.noMessage')}
              </Text>
            )
          ) : null}
        </Section>

        {file ? (
          <Section title={t('import.summary.file')} onEdit={() => onEdit('list')} editLabel={t('addMembers.steps.list')}>
            <Text size="sm" data-testid="summary-file">
              {t('import.summary.members', { count: file.count, name: file.name })}
            </Text>
          </Section>
        ) : (
          <Section title={`${t('addMembers.summary.members')} (${members.length})`} onEdit={() => onEdit('list')} editLabel={t('addMembers.steps.list')}>
            <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('addMembers.list.tableLabel')}>
              <Table fz="sm" verticalSpacing={6} aria-label={t('addMembers.list.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <MemberHeadCells />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((member) => (
                    <Table.Tr key={member.id}>
                      <Table.Td fw={600}>{`${member.firstName} ${member.lastName}`.trim()}</Table.Td>
                      <Table.Td>{member.username}</Table.Td>
                      <Table.Td c="dimmed">{member.email}</Table.Td>
                      <Table.Td>{typeName(member.userType)}</Table.Td>
                      <Table.Td>{roleName(member.role)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
        )}

        <Section title={t('addMembers.steps.properties')} onEdit={() => onEdit('properties')}>
          <DataList orientation="horizontal" labelWidth={240} gap="xs" size="sm">
            <Entry label={t('addMembers.summary.licenses')} value={licenseNames.join(', ') || t('addMembers.summary.none')} testId="summary-licenses" />
            <Entry label={t('addMembers.summary.groups')} value={groupNames.join(', ') || t('addMembers.summary.noGroup')} testId="summary-groups" />
            {data.categories.length > 0 ? (
              <Entry label={t('addMembers.summary.categories')} value={categoryNames.join(', ') || t('addMembers.summary.none')} />
            ) : null}
            <Entry
              label={t('addMembers.properties.settings.profileVisibility')}
              value={t(`addMembers.properties.settings.visibility.${settings.profileVisibility}`)}
            />
            <Entry label={t('addMembers.properties.settings.language')} value={t(`language.${settings.language}`)} />
            <Entry label={t('addMembers.properties.settings.locale')} value={localeName} />
            <Entry label={t('addMembers.properties.settings.startPage')} value={startPage} />
          </DataList>
        </Section>

        <Alert variant="light" color="lapis" icon={<IconInfoCircle size={20} aria-hidden />}>
          {mode === 'invite'
            ? t('addMembers.summary.inviteNote', { count: data.organization.invitationTtlDays })
            : t(login === 'organization' ? 'addMembers.summary.credentialsNoteOrg' : 'addMembers.summary.credentialsNote')}
        </Alert>
        {footer}
      </Stack>
    </StepFrame>
  );
}

function Section({ title, onEdit, editLabel, children }: { title: string; onEdit: () => void; editLabel?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={3} fz="md">
          {title}
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={onEdit}
          aria-label={t('addMembers.summary.editSection', { section: editLabel ?? title })}
        >
          {t('common.edit')}
        </Button>
      </Group>
      {children}
    </Paper>
  );
}

function Entry({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue data-testid={testId}>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}
