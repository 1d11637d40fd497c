import { Alert, Checkbox, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MAX_CATEGORIES, administratorChangeAllowed, canGiveRole, seatsLeft, type MemberDetail, type RoleGiver, type Role, type UserType } from '@sesame/contracts';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { categoriesQueryOptions, groupsQueryOptions, licensesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import type { MemberFormField, MemberFormInput, MemberFormOutput } from '../member-form.ts';

export interface MemberAccessFieldsProps {
  form: UseFormReturn<MemberFormInput, unknown, MemberFormOutput>;
  member: MemberDetail;
  roles: Role[];
  userTypes: UserType[];
  canEditAccess: boolean;
  meIsAdministrator: boolean;
  /** Who edits: roles above their own levels are offered disabled. */
  giver: RoleGiver;
  errorOf: (field: MemberFormField) => ReactNode;
}

/**
 * Role, user type, licences, groups and categories, chosen among the organization's (its
 * reference routes need View on members): the member form's second part.
 */
export function MemberAccessFields({ form, member, roles, userTypes, canEditAccess, meIsAdministrator, giver, errorOf }: MemberAccessFieldsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const licenses = useQuery(licensesQueryOptions());
  const groups = useQuery(groupsQueryOptions());
  const categories = useQuery(categoriesQueryOptions());
  const { control, setValue, getValues } = form;

  const userTypeId = useWatch({ control, name: 'userType' });
  const roleId = useWatch({ control, name: 'role' });
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
  );
}
