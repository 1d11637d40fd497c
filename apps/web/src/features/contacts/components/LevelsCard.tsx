import { Alert, Badge, Center, Group, Loader, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { levelRank, privilegeAreas, viewOnlyAreas, type PrivilegeArea, type PrivilegeLevel, type Privileges } from '@sesame/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { memberPrivilegesQueryOptions, useSaveMemberPrivileges } from '../api/contacts.ts';
import { MemberPicker, type Candidate } from './MemberPicker.tsx';
import { SaveBar } from '../../../components/settings/SaveBar.tsx';
import { SaveError } from '../../../components/settings/SaveError.tsx';
import { Section } from '../../../components/settings/Section.tsx';

const choicesFor = (area: PrivilegeArea): PrivilegeLevel[] => (viewOnlyAreas.includes(area) ? ['none', 'view'] : ['none', 'view', 'update']);
const sameLevels = (a: Privileges, b: Privileges) => privilegeAreas.every((area) => a[area] === b[area]);

/** Per member: None / View / Update on each area, on top of the role; saved at once with Save. */
export function LevelsCard({ canEdit, myId, myPrivileges, onDirtyChange }: { canEdit: boolean; myId: string; myPrivileges: Privileges; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Candidate | null>(null);
  const [draft, setDraft] = useState<Privileges | null>(null);
  const current = useQuery({ ...memberPrivilegesQueryOptions(selected?.id ?? ''), enabled: !!selected });
  const save = useSaveMemberPrivileges(selected?.id ?? '');
  const saved = current.data;
  const own = draft ?? saved?.own;
  const dirty = !!draft && !!saved && !sameLevels(draft, saved.own);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const lockedPrimary = saved?.contact === 'primary' && saved.memberId !== myId;
  const editable = canEdit && !lockedPrimary;
  const name = selected ? selected.fullName || selected.username : '';

  const discard = () => {
    setDraft(null);
    save.reset();
  };
  const submit = () => {
    if (!draft) return;
    const levels = Object.fromEntries(privilegeAreas.filter((a) => draft[a] !== 'none').map((a) => [a, draft[a]]));
    save.mutate(
      { levels },
      {
        onSuccess: () => {
          setDraft(null);
          notify({ tone: 'success', title: t('common.saved'), message: t('contacts.levels.savedBody', { name }) });
        },
      },
    );
  };

  return (
    <Section title={t('contacts.levels.title')} description={t('contacts.levels.description')} testId="levels-card">
      <Stack gap="md">
        <MemberPicker
          label={t('contacts.levels.member')}
          value={selected}
          disabled={dirty}
          description={dirty ? t('contacts.levels.lockedWhileDirty') : undefined}
          onChange={(picked) => {
            setSelected(picked);
            setDraft(null);
            save.reset();
          }}
        />
        {!selected ? (
          <Text size="sm" c="dimmed">
            {t('contacts.levels.pick')}
          </Text>
        ) : current.isPending ? (
          <Center py="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : current.isError || !saved || !own ? (
          <Alert color="red" role="alert">
            {problemMessage(current.error, t)}
          </Alert>
        ) : (
          <>
            {saved.contact ? (
              <Group gap="xs">
                <Badge variant="light">{t(`contacts.levels.contactBadge.${saved.contact}`)}</Badge>
              </Group>
            ) : null}
            {lockedPrimary ? (
              <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>
                {t('contacts.levels.primaryOnly')}
              </Alert>
            ) : null}
            <Table verticalSpacing={6} aria-label={t('contacts.levels.title')} data-testid="levels-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contacts.levels.area')}</Table.Th>
                  <Table.Th>{t('contacts.levels.fromRole')}</Table.Th>
                  <Table.Th ta="right">{t('contacts.levels.own')}</Table.Th>
                  <Table.Th>{t('contacts.levels.effective')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {privilegeAreas.map((area) => {
                  const mine = myPrivileges[area];
                  const aboveMine = (level: PrivilegeLevel) => levelRank[level] > levelRank[mine];
                  // The API refuses changing a level that is above one's own, whichever way.
                  const frozen = !editable || aboveMine(saved.own[area]);
                  const effective = levelRank[own[area]] > levelRank[saved.role[area]] ? own[area] : saved.role[area];
                  return (
                    <Table.Tr key={area}>
                      <Table.Td>
                        <Text size="sm" id={`level-${area}`}>
                          {t(`privileges.areas.${area}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {t(`privileges.levels.${saved.role[area]}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <SegmentedControl
                          size="xs"
                          aria-labelledby={`level-${area}`}
                          data-testid={`level-${area}`}
                          value={own[area]}
                          disabled={frozen}
                          onChange={(value) => setDraft({ ...own, [area]: value as PrivilegeLevel })}
                          data={choicesFor(area).map((level) => ({
                            value: level,
                            disabled: aboveMine(level),
                            label: aboveMine(level) ? (
                              <Tooltip label={t('contacts.levels.aboveOwn')}>
                                <span>{t(`privileges.levels.${level}`)}</span>
                              </Tooltip>
                            ) : (
                              t(`privileges.levels.${level}`)
                            ),
                          }))}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {t(`privileges.levels.${effective}`)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
      <SaveError error={save.error} />
      {selected && editable ? <SaveBar dirty={dirty} saving={save.isPending} onSave={submit} onDiscard={discard} /> : null}
    </Section>
  );
}
