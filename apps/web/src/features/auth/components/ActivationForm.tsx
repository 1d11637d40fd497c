import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, Text } from '@mantine/core';
import { Password, type MeResponse } from '@sesame/contracts';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useAcceptInvitation } from '../api/invitation.ts';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';
import { clientRefusal, serverRefusal } from '../../../components/password-rules/password-rules.ts';

const ActivationFormSchema = z
  .object({ password: Password, confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'mismatch' });
type ActivationFormValues = z.infer<typeof ActivationFormSchema>;

export const invitationGoneCodes = ['invitation_expired', 'invitation_used', 'invitation_revoked'] as const;

interface ActivationFormProps {
  token: string;
  /** The invited member's username (the password must not contain it). */
  username: string;
  /** Built-in accounts choose a password; organization logins only confirm. */
  withPassword: boolean;
  onActivated: (me: MeResponse) => void;
  /** The invitation stopped being usable meanwhile (used in another tab, revoked, expired). */
  onGone: (error: unknown) => void;
}

export function ActivationForm({ token, username, withPassword, onActivated, onGone }: ActivationFormProps) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const form = useForm<ActivationFormValues>({ resolver: zodResolver(ActivationFormSchema), defaultValues: { password: '', confirmPassword: '' } });
  const { register, control, handleSubmit, setError } = form;
  const { errors } = form.formState;
  const password = useWatch({ control, name: 'password' });
  /** What the server refused, for the password it was sent. */
  const [refused, setRefused] = useState<{ password: string; codes: string[] } | null>(null);

  const send = (body: { password?: string }) =>
    accept.mutate(body, {
      onSuccess: onActivated,
      onError: (error) => {
        if (isApiError(error) && (error.status === 410 || error.status === 404)) return onGone(error);
        if (isApiError(error, 'weak_password') || (isApiError(error, 'validation_failed') && withPassword)) {
          // Each rule the server refused, named, next to the field and on the list of rules.
          const { message, codes } = serverRefusal(error, t);
          if (body.password !== undefined) setRefused({ password: body.password, codes });
          setError('password', { type: 'server', message }, { shouldFocus: true });
        }
      },
    });
  const onSubmit = withPassword
    ? handleSubmit(({ password: chosen }) => {
        // The rule the schema cannot know (the username) is checked before sending, like the others.
        const refusal = clientRefusal(chosen, username, t);
        if (refusal) return setError('password', { type: 'server', message: refusal }, { shouldFocus: true });
        send({ password: chosen });
      })
    : (event: React.FormEvent) => {
    event.preventDefault();
    send({});
  };

  const fieldError = isApiError(accept.error, 'weak_password') || isApiError(accept.error, 'validation_failed');
  const passwordError = errors.password
    ? errors.password.type === 'server'
      ? errors.password.message
      : (clientRefusal(password, username, t) ?? t('auth.changePassword.rule'))
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
              username={username}
              refused={refused}
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
