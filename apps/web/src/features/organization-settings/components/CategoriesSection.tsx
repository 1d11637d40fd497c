import { ActionIcon, Alert, Button, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { MemberCategoryBody, type MemberCategory } from '@sesame/contracts';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { Section } from '../../../components/settings/Section.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notify } from '../../../lib/notifications.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useCreateCategory, useDeleteCategory, useRenameCategory } from '../api/member-categories.ts';

/** The server's refusal of a name (taken, blank), worded for the name field; other failures as a whole. */
function nameError(error: unknown, t: ReturnType<typeof useTranslation>['t']): string | undefined {
  if (!error) return undefined;
  if (isApiError(error) && error.fieldErrors.length) return error.fieldErrors.map((e) => fieldErrorMessage(e, t)).join(' ; ');
  return problemMessage(error, t);
}

/**
 * The organization's member categories with how many members have each: created, renamed and
 * deleted (after a confirmation that says how many members lose it) with Update on groups and
 * categories; read only otherwise.
 */
export function CategoriesSection({ categories, canEdit }: { categories: readonly MemberCategory[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [newName, setNewName] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const create = useCreateCategory();
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const rename = useRenameCategory();
  const [toDelete, setToDelete] = useState<MemberCategory | null>(null);
  const remove = useDeleteCategory();

  const valid = (name: string) => MemberCategoryBody.safeParse({ name }).success;

  const add = async () => {
    if (!valid(newName)) return setLocalError(t('organizationSettings.categories.nameRequired'));
    try {
      const created = await create.mutateAsync(newName);
      notify({ tone: 'success', title: t('organizationSettings.categories.added', { name: created.name }) });
      setNewName('');
    } catch {
      // Shown at the field.
    }
  };

  const saveRename = async () => {
    if (!renaming) return;
    if (!valid(renaming.name)) return setLocalError(t('organizationSettings.categories.nameRequired'));
    try {
      const saved = await rename.mutateAsync(renaming);
      notify({ tone: 'success', title: t('organizationSettings.categories.renamed', { name: saved.name }) });
      setRenaming(null);
    } catch {
      // Shown at the field.
    }
  };

  const confirmDelete = async () => {
    if (!toDelete) return;
    const result = await remove.mutateAsync(toDelete.id);
    notify({ tone: 'success', title: t('organizationSettings.categories.deleted', { name: result.name, count: result.membersAffected }) });
    setToDelete(null);
  };

  return (
    <Section title={t('organizationSettings.categories.title')} description={t('organizationSettings.categories.description')} testId="categories-section">
      {canEdit ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <Group align="flex-start" gap="sm" mb="md">
            <TextInput
              label={t('organizationSettings.categories.newName')}
              value={newName}
              maxLength={100}
              onChange={(e) => {
                setNewName(e.currentTarget.value);
                setLocalError(undefined);
                create.reset();
              }}
              error={renaming ? undefined : (localError ?? nameError(create.error, t))}
              style={{ flex: '1 1 280px' }}
              maw={420}
            />
            <Button type="submit" mt={25} leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
              {t('organizationSettings.categories.add')}
            </Button>
          </Group>
        </form>
      ) : (
        <Alert variant="light" color="gray" mb="md">
          {t('organizationSettings.categories.readOnly')}
        </Alert>
      )}
      {categories.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organizationSettings.categories.empty')}
        </Text>
      ) : (
        <Table layout="fixed" verticalSpacing="xs" aria-label={t('organizationSettings.categories.tableLabel')} data-testid="categories-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organizationSettings.categories.name')}</Table.Th>
              <Table.Th w={140}>{t('organizationSettings.categories.members')}</Table.Th>
              {canEdit ? (
                <Table.Th w={110}>
                  <VisuallyHidden>{t('organizationSettings.categories.actions')}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map((c) => (
              <Table.Tr key={c.id} data-testid="category-row">
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {renaming?.id === c.id ? (
                    <form
                      noValidate
                      onSubmit={(event) => {
                        event.preventDefault();
                        void saveRename();
                      }}
                    >
                      <Group gap="xs" align="flex-start" wrap="nowrap">
                        <TextInput
                          aria-label={t('organizationSettings.categories.renameLabel', { name: c.name })}
                          value={renaming.name}
                          maxLength={100}
                          onChange={(e) => {
                            setRenaming({ id: c.id, name: e.currentTarget.value });
                            setLocalError(undefined);
                            rename.reset();
                          }}
                          onKeyDown={(e) => {
                            if (e.key === 'Escape') setRenaming(null);
                          }}
                          error={localError ?? nameError(rename.error, t)}
                          autoFocus
                          style={{ flex: 1 }}
                        />
                        <Button type="submit" size="sm" loading={rename.isPending}>
                          {t('organizationSettings.categories.save')}
                        </Button>
                        <Button variant="default" size="sm" onClick={() => setRenaming(null)}>
                          {t('common.cancel')}
                        </Button>
                      </Group>
                    </form>
                  ) : (
                    c.name
                  )}
                </Table.Td>
                <Table.Td>{t('organizationSettings.categories.memberCount', { count: c.memberCount })}</Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('organizationSettings.categories.renameFor', { name: c.name })}
                        onClick={() => {
                          setLocalError(undefined);
                          rename.reset();
                          setRenaming({ id: c.id, name: c.name });
                        }}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('organizationSettings.categories.deleteFor', { name: c.name })} onClick={() => setToDelete(c)}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog
        opened={toDelete !== null}
        title={t('organizationSettings.categories.deleteTitle', { name: toDelete?.name ?? '' })}
        confirmLabel={t('organizationSettings.categories.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        loading={remove.isPending}
        onConfirm={() => void confirmDelete().catch(() => undefined)}
        onCancel={() => {
          remove.reset();
          setToDelete(null);
        }}
      >
        <>
          <Text size="sm">{toDelete?.memberCount ? t('organizationSettings.categories.deleteBody', { count: toDelete.memberCount }) : t('organizationSettings.categories.deleteBodyNone')}</Text>
          {remove.error ? (
            <Alert color="red" role="alert" mt="sm">
              {problemMessage(remove.error, t)}
            </Alert>
          ) : null}
        </>
      </ConfirmDialog>
    </Section>
  );
}
