import { Code, Select, Stack, Text, TextInput } from '@mantine/core';
import { formatUsername, usernameFormats, type OrganizationDefaults, type UsernameFormat } from '@sesame/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveBar } from '../../../components/settings/SaveBar.tsx';
import { SaveError } from '../../../components/settings/SaveError.tsx';
import { Section } from '../../../components/settings/Section.tsx';
import { pick, useSettingsDraft } from '../use-settings-draft.ts';

/** The example name the username format is shown with. */
export const exampleName = { firstName: 'Jon', lastName: 'Cho', email: 'jon.cho@example.org' };

const isFormat = (value: string): value is UsernameFormat => (usernameFormats as readonly string[]).includes(value);

/** Message keys cannot hold a dot: `first.last` is worded under `firstDotLast`. */
const formatKeys = { 'first.last': 'firstDotLast', firstlast: 'firstlast', flast: 'flast', first_last: 'firstUnderscoreLast', email: 'email' } as const satisfies Record<UsernameFormat, string>;

/** The organization's name and the username format proposed for new members. */
export function GeneralSection({ organization, canEdit, onDirtyChange }: { organization: OrganizationDefaults; canEdit: boolean; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const saved = useMemo(() => ({ name: organization.name, usernameFormat: organization.usernameFormat }), [organization]);
  const draft = useSettingsDraft(saved, ['name', 'usernameFormat'], onDirtyChange);
  const { current } = draft;
  const nameValid = current.name.trim().length > 0 && current.name.length <= 200;

  const submit = () => {
    if (!nameValid) return;
    draft.save((values, changed) => {
      const body = pick(values, changed);
      return { ...(body.name !== undefined ? { name: body.name.trim() } : {}), ...(body.usernameFormat && isFormat(body.usernameFormat) ? { usernameFormat: body.usernameFormat } : {}) };
    });
  };

  return (
    <Section title={t('organizationSettings.general.title')} description={t('organizationSettings.general.description')} testId="general-section">
      <Stack gap="md" maw={560}>
        <TextInput
          label={t('organizationSettings.general.name')}
          value={current.name}
          disabled={!canEdit}
          required
          error={draft.errorOf('name') ?? (nameValid ? undefined : t('organizationSettings.general.nameRequired'))}
          onChange={(e) => draft.change({ name: e.currentTarget.value })}
        />
        <Stack gap={6}>
          <Select
            label={t('organizationSettings.general.usernameFormat')}
            description={t('organizationSettings.general.usernameFormatHint')}
            data={usernameFormats.map((format) => ({ value: format, label: `${t(`organizationSettings.usernameFormats.${formatKeys[format]}`)} (${formatUsername(format, exampleName)})` }))}
            value={current.usernameFormat}
            disabled={!canEdit}
            allowDeselect={false}
            error={draft.errorOf('usernameFormat')}
            onChange={(value) => value && draft.change({ usernameFormat: value })}
          />
          <Text size="sm" c="dimmed" data-testid="username-example">
            {t('organizationSettings.general.example', { name: `${exampleName.firstName} ${exampleName.lastName}` })}{' '}
            <Code>{formatUsername(current.usernameFormat, exampleName)}</Code>
          </Text>
        </Stack>
      </Stack>
      <SaveError error={draft.unplacedError} />
      {canEdit ? <SaveBar dirty={draft.dirty} saving={draft.saving} onSave={submit} onDiscard={draft.discard} /> : null}
    </Section>
  );
}
