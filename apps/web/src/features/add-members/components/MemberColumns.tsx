import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { clipClass } from './RowsTable.tsx';
import type { WizardData } from '../api/wizard-data.ts';

/** The header cells every table of new members starts with: name, username, email, user type, role. */
export function MemberHeadCells() {
  const { t } = useTranslation();
  return (
    <>
      <HeadCell label={t('addMembers.list.name')} />
      <HeadCell label={t('addMembers.list.username')} />
      <HeadCell label={t('addMembers.list.email')} />
      <HeadCell label={t('addMembers.list.userType')} />
      <HeadCell label={t('addMembers.list.role')} />
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

/** A header cut with an ellipsis when its column is narrow, the whole label in its title. */
export function HeadCell({ label, width }: { label: string; width?: number | string }) {
  return (
    <Table.Th w={width} title={label} className={clipClass}>
      {label}
    </Table.Th>
  );
}
