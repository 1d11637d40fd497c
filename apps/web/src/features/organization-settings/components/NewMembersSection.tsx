import { MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { licencesForAll, rolesOfferedAtCreation, type Group as MemberGroup, type License, type OrganizationDefaults, type Role, type UserType } from '@sesame/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveBar } from '../../../components/settings/SaveBar.tsx';
import { SaveError } from '../../../components/settings/SaveError.tsx';
import { Section } from '../../../components/settings/Section.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { pick, useSettingsDraft } from '../use-settings-draft.ts';

const fields = ['defaultRoleId', 'defaultUserTypeId', 'defaultGroupIds', 'defaultLicenseIds', 'settings'] as const;
const locales = ['fr-FR', 'fr-BE', 'fr-CA', 'fr-CH', 'en-GB', 'en-US'];

interface NewMembersSectionProps {
  organization: OrganizationDefaults;
  roles: Role[];
  userTypes: UserType[];
  groups: MemberGroup[];
  licenses: License[];
  canEdit: boolean;
  onDirtyChange: (dirty: boolean) => void;
}

const compat = (type: UserType) => ({ id: type.id, compatibleRoleIds: type.compatibleRoles.map((r) => r.id), compatibleLicenseIds: type.compatibleLicenses.map((l) => l.id) });

/** What a new member gets unless the person adding them says otherwise. */
export function NewMembersSection({ organization, roles, userTypes, groups, licenses, canEdit, onDirtyChange }: NewMembersSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const saved = useMemo(
    () => ({
      defaultRoleId: organization.defaultRoleId,
      defaultUserTypeId: organization.defaultUserTypeId,
      defaultGroupIds: [...organization.defaultGroupIds].sort(),
      defaultLicenseIds: [...organization.defaultLicenseIds].sort(),
      settings: { ...organization.settings },
    }),
    [organization],
  );
  const draft = useSettingsDraft(saved, fields, onDirtyChange);
  const { current } = draft;
  const userType = userTypes.find((type) => type.id === current.defaultUserTypeId);
  // The rules of members added automatically: compatible with the user type, never the Administrator role.
  const offeredRoles = userType ? rolesOfferedAtCreation(roles, null, compat(userType), organization) : [];
  const roleOffered = offeredRoles.some((role) => role.id === current.defaultRoleId);
  const compatibleLicenseIds = userType ? licencesForAll(licenses.map((l) => l.id), [compat(userType)]) : [];
  const roleMissing = current.defaultRoleId === null || !roleOffered;

  const changeUserType = (id: string | null) => {
    const next = userTypes.find((type) => type.id === id);
    if (!next) return;
    const nextCompat = compat(next);
    const keepRole = current.defaultRoleId !== null && rolesOfferedAtCreation(roles, null, nextCompat, organization).some((role) => role.id === current.defaultRoleId);
    draft.change({
      defaultUserTypeId: next.id,
      defaultRoleId: keepRole ? current.defaultRoleId : null,
      // Add-on licences must suit the user type: the others are dropped.
      defaultLicenseIds: licencesForAll(current.defaultLicenseIds, [nextCompat]),
    });
  };

  const submit = () => {
    if (roleMissing || !current.settings.startPage.trim()) return;
    draft.save((values, changed) => {
      const body = pick(values, changed);
      return {
        ...(body.defaultRoleId ? { defaultRoleId: body.defaultRoleId } : {}),
        ...(body.defaultUserTypeId ? { defaultUserTypeId: body.defaultUserTypeId } : {}),
        ...(body.defaultGroupIds ? { defaultGroupIds: body.defaultGroupIds } : {}),
        ...(body.defaultLicenseIds ? { defaultLicenseIds: body.defaultLicenseIds } : {}),
        ...(body.settings
          ? { settings: { ...body.settings, language: body.settings.language === 'en' ? 'en' : 'fr' } }
          : {}),
      };
    });
  };

  const settings = current.settings;
  const setSettings = (patch: Partial<typeof settings>) => draft.change({ settings: { ...settings, ...patch } });
  const roleData = [...offeredRoles, ...roles.filter((role) => role.id === current.defaultRoleId && !roleOffered)].map((role) => ({ value: role.id, label: format.name(role) }));

  return (
    <Section title={t('organizationSettings.newMembers.title')} description={t('organizationSettings.newMembers.description')} testId="new-members-section">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
          <Select
            label={t('organizationSettings.newMembers.userType')}
            data={userTypes.map((type) => ({ value: type.id, label: format.name(type) }))}
            value={current.defaultUserTypeId}
            disabled={!canEdit}
            allowDeselect={false}
            error={draft.errorOf('defaultUserTypeId')}
            onChange={changeUserType}
          />
          <Select
            label={t('organizationSettings.newMembers.role')}
            description={t('organizationSettings.newMembers.roleHint')}
            data={roleData}
            value={current.defaultRoleId}
            disabled={!canEdit}
            allowDeselect={false}
            placeholder={t('organizationSettings.newMembers.chooseRole')}
            error={draft.errorOf('defaultRoleId') ?? (canEdit && roleMissing ? t('organizationSettings.newMembers.roleIncompatible') : undefined)}
            onChange={(value) => value && draft.change({ defaultRoleId: value })}
          />
          <MultiSelect
            label={t('organizationSettings.newMembers.groups')}
            data={groups.map((group) => ({ value: group.id, label: group.name }))}
            value={current.defaultGroupIds}
            disabled={!canEdit}
            searchable
            placeholder={current.defaultGroupIds.length ? undefined : t('organizationSettings.newMembers.noGroup')}
            error={draft.errorOf('defaultGroupIds')}
            onChange={(value) => draft.change({ defaultGroupIds: [...value].sort() })}
          />
          <MultiSelect
            label={t('organizationSettings.newMembers.licenses')}
            description={t('organizationSettings.newMembers.licensesHint')}
            data={licenses.filter((l) => compatibleLicenseIds.includes(l.id)).map((l) => ({ value: l.id, label: l.name }))}
            value={current.defaultLicenseIds}
            disabled={!canEdit}
            placeholder={current.defaultLicenseIds.length ? undefined : t('organizationSettings.newMembers.noLicense')}
            error={draft.errorOf('defaultLicenseIds')}
            onChange={(value) => draft.change({ defaultLicenseIds: [...value].sort() })}
          />
        </SimpleGrid>
        <Title order={3} fz="md" mt="sm">
          {t('organizationSettings.newMembers.settingsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mt={-8}>
          {t('organizationSettings.newMembers.settingsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" verticalSpacing="md">
          <Select
            label={t('organizationSettings.newMembers.profileVisibility')}
            data={(['private', 'organization', 'everyone'] as const).map((value) => ({ value, label: t(`organizationSettings.profileVisibility.${value}`) }))}
            value={settings.profileVisibility}
            disabled={!canEdit}
            allowDeselect={false}
            error={draft.errorOf('settings.profileVisibility')}
            onChange={(value) => (value === 'private' || value === 'organization' || value === 'everyone') && setSettings({ profileVisibility: value })}
          />
          <Select
            label={t('organizationSettings.newMembers.language')}
            data={(['fr', 'en'] as const).map((value) => ({ value, label: t(`language.${value}`) }))}
            value={settings.language}
            disabled={!canEdit}
            allowDeselect={false}
            error={draft.errorOf('settings.language')}
            onChange={(value) => value && setSettings({ language: value })}
          />
          <Select
            label={t('organizationSettings.newMembers.locale')}
            data={[...new Set([...locales, settings.locale])].map((value) => ({ value, label: value }))}
            value={settings.locale}
            disabled={!canEdit}
            allowDeselect={false}
            error={draft.errorOf('settings.locale')}
            onChange={(value) => value && setSettings({ locale: value })}
          />
          <Select
            label={t('organizationSettings.newMembers.units')}
            data={(['metric', 'imperial'] as const).map((value) => ({ value, label: t(`organizationSettings.units.${value}`) }))}
            value={settings.units}
            disabled={!canEdit}
            allowDeselect={false}
            error={draft.errorOf('settings.units')}
            onChange={(value) => (value === 'metric' || value === 'imperial') && setSettings({ units: value })}
          />
          <TextInput
            label={t('organizationSettings.newMembers.startPage')}
            value={settings.startPage}
            disabled={!canEdit}
            error={draft.errorOf('settings.startPage') ?? (settings.startPage.trim() ? undefined : t('organizationSettings.newMembers.startPageRequired'))}
            onChange={(e) => setSettings({ startPage: e.currentTarget.value })}
          />
        </SimpleGrid>
      </Stack>
      <SaveError error={draft.unplacedError} />
      {canEdit ? <SaveBar dirty={draft.dirty} saving={draft.saving} onSave={submit} onDiscard={draft.discard} /> : null}
    </Section>
  );
}
