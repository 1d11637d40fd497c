import { Checkbox, Group, NumberInput, Stack, Switch } from '@mantine/core';
import { identityTypes, MAX_INVITATION_TTL_DAYS, MIN_INVITATION_TTL_DAYS, type IdentityType, type OrganizationDefaults } from '@sesame/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveBar } from '../../../components/settings/SaveBar.tsx';
import { SaveError } from '../../../components/settings/SaveError.tsx';
import { Section } from '../../../components/settings/Section.tsx';
import { pick, useSettingsDraft } from '../use-settings-draft.ts';

const fields = ['allowAdminAtCreation', 'invitationTtlDays', 'allowedIdentityTypes', 'autoRegisterOrgLogins'] as const;

/** Administrator role at creation, invitation validity, identity types, organization logins. */
export function SecuritySection({ organization, canEdit, onDirtyChange }: { organization: OrganizationDefaults; canEdit: boolean; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const saved = useMemo(
    () => ({
      allowAdminAtCreation: organization.allowAdminAtCreation,
      invitationTtlDays: organization.invitationTtlDays,
      allowedIdentityTypes: identityTypes.filter((type) => organization.allowedIdentityTypes.includes(type)),
      autoRegisterOrgLogins: organization.autoRegisterOrgLogins ?? false,
    }),
    [organization],
  );
  const draft = useSettingsDraft(saved, fields, onDirtyChange);
  const { current } = draft;
  const ttlValid = Number.isInteger(current.invitationTtlDays) && current.invitationTtlDays >= MIN_INVITATION_TTL_DAYS && current.invitationTtlDays <= MAX_INVITATION_TTL_DAYS;
  const typesValid = current.allowedIdentityTypes.length > 0;

  const submit = () => {
    if (!ttlValid || !typesValid) return;
    draft.save((values, changed) => pick(values, changed));
  };

  return (
    <Section title={t('organizationSettings.security.title')} description={t('organizationSettings.security.description')} testId="security-section">
      <Stack gap="md" maw={560}>
        <Switch
          label={t('organizationSettings.security.allowAdminAtCreation')}
          description={t('organizationSettings.security.allowAdminAtCreationHint')}
          checked={current.allowAdminAtCreation}
          disabled={!canEdit}
          error={draft.errorOf('allowAdminAtCreation')}
          onChange={(e) => draft.change({ allowAdminAtCreation: e.currentTarget.checked })}
        />
        <NumberInput
          label={t('organizationSettings.security.invitationTtlDays')}
          description={t('organizationSettings.security.invitationTtlDaysHint', { min: MIN_INVITATION_TTL_DAYS, max: MAX_INVITATION_TTL_DAYS })}
          min={MIN_INVITATION_TTL_DAYS}
          max={MAX_INVITATION_TTL_DAYS}
          allowDecimal={false}
          disabled={!canEdit}
          value={current.invitationTtlDays}
          error={draft.errorOf('invitationTtlDays') ?? (ttlValid ? undefined : t('organizationSettings.security.invitationTtlDaysInvalid', { min: MIN_INVITATION_TTL_DAYS, max: MAX_INVITATION_TTL_DAYS }))}
          onChange={(value) => draft.change({ invitationTtlDays: typeof value === 'number' ? value : Number.NaN })}
          maw={260}
        />
        <Checkbox.Group
          label={t('organizationSettings.security.allowedIdentityTypes')}
          description={t('organizationSettings.security.allowedIdentityTypesHint')}
          value={current.allowedIdentityTypes}
          error={draft.errorOf('allowedIdentityTypes') ?? (typesValid ? undefined : t('organizationSettings.security.allowedIdentityTypesEmpty'))}
          onChange={(value) => draft.change({ allowedIdentityTypes: identityTypes.filter((type) => value.includes(type)) as IdentityType[] })}
        >
          <Group gap="lg" mt={6}>
            {identityTypes.map((type) => (
              <Checkbox key={type} value={type} label={t(`organizationSettings.identityTypes.${type}`)} disabled={!canEdit} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label={t('organizationSettings.security.autoRegisterOrgLogins')}
          description={t('organizationSettings.security.autoRegisterOrgLoginsHint')}
          checked={current.autoRegisterOrgLogins}
          disabled={!canEdit}
          error={draft.errorOf('autoRegisterOrgLogins')}
          onChange={(e) => draft.change({ autoRegisterOrgLogins: e.currentTarget.checked })}
        />
      </Stack>
      <SaveError error={draft.unplacedError} />
      {canEdit ? <SaveBar dirty={draft.dirty} saving={draft.saving} onSave={submit} onDiscard={draft.discard} /> : null}
    </Section>
  );
}
