import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ChangePasswordBody } from '@sesame/contracts';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { clientRefusal, serverRefusal } from '../../../components/password-rules/password-rules.ts';
import { useChangePassword } from '../api/change-password.ts';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';

// The API's body schema plus the confirmation field, which never leaves the browser.
const ChangePasswordFormSchema = ChangePasswordBody.extend({ confirmPassword: z.string() }).refine(
  (values) => values.newPassword === values.confirmPassword,
  { path: ['confirmPassword'], message: 'mismatch' },
);
type ChangePasswordFormValues = z.infer<typeof ChangePasswordFormSchema>;

interface ChangePasswordFormProps {
  onChanged: () => void;
  /** Secondary action: cancel (voluntary change) or sign out (forced change). */
  secondaryAction: ReactNode;
}

export function ChangePasswordForm({ onChanged, secondaryAction }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const { username } = useMe().member;
  /** What the server refused, for the password it was sent. */
  const [refused, setRefused] = useState<{ password: string; codes: string[] } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ChangePasswordFormValues>({
    resolver: zodResolver(ChangePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const newPassword = useWatch({ control, name: 'newPassword' });

  const onSubmit = handleSubmit(({ currentPassword, newPassword: next }) => {
    // The rules the schema cannot know (the username) are checked before sending, like the others.
    const refusal = clientRefusal(next, username, t);
    if (refusal) return setError('newPassword', { type: 'server', message: refusal }, { shouldFocus: true });
    changePassword.mutate(
      { currentPassword, newPassword: next },
      {
        onSuccess: onChanged,
        onError: (error) => {
          // Errors that belong to one field are shown next to it.
          if (isApiError(error, 'wrong_password')) {
            setError('currentPassword', { type: 'server', message: problemMessage(error, t) }, { shouldFocus: true });
          } else if (isApiError(error, 'weak_password')) {
            // Each rule the server refused, named, next to the field and on the list of rules.
            const { message, codes } = serverRefusal(error, t);
            setRefused({ password: next, codes });
            setError('newPassword', { type: 'server', message }, { shouldFocus: true });
          }
        },
      },
    );
  });

  const fieldError = isApiError(changePassword.error, 'wrong_password') || isApiError(changePassword.error, 'weak_password');
  const errorText = (field: keyof ChangePasswordFormValues) => {
    const error = errors[field];
    if (!error) return undefined;
    if (error.type === 'server') return error.message;
    if (field === 'currentPassword') return t('auth.changePassword.currentRequired');
    if (field === 'newPassword') return clientRefusal(newPassword, username, t) ?? t('auth.changePassword.rule');
    return t('auth.changePassword.mismatch');
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {changePassword.isError && !fieldError ? (
          <ProblemAlert title={t('auth.changePassword.errorTitle')} error={changePassword.error} />
        ) : null}
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          label={t('auth.changePassword.current')}
          autoComplete="current-password"
          required
          autoFocus
          error={errorText('currentPassword')}
          {...register('currentPassword')}
        />
        <NewPasswordFields
          password={newPassword}
          username={username}
          refused={refused}
          passwordField={register('newPassword')}
          confirmField={register('confirmPassword')}
          passwordLabel={t('auth.changePassword.new')}
          confirmLabel={t('auth.changePassword.confirm')}
          passwordError={errorText('newPassword')}
          confirmError={errorText('confirmPassword')}
          idPrefix="password"
        />
        <Group justify="space-between" mt="xs" wrap="wrap-reverse">
          {secondaryAction}
          <Button type="submit" loading={changePassword.isPending}>
            {t('auth.changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
