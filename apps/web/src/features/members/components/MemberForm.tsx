import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title, type ComboboxData } from '@mantine/core';
import { ProfileVisibility, type MemberDetail, type Role, type RoleGiver, type UserType } from '@sesame/contracts';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MemberIdentityFields } from '../../../components/member-fields/MemberIdentityFields.tsx';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useUpdateMember } from '../api/member-detail.ts';
import { MemberAccessFields } from './MemberAccessFields.tsx';
import { MemberAccessSummary } from './MemberAccessSummary.tsx';
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
  /**
   * The organization's roles and user types to choose among; null without View on members
   * (one's own page in the directory): the access part is then read-only, from the member.
   */
  reference: { roles: Role[]; userTypes: UserType[] } | null;
  /** Profile and settings. */
  canEditProfile: boolean;
  /** Role, user type, licences, groups and categories. */
  canEditAccess: boolean;
  meIsAdministrator: boolean;
  /** Who edits: roles above their own levels are offered disabled. */
  giver: RoleGiver;
}

export function MemberForm({ member, reference, canEditProfile, canEditAccess, meIsAdministrator, giver }: MemberFormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const update = useUpdateMember(member.id);
  const defaults = useMemo(() => memberFormDefaults(member), [member]);
  const [saveError, setSaveError] = useState<string | null>(null);

  const form = useForm<MemberFormInput, unknown, MemberFormOutput>({ resolver: zodResolver(memberFormSchema), defaultValues: defaults, mode: 'onTouched' });
  const { control, register, handleSubmit, reset, setError, getValues, formState } = form;

  // Another change (an action, a bulk edit) refreshed the member: follow it unless the form holds edits.
  useEffect(() => {
    if (!formState.isDirty) reset(defaults);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's member changes
  }, [defaults]);

  const email = useWatch({ control, name: 'email' });

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

        {reference ? (
          <MemberAccessFields
            form={form}
            member={member}
            roles={reference.roles}
            userTypes={reference.userTypes}
            canEditAccess={canEditAccess}
            meIsAdministrator={meIsAdministrator}
            giver={giver}
            errorOf={errorOf}
          />
        ) : (
          <MemberAccessSummary member={member} />
        )}

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
