import { Alert, Button, Group, List, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { BatchMode, CsvField } from '@sesame/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { patchImportRow, type ImportRow, type ImportRowValues } from '../api/imports.ts';
import type { WizardData } from '../api/wizard-data.ts';
import { importFields, importLookups, issueText as issueIn, resolveChoices } from './import-rules.ts';
import { ReferenceChoice } from './ReferenceChoice.tsx';

interface EditRowModalProps {
  jobId: string;
  row: ImportRow;
  mode: BatchMode;
  /** The file's header cells (which columns it has). */
  header: readonly string[];
  data: WizardData;
  onClose: () => void;
  onSaved: (result: Awaited<ReturnType<typeof patchImportRow>>) => void;
}

/** Fixes one row in place; the server checks it again and its errors come back on the fields. */
export function EditRowModal({ jobId, row, mode, header, data, onClose, onSaved }: EditRowModalProps) {
  const { t } = useTranslation();
  const fields = importFields(mode, header);
  const lang = currentLanguage();
  const issueText = (issue: Parameters<typeof issueIn>[0]) => issueIn(issue, lang);
  const [values, setValues] = useState<ImportRowValues>(() => Object.fromEntries(fields.map((field) => [field, row.values[field] ?? ''])));
  const save = useMutation({ mutationFn: (next: ImportRowValues) => patchImportRow(jobId, row.rowNumber, next), onSuccess: onSaved });

  const errorsOf = (field: CsvField) => row.errors.filter((issue) => issue.field === field).map(issueText);
  const rowErrors = row.errors.filter((issue) => !issue.field || !fields.includes(issue.field as CsvField));
  const set = (field: CsvField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  const label = (field: CsvField) => t(`import.fields.${field}`);
  const error = (field: CsvField) => errorsOf(field).join(' ') || undefined;
  const lookups = useMemo(() => importLookups(data.roles, data.userTypes), [data.roles, data.userTypes]);
  const resolve = (next: ImportRowValues) => resolveChoices(next, row.rowNumber, mode, lookups, data.organization);
  const resolved = resolve(values);

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} fz="lg">{t('import.edit.title', { row: row.rowNumber })}</Text>} size="lg" radius="lg" padding="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {row.errors.length > 0 ? (
            <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} role="alert" data-testid="edit-row-errors">
              <Text size="sm" fw={600}>
                {t('import.edit.stillInvalid')}
              </Text>
              <List size="sm" spacing={2}>
                {row.errors.map((issue, index) => (
                  <List.Item key={index}>
                    {issue.field ? t('addMembers.problems.fieldMessage', { field: label(issue.field as CsvField), message: issueText(issue) }) : issueText(issue)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {fields.map((field) => {
              const common = { label: label(field), value: values[field] ?? '', error: error(field), 'data-autofocus': field === fields.find((f) => errorsOf(f).length > 0) || undefined };
              if (field === 'role' || field === 'userType') {
                return (
                  <ReferenceChoice
                    key={field}
                    label={common.label}
                    error={common.error}
                    value={common.value}
                    autoFocus={common['data-autofocus']}
                    choices={field === 'role' ? data.roles : data.userTypes}
                    resolvedId={resolved[field]}
                    cellFor={(choice, name) => (resolve({ ...values, [field]: name })[field] === choice.id ? name : choice.key)}
                    onChange={set(field)}
                  />
                );
              }
              if (field === 'password') {
                return <PasswordInput key={field} {...common} autoComplete="new-password" onChange={(event) => set(field)(event.currentTarget.value)} />;
              }
              return <TextInput key={field} {...common} autoComplete="off" onChange={(event) => set(field)(event.currentTarget.value)} />;
            })}
          </SimpleGrid>
          {rowErrors.length === 0 ? null : (
            <Text size="sm" c="red.8">
              {rowErrors.map(issueText).join(' ')}
            </Text>
          )}
          {save.isError ? (
            <Alert variant="light" color="red" role="alert">
              {problemMessage(save.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('import.edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
