import { ActionIcon, Alert, Button, Checkbox, EmptyState, Group, List, Table, Text, ThemeIcon, Tooltip, VisuallyHidden } from '@mantine/core';
import type { BatchMode } from '@sesame/contracts';
import { IconAlertTriangle, IconPencil, IconTrash, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WizardData } from '../api/wizard-data.ts';
import type { DraftMember, FieldProblem } from '../wizard-state.ts';
import { HeadCell, MemberHeadCells, useReferenceNames } from './MemberColumns.tsx';
import { StepFrame } from './StepFrame.tsx';
import classes from './MemberListStep.module.css';
import { clipClass, problemRowClass, RowsTable } from './RowsTable.tsx';

interface MemberListStepProps {
  data: WizardData;
  mode: BatchMode;
  members: DraftMember[];
  memberProblems: Record<string, FieldProblem[]>;
  onRemove: (ids: string[]) => void;
  onEdit: (id: string) => void;
  onAdd: () => void;
  problems: ReactNode;
  actions: ReactNode;
}

const columnCount = 8;

export function MemberListStep({ data, mode, members, memberProblems, onRemove, onEdit, onAdd, problems, actions }: MemberListStepProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const present = selected.filter((id) => members.some((member) => member.id === id));
  const allSelected = members.length > 0 && present.length === members.length;

  const nameOf = (member: DraftMember) => `${member.firstName} ${member.lastName}`.trim();
  const { typeName, roleName } = useReferenceNames(data);
  const passwordText = (member: DraftMember) =>
    mode === 'invite' ? t('addMembers.list.passwordInvite') : member.password ? t('addMembers.list.passwordSet') : t('addMembers.list.passwordGenerated');

  const { namedUserLimit, memberCount } = data.organization;
  const seatsLeft = namedUserLimit === null ? null : Math.max(0, namedUserLimit - memberCount);
  const overLimit = seatsLeft !== null && members.length > seatsLeft ? members.length - seatsLeft : 0;

  const removeSelected = () => {
    onRemove(present);
    setAnnouncement(t('addMembers.list.removed', { count: present.length }));
    setSelected([]);
  };

  return (
    <StepFrame title={t('addMembers.steps.list')} intro={t('addMembers.list.intro')} problems={problems} actions={actions}>
      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <Group gap="sm">
          <Text fw={600} size="sm" data-testid="wizard-list-total">
            {t('addMembers.list.total', { count: members.length })}
          </Text>
          {seatsLeft !== null ? (
            <Text size="sm" c="dimmed">
              · {t('addMembers.list.seatsLeft', { count: seatsLeft })}
            </Text>
          ) : null}
        </Group>
        <Group gap="sm">
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            disabled={present.length === 0}
            onClick={removeSelected}
          >
            {present.length > 0 ? `${t('addMembers.list.removeSelected')} (${present.length})` : t('addMembers.list.removeSelected')}
          </Button>
          <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={onAdd}>
            {t('addMembers.list.addAnother')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="teal.8" aria-live="polite" mb={announcement ? 'sm' : 0}>
        {announcement}
      </Text>

      {overLimit > 0 ? (
        <Alert variant="light" color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} mb="md">
          {t('addMembers.list.overLimit', { count: overLimit })}
        </Alert>
      ) : null}

      {members.length === 0 ? (
        <EmptyState variant="light" py={40} icon={<IconUsers size={28} aria-hidden />}>
          <EmptyState.Title order={3}>{t('addMembers.list.emptyTitle')}</EmptyState.Title>
          <EmptyState.Description>{t('addMembers.list.emptyBody')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={onAdd}>
              {t('addMembers.list.addAnother')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <RowsTable
          label={t('addMembers.list.tableLabel')}
          verticalSpacing="sm"
          highlightOnHover
          head={
            <>
              <Table.Th w={44}>
                <Checkbox
                  aria-label={t('addMembers.list.selectAll')}
                  checked={allSelected}
                  indeterminate={present.length > 0 && !allSelected}
                  onChange={() => setSelected(allSelected ? [] : members.map((member) => member.id))}
                />
              </Table.Th>
              <MemberHeadCells />
              <HeadCell label={t('addMembers.list.password')} />
              <Table.Th w={60}>
                <VisuallyHidden>{t('addMembers.list.actions')}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {members.map((member) => {
            const rowProblems = memberProblems[member.id] ?? [];
            const name = nameOf(member);
            const isSelected = present.includes(member.id);
            return (
              <Fragment key={member.id}>
                <Table.Tr
                  className={classes.row}
                  data-invalid={rowProblems.length > 0 || undefined}
                  data-selected={isSelected || undefined}
                  data-testid="wizard-member-row"
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={t('addMembers.list.selectRow', { name })}
                      checked={isSelected}
                      onChange={() => setSelected(isSelected ? present.filter((id) => id !== member.id) : [...present, member.id])}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {rowProblems.length > 0 ? (
                        <ThemeIcon size={20} radius="xl" color="red" variant="light" aria-hidden>
                          <IconAlertTriangle size={13} />
                        </ThemeIcon>
                      ) : null}
                      <Text size="sm" fw={600} className={clipClass} title={name}>
                        {name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td className={clipClass} title={member.username}>
                    {member.username}
                  </Table.Td>
                  <Table.Td c="dimmed" className={clipClass} title={member.email}>
                    {member.email}
                  </Table.Td>
                  <Table.Td className={clipClass} title={typeName(member.userType)}>
                    {typeName(member.userType)}
                  </Table.Td>
                  <Table.Td className={clipClass} title={roleName(member.role)}>
                    {roleName(member.role)}
                  </Table.Td>
                  <Table.Td c="dimmed" className={clipClass} title={passwordText(member)}>
                    {passwordText(member)}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('addMembers.list.edit', { name })} withArrow>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('addMembers.list.edit', { name })} onClick={() => onEdit(member.id)}>
                        <IconPencil size={17} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
                {rowProblems.length > 0 ? <MemberProblemsRow problems={rowProblems} /> : null}
              </Fragment>
            );
          })}
        </RowsTable>
      )}
    </StepFrame>
  );
}

/** What the server said about one member of the list, under its row. */
function MemberProblemsRow({ problems }: { problems: FieldProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table.Tr className={problemRowClass} data-testid="wizard-member-problems">
      <Table.Td />
      <Table.Td colSpan={columnCount - 1}>
        <Text size="sm" fw={600} c="red.8">
          {t('addMembers.list.rowProblems')}
        </Text>
        <List size="sm" c="red.8" spacing={2}>
          {problems.map((problem, index) => (
            <List.Item key={index}>
              {problem.field
                ? t('addMembers.problems.fieldMessage', { field: capitalize(t(`addMembers.problems.fields.${problem.field}`)), message: problem.message })
                : problem.message}
            </List.Item>
          ))}
        </List>
      </Table.Td>
    </Table.Tr>
  );
}

function capitalize(text: string) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
