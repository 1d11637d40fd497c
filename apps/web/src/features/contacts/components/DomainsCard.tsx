import { Button, Group, NumberInput, Pill, Stack, Text, TextInput } from '@mantine/core';
import { Domain, type ApprovedDomains } from '@sesame/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '@tabler/icons-react';
import { notify } from '../../../lib/notifications.ts';
import { useSaveApprovedDomains } from '../api/contacts.ts';
import { SaveBar } from '../../../components/settings/SaveBar.tsx';
import { SaveError } from '../../../components/settings/SaveError.tsx';
import { Section } from '../../../components/settings/Section.tsx';

/** Approved email domains (exact match) and the reminder delay; saved at once with Save. */
export function DomainsCard({ saved, canEdit, onDirtyChange }: { saved: ApprovedDomains; canEdit: boolean; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const save = useSaveApprovedDomains();
  const [draft, setDraft] = useState<ApprovedDomains | null>(null);
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const current = draft ?? saved;
  const reminderValid = Number.isInteger(current.requestReminderHours) && current.requestReminderHours >= 1 && current.requestReminderHours <= 720;
  const dirty = !!draft && (draft.requestReminderHours !== saved.requestReminderHours || draft.domains.join(',') !== saved.domains.join(','));

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const add = () => {
    const parsed = Domain.safeParse(input);
    if (!parsed.success) return setInputError(t('contacts.domains.invalid'));
    if (current.domains.includes(parsed.data)) return setInputError(t('contacts.domains.duplicate'));
    setDraft({ ...current, domains: [...current.domains, parsed.data].sort() });
    setInput('');
    setInputError(null);
  };
  const discard = () => {
    setDraft(null);
    setInput('');
    setInputError(null);
    save.reset();
  };
  const submit = () => {
    if (!reminderValid) return;
    save.mutate(current, {
      onSuccess: () => {
        setDraft(null);
        notify({ tone: 'success', title: t('common.saved'), message: t('contacts.domains.savedBody') });
      },
    });
  };

  return (
    <Section title={t('contacts.domains.title')} description={t('contacts.domains.description')} testId="domains-card">
      <Stack gap="md">
        {current.domains.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('contacts.domains.none')}
          </Text>
        ) : (
          <Group gap="xs" aria-label={t('contacts.domains.title')} role="list">
            {current.domains.map((domain) => (
              <Pill
                key={domain}
                size="md"
                role="listitem"
                withRemoveButton={canEdit}
                removeButtonProps={{ 'aria-label': t('contacts.domains.remove', { domain }) }}
                onRemove={() => setDraft({ ...current, domains: current.domains.filter((d) => d !== domain) })}
              >
                {domain}
              </Pill>
            ))}
          </Group>
        )}
        {canEdit ? (
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('contacts.domains.add')}
              placeholder={t('contacts.domains.placeholder')}
              value={input}
              error={inputError}
              onChange={(e) => {
                setInput(e.currentTarget.value);
                setInputError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              style={{ flex: 1, maxWidth: 360 }}
            />
            <Button mt={25} variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
              {t('contacts.domains.addButton')}
            </Button>
          </Group>
        ) : null}
        <NumberInput
          label={t('contacts.domains.reminder')}
          description={t('contacts.domains.reminderHint')}
          min={1}
          max={720}
          allowDecimal={false}
          readOnly={!canEdit}
          value={current.requestReminderHours}
          error={reminderValid ? undefined : t('contacts.domains.reminderInvalid')}
          onChange={(value) => setDraft({ ...current, requestReminderHours: typeof value === 'number' ? value : Number.NaN })}
          maw={360}
        />
      </Stack>
      <SaveError error={save.error} />
      {canEdit ? <SaveBar dirty={dirty} saving={save.isPending} onSave={submit} onDiscard={discard} /> : null}
    </Section>
  );
}
