import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Divider, Group, Stack, TextInput } from '@mantine/core';
import { OrganizationName, OrganizationSlug, SetupAdministrator, SetupBody, type MeResponse } from '@sesame/contracts';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useRunSetup } from '../api/setup.ts';
import { slugFromName } from '../slug.ts';

const SetupFormSchema = z
  .object({
    token: SetupBody.shape.token,
    name: OrganizationName,
    slug: OrganizationSlug,
    username: SetupAdministrator.shape.username,
    firstName: SetupAdministrator.shape.firstName,
    lastName: SetupAdministrator.shape.lastName,
    email: SetupAdministrator.shape.email,
    password: SetupAdministrator.shape.password,
    confirmPassword: z.string(),
  })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'mismatch' });
type SetupFormValues = z.infer<typeof SetupFormSchema>;
type Field = keyof SetupFormValues;

/** The API's body-relative paths (`organization.slug`, `administrator.email`…) to the form's fields. */
function fieldOfPath(path: string): Field | null {
  const last = path.split('.').pop() ?? '';
  if (path === 'token') return 'token';
  if (path.startsWith('organization.')) return last === 'name' || last === 'slug' ? last : null;
  if (path.startsWith('administrator.')) {
    return (['username', 'firstName', 'lastName', 'email', 'password'] as const).find((f) => f === last) ?? null;
  }
  return null;
}

interface SetupFormProps {
  initialToken: string;
  onDone: (me: MeResponse) => void;
  /** Another setup won meanwhile: the page says the setup is done. */
  onAlreadyDone: () => void;
}

/** The organization and its first administrator, created in one request with the printed token. */
export function SetupForm({ initialToken, onDone, onAlreadyDone }: SetupFormProps) {
  const { t } = useTranslation();
  const setup = useRunSetup();
  const form = useForm<SetupFormValues>({
    resolver: zodResolver(SetupFormSchema),
    defaultValues: { token: initialToken, name: '', slug: '', username: '', firstName: '', lastName: '', email: '', password: '', confirmPassword: '' },
  });
  const { register, control, handleSubmit, setError, setValue, getFieldState } = form;
  const { errors } = form.formState;
  const password = useWatch({ control, name: 'password' });
  const username = useWatch({ control, name: 'username' });

  const onSubmit = handleSubmit((v) =>
    setup.mutate(
      {
        token: v.token,
        organization: { name: v.name, slug: v.slug },
        administrator: { username: v.username, email: v.email, firstName: v.firstName, lastName: v.lastName, password: v.password },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error, 'setup_done')) return onAlreadyDone();
          if (isApiError(error, 'setup_token_invalid')) return setError('token', { type: 'server', message: problemMessage(error, t) }, { shouldFocus: true });
          if (!isApiError(error)) return;
          let focused = false;
          for (const fieldError of error.fieldErrors) {
            const field = fieldOfPath(fieldError.path);
            if (!field) continue;
            setError(field, { type: 'server', message: fieldErrorMessage(fieldError, t) }, { shouldFocus: !focused });
            focused = true;
          }
        },
      },
    ),
  );

  // Server wording when the server refused the field, else what the field asks for.
  const errorOf = (field: Field) => {
    const error = errors[field];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : t(`setup.invalid.${field}`);
  };
  // Field refusals are shown on their fields; anything else (wrong token, too many tries…) above the form.
  const placedOnFields = isApiError(setup.error) && setup.error.fieldErrors.length > 0 && setup.error.fieldErrors.every((e) => fieldOfPath(e.path));
  const nameField = register('name', {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      // The identifier follows the name until someone edits it.
      if (!getFieldState('slug').isDirty) setValue('slug', slugFromName(event.target.value), { shouldDirty: false });
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="setup-form">
      <Stack gap="md">
        {setup.isError && !placedOnFields ? <ProblemAlert title={t('setup.errorTitle')} error={setup.error} /> : null}
        <TextInput label={t('setup.token')} description={t('setup.tokenHint')} required autoComplete="off" spellCheck={false} ff="monospace" error={errorOf('token')} {...register('token')} />
        <Divider label={t('setup.organizationTitle')} labelPosition="left" />
        <TextInput label={t('setup.name')} required autoFocus={!!initialToken} error={errorOf('name')} {...nameField} />
        <TextInput
          label={t('setup.slug')}
          description={t('setup.slugRule')}
          required
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          error={errorOf('slug')}
          {...register('slug')}
        />
        <Divider label={t('setup.administratorTitle')} labelPosition="left" />
        <Group grow align="flex-start">
          <TextInput label={t('setup.firstName')} required autoComplete="given-name" error={errorOf('firstName')} {...register('firstName')} />
          <TextInput label={t('setup.lastName')} required autoComplete="family-name" error={errorOf('lastName')} {...register('lastName')} />
        </Group>
        <TextInput label={t('setup.email')} type="email" required autoComplete="email" error={errorOf('email')} {...register('email')} />
        <TextInput
          label={t('setup.username')}
          required
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          error={errorOf('username')}
          {...register('username')}
        />
        <NewPasswordFields
          password={password}
          username={username}
          passwordField={register('password')}
          confirmField={register('confirmPassword')}
          passwordLabel={t('setup.password')}
          confirmLabel={t('setup.confirm')}
          passwordError={errors.password ? (errors.password.type === 'server' ? errors.password.message : t('auth.changePassword.rule')) : undefined}
          confirmError={errors.confirmPassword ? t('auth.changePassword.mismatch') : undefined}
          idPrefix="setup"
        />
        <Button type="submit" size="md" fullWidth loading={setup.isPending} mt="xs">
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
