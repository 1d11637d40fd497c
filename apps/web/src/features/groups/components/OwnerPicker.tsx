import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ownerCandidatesQueryOptions } from '../api/groups.ts';

export type OwnerChoice = { id: string; label: string };

export const ownerLabel = (m: { firstName: string; lastName: string; username: string }) => `${`${m.firstName} ${m.lastName}`.trim() || m.username} (${m.username})`;

/** A searchable choice among the organization's active members (the members list's own search). */
export function OwnerPicker({ value, onChange, error, description }: { value: OwnerChoice | null; onChange: (owner: OwnerChoice | null) => void; error?: string | undefined; description?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const q = value && search === value.label ? '' : debounced;
  const candidates = useQuery(ownerCandidatesQueryOptions(q));
  const found = (candidates.data?.items ?? []).map((m) => ({ id: m.id, label: ownerLabel(m) }));
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label={t('groups.form.owner')}
      description={description}
      placeholder={t('groups.form.ownerSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the search text.
      filter={({ options: all }) => all}
      nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('groups.form.noMatch')}
      data={options.map((c) => ({ value: c.id, label: c.label }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      error={error}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
