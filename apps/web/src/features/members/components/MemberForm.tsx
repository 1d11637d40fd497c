import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title, type ComboboxData } from '@mantine/core';
import { MAX_CATEGORIES, ProfileVisibility, type MemberDetail, type Role, type UserType } from '@sesame/contracts';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MemberIdentityFields } from '../../../components/member-fields/MemberIdentityFields.tsx';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { administratorChangeAllowed, canGiveRole, seatsLeft, type RoleGiver } from '@sesame/contracts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { categoriesQueryOptions, groupsQueryOptions, licensesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useUpdateMember } from '../api/member-detail.ts';
import {
  changedFields,
  memberFormDefaults,
  memberFormError,
  memberFormFields,
  memberFormSchema,
  type MemberFormField,
  type MemberFormInput,
  type MemberFormOutput,
} from '../member-form.ts';

const languageOptions = [
  { value: 'fr', label: 'Français' },
  { value: 'en', label: 'English' },
];

type SettingField = 'profileVisibility' | 'language' | 'locale' | 'startPage';

/** A profile setting: one choice among a fixed list, never empty. */
function SettingSelect({ control, name, label, data, disabled }: { control: Control<MemberFormInput>; name: SettingField; label: string; data: ComboboxData; disabled: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Select label={label} data={data} value={field.value} onChange={(value) => value && field.onChange(value)} allowDeselect={false} disabled={disabled} />
      )}
    />
  );
}

const locales = ['fr-FR', 'fr-BE', 'fr-CA', 'fr-CH', 'en-GB', 'en-US'];
const startPages = ['home', 'members', 'groups', 'content'] as const;
const isStartPage = (value: string): value is (typeof startPages)[number] => (startPages as readonly string[]).includes(value);

interface MemberFormProps {
  member: MemberDetail;
  roles: Role[];
  userTypes: UserType[];
  /** Profile and settings. */
  canEditProfile: boolean;
  /** Role, user type, licences, groups and categories. */
  canEditAccess: boolean;
  meIsAdministrator: boolean;
  /** Who edits: roles above their own levels are offered disabled. */
  giver: RoleGiver;
}

