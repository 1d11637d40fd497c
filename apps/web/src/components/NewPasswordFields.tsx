import { PasswordInput, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordRules } from './password-rules/PasswordRules.tsx';
import { ruleLines } from './password-rules/password-rules.ts';

interface NewPasswordFieldsProps {
  /** The new password as typed, for the live list of rules. */
  password: string;
  /** Whose password it is: the rule "does not contain the username" is checked when known. */
  username?: string | null | undefined;
  /** The rules the server refused for the password it was sent (they stay marked while it is unchanged). */
  refused?: { password: string; codes: readonly string[] } | null | undefined;
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

/** A new password with every rule the server applies, checked live, then its confirmation (activation, password change, first-run setup). */
export function NewPasswordFields({ password, username, refused, passwordField, confirmField, passwordLabel, confirmLabel, passwordError, confirmError, idPrefix, autoFocus }: NewPasswordFieldsProps) {
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
          aria-describedby={`${idPrefix}-requirements`}
          error={passwordError}
          {...passwordField}
        />
        <PasswordRules id={`${idPrefix}-requirements`} lines={ruleLines(password, username, refused ?? null)} />
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
