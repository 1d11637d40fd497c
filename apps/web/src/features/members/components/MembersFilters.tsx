import { Button, Select } from '@mantine/core';
import { memberStatuses, type MemberStatus } from '@sesame/contracts';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { useRoles, useUserTypes } from '../../../lib/reference/reference-queries.ts';
import { hasActiveFilters, type MemberFilters } from '../member-filters.ts';
import { MembersSearch } from './MembersSearch.tsx';
import classes from './MembersFilters.module.css';

interface MembersFiltersProps {
  filters: MemberFilters;
  onChange: (patch: Partial<MemberFilters>, options?: { replace?: boolean; state?: unknown }) => void;
  onClear: () => void;
  /** The directory of a member without View on members: the search by name only. */
  directory: boolean;
}

function isStatus(value: string | null): value is MemberStatus {
  return value !== null && (memberStatuses as readonly string[]).includes(value);
}

export function MembersFilters({ filters, onChange, onClear, directory }: MembersFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className={classes.toolbar} role="search" aria-label={t('members.filters.label')} data-directory={directory || undefined}>
      <MembersSearch
        value={filters.q}
        placeholder={t(directory ? 'members.directory.searchPlaceholder' : 'members.search.placeholder')}
        onSearch={(q, state) => onChange({ q }, { replace: true, state })}
      />
      {directory ? null : <AdministrativeFilters filters={filters} onChange={onChange} />}
      {hasActiveFilters(filters) ? (
        <Button variant="subtle" color="gray" className={classes.clear} leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          {t('members.filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}

/** Role, user type and status: what only View on members shows (their choices come from routes that need it). */
function AdministrativeFilters({ filters, onChange }: Pick<MembersFiltersProps, 'filters' | 'onChange'>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const roles = useRoles();
  const userTypes = useUserTypes();

  return (
    <>
      <Select
        label={t('members.filters.role')}
        placeholder={t('members.filters.anyRole')}
        data={(roles.data ?? []).map((role) => ({ value: role.key, label: format.name(role) }))}
        value={filters.role}
        onChange={(role) => onChange({ role })}
        clearable
        allowDeselect
        comboboxProps={{ shadow: 'md' }}
      />
      <Select
        label={t('members.filters.userType')}
        placeholder={t('members.filters.anyUserType')}
        data={(userTypes.data ?? []).map((type) => ({ value: type.key, label: format.name(type) }))}
        value={filters.userType}
        onChange={(userType) => onChange({ userType })}
        clearable
        allowDeselect
        comboboxProps={{ shadow: 'md' }}
      />
      <Select
        label={t('members.filters.status')}
        placeholder={t('members.filters.anyStatus')}
        data={memberStatuses.map((status) => ({ value: status, label: t(`members.status.${status}`) }))}
        value={filters.status}
        onChange={(status) => onChange({ status: isStatus(status) ? status : null })}
        clearable
        allowDeselect
        comboboxProps={{ shadow: 'md' }}
      />
    </>
  );
}
