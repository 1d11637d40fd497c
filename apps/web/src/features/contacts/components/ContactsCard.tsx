import { ActionIcon, Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { ContactMember, OrganizationContacts } from '@sesame/contracts';
import { IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notifications.ts';
import { useSaveContacts } from '../api/contacts.ts';
import { MemberPicker } from './MemberPicker.tsx';
import { SaveBar } from '../../../components/settings/SaveBar.tsx';
import { SaveError } from '../../../components/settings/SaveError.tsx';
import { Section } from '../../../components/settings/Section.tsx';

const sameIds = (a: readonly ContactMember[], b: readonly ContactMember[]) => a.length === b.length && a.every((m, i) => m.id === b[i]?.id);

/** The primary contact names and removes secondary contacts; saved at once with Save. */
export function ContactsCard({ contacts, canEdit, onDirtyChange }: { contacts: OrganizationContacts; canEdit: boolean; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const save = useSaveContacts();
  const [draft, setDraft] = useState<ContactMember[] | null>(null);
  const secondary = draft ?? contacts.secondary;
  const dirty = draft !== null && !sameIds(draft, contacts.secondary);
  const saved = new Set(contacts.secondary.map((c) => c.id));

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const discard = () => {
    setDraft(null);
    save.reset();
  };
  const submit = () =>
    save.mutate(
      { secondary: secondary.map((c) => c.id) },
      {
        onSuccess: () => {
          setDraft(null);
          notify({ tone: 'success', title: t('common.saved'), message: t('contacts.contactList.savedBody') });
        },
      },
    );

  const person = (c: ContactMember) => (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {c.fullName || c.username}
      </Text>
      <Text size="xs" c="dimmed">
        {c.username} · {c.email}
      </Text>
    </Stack>
  );

  return (
    <Section title={t('contacts.contactList.title')} description={t('contacts.contactList.description')} testId="contacts-card">
      <Stack gap="md">
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('contacts.contactList.primary')}
          </Text>
          {contacts.primary ? <div data-testid="primary-contact">{person(contacts.primary)}</div> : <Text size="sm">—</Text>}
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('contacts.contactList.secondary')}
          </Text>
          {secondary.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contacts.contactList.noSecondary')}
            </Text>
          ) : (
            <Table verticalSpacing="xs" aria-label={t('contacts.contactList.secondary')}>
              <Table.Tbody>
                {secondary.map((c) => (
                  <Table.Tr key={c.id} data-testid="secondary-contact">
                    <Table.Td>{person(c)}</Table.Td>
                    <Table.Td w={160}>
                      {!saved.has(c.id) ? (
                        <Badge color="orange" variant="light">
                          {t('contacts.contactList.added')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td w={60} ta="right">
                      {canEdit ? (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('contacts.contactList.remove', { name: c.fullName || c.username })}
                          onClick={() => setDraft(secondary.filter((x) => x.id !== c.id))}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
        {canEdit ? (
          <MemberPicker
            label={t('contacts.contactList.add')}
            value={null}
            clearOnPick
            exclude={[...(contacts.primary ? [contacts.primary.id] : []), ...secondary.map((c) => c.id)]}
            onChange={(picked) => {
              if (picked) setDraft([...secondary, { id: picked.id, username: picked.username, fullName: picked.fullName, email: picked.email }]);
            }}
          />
        ) : (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('contacts.contactList.onlyPrimary')}
          </Alert>
        )}
      </Stack>
      <SaveError error={save.error} />
      {canEdit ? (
        <Group justify="flex-end">
          <SaveBar dirty={dirty} saving={save.isPending} onSave={submit} onDiscard={discard} />
        </Group>
      ) : null}
    </Section>
  );
}