export function MemberForm({ member, roles, userTypes, canEditProfile, canEditAccess, meIsAdministrator, giver }: MemberFormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const licenses = useQuery(licensesQueryOptions());
  const groups = useQuery(groupsQueryOptions());
  const categories = useQuery(categoriesQueryOptions());
  const update = useUpdateMember(member.id);
  const defaults = useMemo(() => memberFormDefaults(member), [member]);
  const [saveError, setSaveError] = useState<string | null>(null);

  const form = useForm<MemberFormInput, unknown, MemberFormOutput>({ resolver: zodResolver(memberFormSchema), defaultValues: defaults, mode: 'onTouched' });
  const { control, register, handleSubmit, reset, setValue, setError, getValues, formState } = form;

  // Another change (an action, a bulk edit) refreshed the member: follow it unless the form holds edits.
  useEffect(() => {
    if (!formState.isDirty) reset(defaults);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's member changes
  }, [defaults]);

  const userTypeId = useWatch({ control, name: 'userType' });
  const roleId = useWatch({ control, name: 'role' });
  const email = useWatch({ control, name: 'email' });
  const selectedLicenses = useWatch({ control, name: 'licenses' });
  const userType = userTypes.find((u) => u.id === userTypeId);
  const compatibleRoleIds = new Set(userType?.compatibleRoles.map((r) => r.id) ?? []);
  const compatibleLicenseIds = new Set(userType?.compatibleLicenses.map((l) => l.id) ?? []);
  const lostLicenses = userTypeId !== member.userType.id ? member.licenses.filter((l) => !compatibleLicenseIds.has(l.id)) : [];
  const roleDropped = userTypeId !== member.userType.id && roleId === '';

  const onUserTypeChange = (next: string | null) => {
    if (!next) return;
    setValue('userType', next, { shouldDirty: true });
    const type = userTypes.find((u) => u.id === next);
    const roleIds = new Set(type?.compatibleRoles.map((r) => r.id) ?? []);
    const licenseIds = new Set(type?.compatibleLicenses.map((l) => l.id) ?? []);
    if (!roleIds.has(getValues('role'))) setValue('role', next === member.userType.id ? member.role.id : '', { shouldDirty: true });
    // Licences the new user type can't hold leave the selection (and the member, once saved).
    const kept = getValues('licenses').filter((id) => licenseIds.has(id));
    const restored = next === member.userType.id ? member.licenses.map((l) => l.id) : kept;
    setValue('licenses', restored, { shouldDirty: true });
  };

  const errorOf = (field: MemberFormField) => memberFormError(t, field, formState.errors[field] as never, getValues(field));

  const onSubmit = handleSubmit((values) => {
    setSaveError(null);
    const body = changedFields(values, defaults);
    if (Object.keys(body).length === 0) {
      reset(defaults);
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        reset(memberFormDefaults(saved));
        notify({ tone: 'success', title: t('memberDetail.form.saved') });
      },
      onError: (error) => {
        setSaveError(problemMessage(error, t));
        if (isApiError(error)) {
          for (const fieldError of error.fieldErrors) {
            const field = fieldError.path as MemberFormField;
            // Known refusals (privilege above one's own, incompatible role…) in the interface language.
            if (memberFormFields.includes(field)) setError(field, { type: 'server', message: fieldErrorMessage(fieldError, t) });
          }
        }
      },
    });
  });

  const localeNames = new Intl.DisplayNames([format.language], { type: 'language' });
  const localeOptions = [...new Set([...locales, defaults.locale])].map((locale) => {
    let label = locale;
    try {
      label = `${localeNames.of(locale) ?? locale} — ${new Intl.NumberFormat(locale).format(1234.5)} · ${new Intl.DateTimeFormat(locale).format(new Date(2026, 0, 31))}`;
    } catch {
      // Unknown locale: its code is its label.
    }
    return { value: locale, label };
  });
  const startPageOptions = [...new Set<string>([...startPages, defaults.startPage])].map((page) => ({
    value: page,
    label: isStartPage(page) ? t(`memberDetail.form.startPages.${page}`) : page,
  }));
  // Only the roles the chosen user type allows; the Administrator role only from an administrator, once activated.
  const roleOptions = roles
    .filter((role) => compatibleRoleIds.has(role.id))
    .map((role) => ({
      value: role.id,
      label: format.name(role),
      disabled: role.id !== member.role.id && ((role.isAdministrator && (!meIsAdministrator || !administratorChangeAllowed(member))) || !canGiveRole(giver, role)),
    }));
  const compatibleLicenses = (licenses.data ?? []).filter((l) => compatibleLicenseIds.has(l.id));

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('memberDetail.form.label')}>
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="lg">
          <fieldset disabled={!canEditProfile} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Title order={2} fz="lg" mb="md">
              {t('memberDetail.form.profile')}
            </Title>
            <MemberIdentityFields
              firstName={{ label: t('memberDetail.form.firstName'), error: errorOf('firstName'), input: register('firstName') }}
              lastName={{ label: t('memberDetail.form.lastName'), error: errorOf('lastName'), input: register('lastName') }}
              email={{ label: t('memberDetail.form.email'), error: memberFormError(t, 'email', formState.errors.email, email), input: register('email') }}
            >
              <TextInput label={t('memberDetail.form.country')} {...register('country')} error={errorOf('country')} />
            </MemberIdentityFields>
            <Textarea mt="md" label={t('memberDetail.form.description')} autosize minRows={2} maxRows={8} {...register('description')} error={errorOf('description')} />
            <Title order={3} fz="md" mt="lg" mb="sm">
              {t('memberDetail.form.settings')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <SettingSelect
                control={control}
                name="profileVisibility"
                label={t('memberDetail.form.profileVisibility')}
                data={ProfileVisibility.options.map((value) => ({ value, label: t(`memberDetail.form.visibility.${value}`) }))}
                disabled={!canEditProfile}
              />
              <SettingSelect control={control} name="language" label={t('memberDetail.form.language')} data={languageOptions} disabled={!canEditProfile} />
              <SettingSelect control={control} name="locale" label={t('memberDetail.form.locale')} data={localeOptions} disabled={!canEditProfile} />
              <SettingSelect control={control} name="startPage" label={t('memberDetail.form.startPage')} data={startPageOptions} disabled={!canEditProfile} />
              <Controller
                control={control}
                name="units"
                render={({ field }) => (
                  <div>
                    <Text size="sm" fw={500} mb={4} id="member-units-label">
                      {t('memberDetail.form.units')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="member-units-label"
                      data={[
                        { value: 'metric', label: t('memberDetail.form.unitsMetric') },
                        { value: 'imperial', label: t('memberDetail.form.unitsImperial') },
                      ]}
                      value={field.value}
                      onChange={(value) => field.onChange(value)}
                      disabled={!canEditProfile}
                    />
                  </div>
                )}
              />
            </SimpleGrid>
          </fieldset>
        </Paper>

        <Paper withBorder radius="lg" p="lg">
          <fieldset disabled={!canEditAccess} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Title order={2} fz="lg" mb="md">
              {t('memberDetail.form.access')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Controller
                control={control}
                name="userType"
                render={({ field }) => (
                  <Select
                    label={t('memberDetail.form.userType')}
                    data={userTypes.map((type) => ({
                      value: type.id,
                      label: type.seatLimit !== null ? `${format.name(type)} (${t('memberDetail.form.seatsLeft', { count: seatsLeft(type.seatLimit, type.seatsUsed) })})` : format.name(type),
                    }))}
                    value={field.value}
                    onChange={onUserTypeChange}
                    allowDeselect={false}
                    disabled={!canEditAccess}
                    error={errorOf('userType')}
                  />
                )}
              />
              <Controller
                control={control}
                name="role"
                render={({ field }) => (
                  <Select
                    label={t('memberDetail.form.role')}
                    description={t('memberDetail.form.roleHint')}
                    data={roleOptions}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    allowDeselect={false}
                    disabled={!canEditAccess}
                    error={errorOf('role')}
                    placeholder={t('memberDetail.form.chooseRole')}
                  />
                )}
              />
            </SimpleGrid>
            {roleDropped ? (
              <Text size="sm" c="orange.8" mt="xs" data-testid="role-dropped">
                {t('memberDetail.form.roleDropped', { role: format.name(member.role) })}
              </Text>
            ) : null}
            {lostLicenses.length > 0 ? (
              <Alert mt="md" color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('memberDetail.form.licensesLostTitle')} data-testid="licenses-lost">
                {t('memberDetail.form.licensesLost', { count: lostLicenses.length, names: lostLicenses.map((l) => l.name).join(', ') })}
              </Alert>
            ) : null}

            <Controller
              control={control}
              name="licenses"
              render={({ field }) => (
                <Checkbox.Group label={t('memberDetail.form.licenses')} mt="md" value={field.value} onChange={field.onChange} error={errorOf('licenses')}>
                  <Stack gap={6} mt={6}>
                    {compatibleLicenses.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('memberDetail.form.noCompatibleLicense')}
                      </Text>
                    ) : (
                      compatibleLicenses.map((license) => {
                        const held = member.licenses.some((l) => l.id === license.id);
                        const left = seatsLeft(license.seatsTotal, license.seatsUsed);
                        const full = !held && left === 0;
                        return (
                          <Checkbox
                            key={license.id}
                            value={license.id}
                            disabled={!canEditAccess || (full && !selectedLicenses.includes(license.id))}
                            label={`${license.name} — ${t('memberDetail.form.seatsLeft', { count: left })}`}
                          />
                        );
                      })
                    )}
                  </Stack>
                </Checkbox.Group>
              )}
            />

            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
              <Controller
                control={control}
                name="groups"
                render={({ field }) => (
                  <MultiSelect
                    label={t('memberDetail.form.groups')}
                    data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
                    value={field.value}
                    onChange={field.onChange}
                    searchable
                    clearable
                    disabled={!canEditAccess}
                    error={errorOf('groups')}
                  />
                )}
              />
              <Controller
                control={control}
                name="categories"
                render={({ field }) => (
                  <MultiSelect
                    label={t('memberDetail.form.categories')}
                    description={t('memberDetail.form.categoriesHint', { max: MAX_CATEGORIES })}
                    data={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
                    value={field.value}
                    onChange={field.onChange}
                    maxValues={MAX_CATEGORIES}
                    searchable
                    clearable
                    disabled={!canEditAccess}
                    error={errorOf('categories')}
                  />
                )}
              />
            </SimpleGrid>
          </fieldset>
        </Paper>

        {saveError ? (
          <Alert color="red" variant="light" role="alert" title={t('memberDetail.form.saveFailed')}>
            {saveError}
          </Alert>
        ) : null}

        {canEditProfile || canEditAccess ? (
          // Above the fields it scrolls over: some (the units' segmented control) are positioned with a z-index of their own.
          <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 'var(--mantine-z-index-app)' }} data-testid="member-save-bar">
            {formState.isDirty ? (
              <Text size="sm" c="dimmed" mr="auto">
                {t('memberDetail.form.unsaved')}
              </Text>
            ) : null}
            <Button
              variant="default"
              disabled={!formState.isDirty || update.isPending}
              onClick={() => {
                setSaveError(null);
                reset(defaults);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!formState.isDirty}>
              {t('memberDetail.form.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <UnsavedChangesGuard
        when={formState.isDirty}
        saving={update.isPending}
        title={t('memberDetail.leave.title')}
        confirmLabel={t('memberDetail.leave.confirm')}
        cancelLabel={t('memberDetail.leave.stay')}
      >
        {t('memberDetail.leave.body')}
      </UnsavedChangesGuard>
    </form>
  );
}
