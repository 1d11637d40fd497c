import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { WizardData } from '../api/wizard-data.ts';

/** The header cells every table of new members starts with: name, username, email, user type, role. */
export function MemberHeadCells() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('addMembers.list.name')}</Table.Th>
      <Table.Th>{t('addMembers.list.username')}</Table.Th>
      <Table.Th>{t('addMembers.list.email')}</Table.Th>
      <Table.Th>{t('addMembers.list.userType')}</Table.Th>
      <Table.Th>{t('addMembers.list.role')}</Table.Th>
    </>
  );
}

/** Names of a draft member's user type and role (its id when the organization no longer has it). */
export function useReferenceNames(data: Pick<WizardData, 'userTypes' | 'roles'>) {
  const format = useFormatters();
  const typeName = (id: string) => {
    const type = data.userTypes.find((candidate) => candidate.id === id);
    return type ? format.name(type) : id;
  };
  const roleName = (id: string) => {
    const role = data.roles.find((candidate) => candidate.id === id);
    return role ? format.name(role) : id;
  };
  return { typeName, roleName };
}
