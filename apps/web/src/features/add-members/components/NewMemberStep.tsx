import { Alert, Anchor, Badge, Fieldset, Group, Loader, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { seatsLeft, type BatchMode } from '@sesame/contracts';
import { IconAlertTriangle, IconBuilding, IconMailForward } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MemberIdentityFields } from '../../../components/member-fields/MemberIdentityFields.tsx';
import { PasswordRules } from '../../../components/password-rules/PasswordRules.tsx';
import { ruleLines } from '../../../components/password-rules/password-rules.ts';
import { useFormatters } from '../../../lib/format.ts';
import type { WizardData } from '../api/wizard-data.ts';
import { useUsernameSuggestion } from '../api/username-suggestion.ts';
import { memberFieldError } from '../member-form.ts';
import { assignableRoles, defaultRoleFor, type DraftMember, type LoginMethod, type MemberField, type MemberFormValues, type OrgIdentityType } from '../wizard-state.ts';
import { StepFrame } from './StepFrame.tsx';

interface NewMemberStepProps {
  form: UseFormReturn<MemberFormValues>;
  data: WizardData;
  mode: BatchMode;
  /** Organization logins: the username is the provider's identifier (no proposal), no password. */
  login: LoginMethod;
  /** The organization-login identity types the organization has a provider for. */
  orgTypes: readonly OrgIdentityType[];
  members: DraftMember[];
  /** The list row being edited, if any. */
  editing: DraftMember | null;
  /** Once the admin types a username of their own, proposals stop replacing it. */
  usernameEdited: boolean;
  onUsernameEdited: (edited: boolean) => void;
  /** Polite announcement after "Next, add another" ("… was added to the list"). */
  announcement: string;
  onViewList: () => void;
  /** Enter in a field: the form's submit button ("Next, add another", or "Save" when editing). */
  onSubmit: () => void;
  problems: ReactNode;
  actions: ReactNode;
}

