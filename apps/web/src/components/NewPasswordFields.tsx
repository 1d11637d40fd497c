import { PasswordInput, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordRequirements } from './PasswordRequirements.tsx';

interface NewPasswordFieldsProps {
  /** The new password as typed, for the live list of requirements. */
  password: string;
  passwordField: UseFormRegisterReturn;
  confirmField: UseFormRegisterReturn;
  passwordLabel: string;
  confirmLabel: string;
  passwordError?: ReactNode;
  confirmError?: ReactNode;
  /** Prefix of the ids the password field is described by. */
  idPrefix: string;
  autoFocus?: boolean;
}

/** A new password with its rule and live requirements, then its confirmation (activation, password change, first-run setup). */
export function NewPasswordFields({ password, passwordField, confirmField, passwordLabel, confirmLabel, passwordError, confirmError, idPrefix, autoFocus }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Stack gap={8}>
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          label={passwordLabel}
          autoComplete="new-password"
          required
          autoFocus={autoFocus}
          aria-describedby={`${idPrefix}-rule ${idPrefix}-requirements`}
          error={passwordError}
          {...passwordField}
        />
        <Text id={`${idPrefix}-rule`} size="xs" c="dimmed">
          {t('auth.changePassword.rule')}
        </Text>
        <PasswordRequirements id={`${idPrefix}-requirements`} password={password} />
      </Stack>
      <PasswordInput
        visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
        label={confirmLabel}
        autoComplete="new-password"
        required
        error={confirmError}
        {...confirmField}
      />
    </>
  );
}
