import { Alert, Badge, Group, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { BatchMode } from '@sesame/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_LENGTH, type LoginMethod } from '../wizard-state.ts';
import { OptionCard } from './OptionCard.tsx';
import { StepFrame } from './StepFrame.tsx';

export type MemberSource = 'single' | 'file';

interface MethodStepProps {
  login: LoginMethod;
  /** Organization logins are offered when the organization has a provider of an allowed type. */
  organizationLoginsAvailable: boolean;
  onLogin: (login: LoginMethod) => void;
  mode: BatchMode | null;
  source: MemberSource;
  onSource: (source: MemberSource) => void;
  message: string;
  invitationTtlDays: number;
  /** Some members of the list have a password that invitations would not use. */
  hasPasswords: boolean;
  showErrors: boolean;
  messageProblems: string[];
  onMode: (mode: BatchMode) => void;
  onMessage: (message: string) => void;
  problems: ReactNode;
  actions: ReactNode;
}

export function MethodStep({ login, organizationLoginsAvailable, onLogin, mode, source, onSource, message, invitationTtlDays, hasPasswords, showErrors, messageProblems, onMode, onMessage, problems, actions }: MethodStepProps) {
  const { t } = useTranslation();
  const soon = (
    <Badge variant="light" color="gray" size="sm" tt="none">
      {t('addMembers.method.soon')}
    </Badge>
  );
  const tooLong = message.length > MAX_MESSAGE_LENGTH;

  return (
    <StepFrame title={t('addMembers.steps.method')} intro={t('addMembers.method.intro')} problems={problems} actions={actions}>
      <Stack gap="xl">
        <Radio.Group
          value={login}
          onChange={(value) => onLogin(value === 'organization' && organizationLoginsAvailable ? 'organization' : 'builtin')}
          label={t('addMembers.method.identityLegend')}
          labelProps={{ fw: 650, mb: 'xs' }}
        >
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <OptionCard value="builtin" title={t('addMembers.method.builtin.title')} description={t('addMembers.method.builtin.description')} />
            <OptionCard
              value="organization"
              disabled={!organizationLoginsAvailable}
              title={t('addMembers.method.organizationLogins.title')}
              description={
                organizationLoginsAvailable ? t('addMembers.method.organizationLogins.description') : t('addMembers.method.organizationLogins.unavailable')
              }
            />
            <OptionCard value="ldap" disabled title={t('addMembers.method.ldap.title')} description={t('addMembers.method.ldap.description')} badge={soon} />
          </SimpleGrid>
        </Radio.Group>

        <Radio.Group
          value={source}
          onChange={(value) => onSource(value === 'file' ? 'file' : 'single')}
          label={login === 'organization' ? t('addMembers.method.sourceLegendOrg') : t('addMembers.method.sourceLegend')} labelProps={{ fw: 650, mb: 'xs' }}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <OptionCard value="single" title={t('addMembers.method.single.title')} description={t('addMembers.method.single.description')} />
            <OptionCard value="file" title={t('addMembers.method.file.title')} description={t('addMembers.method.file.description')} />
          </SimpleGrid>
        </Radio.Group>

        <Radio.Group
          value={mode}
          onChange={(value) => onMode(value === 'invite' ? 'invite' : 'credentials')}
          label={t('addMembers.method.modeLegend')}
          labelProps={{ fw: 650, mb: 'xs' }}
          error={showErrors && !mode ? t('addMembers.method.modeRequired') : undefined}
          withAsterisk
        >
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <OptionCard
              value="credentials"
              title={t('addMembers.method.credentials.title')}
              description={login === 'organization' ? t('addMembers.method.credentials.descriptionOrg') : t('addMembers.method.credentials.description')}
            />
            <OptionCard
              value="invite"
              title={t('addMembers.method.invite.title')}
              description={t(login === 'organization' ? 'addMembers.method.invite.descriptionOrg' : 'addMembers.method.invite.description', { count: invitationTtlDays })}
            />
          </SimpleGrid>
        </Radio.Group>

        {mode === 'invite' ? (
          <Stack gap="sm">
            {hasPasswords ? (
              <Alert variant="light" color="lapis" icon={<IconInfoCircle size={20} aria-hidden />}>
                {t('addMembers.method.passwordsIgnored')}
              </Alert>
            ) : null}
            <Textarea
              label={t('addMembers.method.message')}
              description={t('addMembers.method.messageDescription')}
              placeholder={t('addMembers.method.messagePlaceholder')}
              value={message}
              onChange={(event) => onMessage(event.currentTarget.value)}
              autosize
              minRows={3}
              maxRows={10}
              error={tooLong ? t('addMembers.method.messageTooLong', { max: MAX_MESSAGE_LENGTH }) : messageProblems.join(' ') || undefined}
              maw={720}
            />
            <Group justify="flex-end" maw={720}>
              <Text size="xs" c={tooLong ? 'red' : 'dimmed'} className="tabular" aria-live="polite">
                {t('addMembers.method.messageCount', { count: message.length, max: MAX_MESSAGE_LENGTH })}
              </Text>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </StepFrame>
  );
}
