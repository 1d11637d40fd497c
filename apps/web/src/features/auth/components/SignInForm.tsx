import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { SignInBody, type SignInResponse } from '@sesame/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useSignIn } from '../api/sign-in.ts';

export function SignInForm({ onSignedIn }: { onSignedIn: (result: SignInResponse) => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<SignInBody>({
    resolver: zodResolver(SignInBody),
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit((values) => {
    signIn.mutate(values, {
      onSuccess: onSignedIn,
      onError: () => {
        resetField('password');
        setFocus('password');
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {signIn.isError ? (
          <Alert
            variant="light"
            color="red"
            icon={<IconAlertCircle size={20} aria-hidden />}
            title={t('auth.signIn.errorTitle')}
            role="alert"
          >
            {problemMessage(signIn.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth.signIn.username')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          autoFocus
          required
          withAsterisk={false}
          error={errors.username ? t('auth.signIn.usernameRequired') : undefined}
          {...register('username')}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          label={t('auth.signIn.password')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          error={errors.password ? t('auth.signIn.passwordRequired') : undefined}
          {...register('password')}
        />
        <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
          {t('auth.signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
