import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, Text } from '@mantine/core';
import { Password, type MeResponse } from '@sesame/contracts';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useAcceptInvitation } from '../api/invitation.ts';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';

const ActivationFormSchema = z
  .object({ password: Password, confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'mismatch' });
type ActivationFormValues = z.infer<typeof ActivationFormSchema>;

export const invitationGoneCodes = ['invitation_expired', 'invitation_used', 'invitation_revoked'] as const;

interface ActivationFormProps {
  token: string;
  /** Built-in accounts choose a password; organization logins only confirm. */
  withPassword: boolean;
  onActivated: (me: MeResponse) => void;
  /** The invitation stopped being usable meanwhile (used in another tab, revoked, expired). */
  onGone: (error: unknown) => void;
}

export function ActivationForm({ token, withPassword, onActivated, onGone }: ActivationFormProps) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const form = useForm<ActivationFormValues>({ resolver: zodResolver(ActivationFormSchema), defaultValues: { password: '', confirmPassword: '' } });
  const { register, control, handleSubmit, setError } = form;
  const { errors } = form.formState;
  const password = useWatch({ control, name: 'password' });

  const send = (body: { password?: string }) =>
    accept.mutate(body, {
      onSuccess: onActivated,
      onError: (error) => {
        if (isApiError(error) && (error.status === 410 || error.status === 404)) return onGone(error);
        if (isApiError(error, 'weak_password') || (isApiError(error, 'validation_failed') && withPassword)) {
          setError('password', { type: 'server', message: error.fieldErrors[0] ? fieldErrorMessage(error.fieldErrors[0], t) : problemMessage(error, t) }, { shouldFocus: true });
        }
      },
    });
  const onSubmit = withPassword ? handleSubmit(({ password: chosen }) => send({ password: chosen })) : (event: React.FormEvent) => {
    event.preventDefault();
    send({});
  };

  const fieldError = isApiError(accept.error, 'weak_password') || isApiError(accept.error, 'validation_failed');
  const passwordError = errors.password
    ? errors.password.type === 'server'
      ? errors.password.message
      : t('auth.changePassword.rule')
    : undefined;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {accept.isError && !fieldError ? (
          <ProblemAlert title={t('activation.errorTitle')} error={accept.error} />
        ) : null}
        {withPassword ? (
          <>
            <Text size="sm">{t('activation.choosePassword')}</Text>
            <NewPasswordFields
              password={password}
              passwordField={register('password')}
              confirmField={register('confirmPassword')}
              passwordLabel={t('activation.password')}
              confirmLabel={t('activation.confirm')}
              passwordError={passwordError}
              confirmError={errors.confirmPassword ? t('auth.changePassword.mismatch') : undefined}
              idPrefix="activation"
              autoFocus
            />
            <Button type="submit" size="md" fullWidth loading={accept.isPending} mt="xs">
              {t('activation.submit')}
            </Button>
          </>
        ) : (
          <>
            <Text size="sm">{t('activation.organizationLogin')}</Text>
            <Button type="submit" size="md" fullWidth loading={accept.isPending}>
              {t('activation.confirmSubmit')}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}
