import { SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

export interface MemberTextField {
  label: string;
  error?: ReactNode;
  /** What react-hook-form's `register` returned for the field. */
  input: UseFormRegisterReturn;
}

interface MemberIdentityFieldsProps {
  firstName: MemberTextField;
  lastName: MemberTextField;
  email: MemberTextField;
  /**
   * Typing in a new member (the add-members wizard): the browser suggests nothing, the
   * email is not spell-checked and the first name takes the focus.
   */
  newMember?: boolean;
  /** The grid's fourth cell (the wizard's username, the member page's country). */
  children?: ReactNode;
}

/**
 * The member fields both the add-members wizard and the member page form show, in one grid:
 * first name, last name, email, then the caller's own field. One component, so the two never drift.
 */
export function MemberIdentityFields({ firstName, lastName, email, newMember = false, children }: MemberIdentityFieldsProps) {
  const entry = newMember ? { autoComplete: 'off' } : {};
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
      <TextInput label={firstName.label} required {...entry} {...(newMember ? { 'data-autofocus': true } : {})} error={firstName.error} {...firstName.input} />
      <TextInput label={lastName.label} required {...entry} error={lastName.error} {...lastName.input} />
      <TextInput label={email.label} type="email" required {...entry} {...(newMember ? { spellCheck: false } : {})} error={email.error} {...email.input} />
      {children}
    </SimpleGrid>
  );
}
