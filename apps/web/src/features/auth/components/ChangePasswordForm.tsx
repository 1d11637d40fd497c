import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ChangePasswordBody } from '@sesame/contracts';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
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
    changePassword.mutate(
      { currentPassword, newPassword: next },
      {
        onSuccess: onChanged,
        onError: (error) => {
          // Errors that belong to one field are shown next to it.
          if (isApiError(error, 'wrong_password')) {
            setError('currentPassword', { type: 'server', message: problemMessage(error, t) }, { shouldFocus: true });
          } else if (isApiError(error, 'weak_password')) {
            setError('newPassword', { type: 'server', message: problemMessage(error, t) }, { shouldFocus: true });
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
    if (field === 'newPassword') return t('auth.changePassword.rule');
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
