import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WizardData } from '../api/wizard-data.ts';
import type { DraftMember, ServerProblems } from '../wizard-state.ts';

/** Every message of the server's refusal, each said of the member, field or licence it is about. */
export function ProblemsAlert({ problems, members, data }: { problems: ServerProblems; members: DraftMember[]; data: WizardData }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  for (const member of members) {
    const name = `${member.firstName} ${member.lastName}`.trim() || member.username;
    for (const problem of problems.members[member.id] ?? []) {
      const message = problem.field
        ? t('addMembers.problems.fieldMessage', { field: t(`addMembers.problems.fields.${problem.field}`), message: problem.message })
        : problem.message;
      lines.push(t('addMembers.problems.memberMessage', { name, message }));
    }
  }
  for (const [licenseId, messages] of Object.entries(problems.licenses)) {
    const license = data.licenses.find((candidate) => candidate.id === licenseId);
    const field = t('addMembers.problems.license', { name: license?.name ?? licenseId });
    for (const message of messages) lines.push(t('addMembers.problems.fieldMessage', { field, message }));
  }
  for (const message of problems.message) lines.push(t('addMembers.problems.fieldMessage', { field: t('addMembers.problems.message'), message }));
  lines.push(...problems.properties, ...problems.general);

  return (
    <Alert
      variant="light"
      color="red"
      icon={<IconAlertCircle size={20} aria-hidden />}
      title={t('addMembers.problems.title')}
      mb="lg"
      role="alert"
      data-testid="wizard-problems"
    >
      <Text size="sm" mb="xs">
        {t('addMembers.problems.intro')}
      </Text>
      <List size="sm" spacing={4}>
        {lines.map((line, index) => (
          <List.Item key={index}>{line}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