export function NewMemberStep(props: NewMemberStepProps) {
  const { form, data, mode, login, orgTypes, members, editing, usernameEdited, onUsernameEdited, announcement, onViewList, onSubmit, problems, actions } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const { register, control, setValue, getValues, formState } = form;
  const { errors } = formState;
  const [firstName, lastName, email, username, userTypeId, password] = useWatch({
    control,
    name: ['firstName', 'lastName', 'email', 'username', 'userType', 'password'],
  });

  // Ask for a proposal once typing pauses; the list's usernames are excluded so that two
  // members of the same batch never get the same one.
  const [debounced] = useDebouncedValue(JSON.stringify([firstName.trim(), lastName.trim(), email.trim()]), 300);
  const [first, last, mail] = JSON.parse(debounced) as [string, string, string];
  const organizationLogin = login === 'organization';
  // An organization login's username is the provider's identifier: nothing to propose.
  const hasName = !organizationLogin && `${first}${last}${mail}` !== '';
  const exclude = members.filter((member) => member.id !== editing?.id).map((member) => member.username);
  const suggestion = useUsernameSuggestion({ firstName: first, lastName: last, email: mail, exclude }, hasName);
  const proposed = hasName && !suggestion.isPlaceholderData ? suggestion.data?.username : undefined;

  useEffect(() => {
    if (usernameEdited || organizationLogin) return;
    const next = hasName ? proposed : '';
    if (next === undefined || next === getValues('username')) return;
    setValue('username', next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }, [usernameEdited, organizationLogin, hasName, proposed, getValues, setValue, formState.isSubmitted]);

  const userType = data.userTypes.find((type) => type.id === userTypeId);
  const roles = assignableRoles(data.roles, userType, data.organization, data.giver);
  const adminWithheld =
    !data.organization.allowAdminAtCreation &&
    data.roles.some((role) => role.isAdministrator && userType?.compatibleRoles.some((compatible) => compatible.id === role.id));

  const fieldError = (field: MemberField, value: string) => memberFieldError(t, field, errors[field], value, username);
  const suggesting = !usernameEdited && hasName && (suggestion.isFetching || debounced !== JSON.stringify([firstName.trim(), lastName.trim(), email.trim()]));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <StepFrame
        title={editing ? t('addMembers.member.titleEdit') : t('addMembers.steps.member')}
        intro={t('addMembers.member.intro')}
        problems={problems}
        actions={actions}
      >
        <Stack gap="lg">
          <Group justify="space-between" gap="sm" mb={announcement || (members.length > 0 && !editing) ? 0 : 'calc(-1 * var(--mantine-spacing-lg))'}>
            {/* Always present, so that screen readers hear what is added to it. */}
            <div aria-live="polite">
              {announcement ? (
                <Text size="sm" c="teal.8" fw={600} data-testid="member-added">
                  {announcement}
                </Text>
              ) : null}
            </div>
            {members.length > 0 && !editing ? (
              <Group gap="xs">
                <Badge variant="light" size="lg" tt="none" fw={600}>
                  {t('addMembers.member.inList', { count: members.length })}
                </Badge>
                <Anchor component="button" type="button" size="sm" onClick={onViewList}>
                  {t('addMembers.member.viewList')}
                </Anchor>
              </Group>
            ) : null}
          </Group>

          {organizationLogin ? (
            <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('addMembers.member.orgWarningTitle')} data-testid="org-login-warning">
              <Stack gap={6}>
                <Text size="sm">{t('addMembers.member.orgWarning')}</Text>
                <Text size="sm">{t('addMembers.member.entraNote')}</Text>
              </Stack>
            </Alert>
          ) : null}

          <Fieldset legend={t('addMembers.member.identity')} radius="md">
            {organizationLogin && orgTypes.length > 1 ? (
              <Controller
                control={control}
                name="identityType"
                render={({ field }) => (
                  <Select
                    label={t('addMembers.member.identityType')}
                    required
                    mb="md"
                    maw={320}
                    data={orgTypes.map((type) => ({ value: type, label: t(`addMembers.member.identityTypes.${type}`) }))}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    allowDeselect={false}
                    error={fieldError('identityType', field.value)}
                  />
                )}
              />
            ) : null}
            <MemberIdentityFields
              newMember
              firstName={{ label: t('addMembers.member.firstName'), error: fieldError('firstName', firstName), input: register('firstName') }}
              lastName={{ label: t('addMembers.member.lastName'), error: fieldError('lastName', lastName), input: register('lastName') }}
              email={{ label: t('addMembers.member.email'), error: fieldError('email', email), input: register('email') }}
            >
              <Stack gap={4}>
                <TextInput
                  label={organizationLogin ? t('addMembers.member.usernameOrg') : t('addMembers.member.username')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  description={organizationLogin ? t('addMembers.member.usernameOrgDescription') : t('addMembers.member.usernameDescription')}
                  required
                  autoComplete="off"
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  rightSection={suggesting ? <Loader size={14} aria-label={t('addMembers.member.usernameSuggesting')} /> : null}
                  error={fieldError('username', username)}
                  {...register('username', { onChange: (event: { target: { value: string } }) => onUsernameEdited(event.target.value !== '') })}
                />
                {usernameEdited && proposed && proposed !== username ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    ta="left"
                    onClick={() => {
                      onUsernameEdited(false);
                      setValue('username', proposed, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                    }}
                  >
                    {t('addMembers.member.useSuggestion', { username: proposed })}
                  </Anchor>
                ) : null}
              </Stack>
            </MemberIdentityFields>
          </Fieldset>

          <Fieldset legend={t('addMembers.member.access')} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
              <Controller
                control={control}
                name="userType"
                render={({ field }) => (
                  <Select
                    label={t('addMembers.member.userType')}
                    required
                    data={data.userTypes.map((type) => ({ value: type.id, label: format.name(type) }))}
                    value={field.value || null}
                    onChange={(value) => {
                      const next = value ?? '';
                      field.onChange(next);
                      // A role the new type does not allow is replaced by the default one.
                      const nextType = data.userTypes.find((type) => type.id === next);
                      const allowed = assignableRoles(data.roles, nextType, data.organization, data.giver);
                      if (!allowed.some((role) => role.id === getValues('role'))) {
                        setValue('role', defaultRoleFor(data.roles, nextType, data.organization, data.giver), { shouldValidate: formState.isSubmitted });
                      }
                    }}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    allowDeselect={false}
                    comboboxProps={{ shadow: 'md' }}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    description={userType ? <UserTypeDetails userType={userType} data={data} members={members} editing={editing} /> : undefined}
                    error={fieldError('userType', field.value)}
                  />
                )}
              />
              <Controller
                control={control}
                name="role"
                render={({ field }) => (
                  <Select
                    label={t('addMembers.member.role')}
                    required
                    data={roles.map((role) => ({ value: role.id, label: format.name(role) }))}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    allowDeselect={false}
                    comboboxProps={{ shadow: 'md' }}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    description={
                      adminWithheld ? `${t('addMembers.member.roleDescription')} ${t('addMembers.member.adminLater')}` : t('addMembers.member.roleDescription')
                    }
                    error={fieldError('role', field.value)}
                  />
                )}
              />
              {organizationLogin ? (
                <Alert variant="light" color="lapis" icon={<IconBuilding size={20} aria-hidden />} style={{ alignSelf: 'start' }} data-testid="org-login-note">
                  {mode === 'invite' ? t('addMembers.member.orgInviteNote') : t('addMembers.member.orgNote')}
                </Alert>
              ) : mode === 'credentials' ? (
                <Stack gap={8}>
                  <PasswordInput
                    label={t('addMembers.member.password')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    description={t('addMembers.member.passwordDescription')}
                    autoComplete="new-password"
                    visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
                    error={fieldError('password', password)}
                    aria-describedby={password ? 'member-password-requirements' : undefined}
                    {...register('password')}
                  />
                  {password ? <PasswordRules id="member-password-requirements" lines={ruleLines(password, username, null)} /> : null}
                </Stack>
              ) : (
                <Alert variant="light" color="lapis" icon={<IconMailForward size={20} aria-hidden />} style={{ alignSelf: 'start' }}>
                  {t('addMembers.member.inviteNote')}
                </Alert>
              )}
            </SimpleGrid>
          </Fieldset>
        </Stack>
      </StepFrame>
    </form>
  );
}

/** What the chosen user type allows: compatible roles and licences, seats left. */
function UserTypeDetails({ userType, data, members, editing }: { userType: WizardData['userTypes'][number]; data: WizardData; members: DraftMember[]; editing: DraftMember | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const roleNames = data.roles.filter((role) => userType.compatibleRoles.some((compatible) => compatible.id === role.id)).map((role) => format.name(role));
  const licenseCount = userType.compatibleLicenses.length;
  const parts = [
    t('addMembers.member.compatibleRoles', { roles: roleNames.join(', ') }),
    licenseCount > 0 ? t('addMembers.member.compatibleLicenses', { count: licenseCount }) : t('addMembers.member.noCompatibleLicense'),
  ];
  if (userType.seatLimit !== null) {
    const inList = members.filter((member) => member.userType === userType.id && member.id !== editing?.id).length;
    parts.push(t('addMembers.member.typeSeatsLeft', { count: seatsLeft(userType.seatLimit, userType.seatsUsed + inList) }));
  }
  return <>{parts.join(' · ')}</>;
}
