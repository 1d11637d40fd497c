import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ContactCandidates } from '@sesame/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { candidatesQueryOptions } from '../api/contacts.ts';

export type Candidate = ContactCandidates['items'][number];

const labelOf = (c: Pick<Candidate, 'fullName' | 'username'>) => `${c.fullName || c.username} (${c.username})`;

/** A searchable member choice served by the contacts' own search (no View on members needed). */
export function MemberPicker({
  label,
  value,
  onChange,
  exclude = [],
  disabled,
  description,
  clearOnPick = false,
}: {
  label: string;
  value: Candidate | null;
  onChange: (candidate: Candidate | null) => void;
  exclude?: readonly string[];
  disabled?: boolean;
  description?: string;
  /** Empty the box once a member is picked (adding to a list). */
  clearOnPick?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const shown = value && search === labelOf(value) ? '' : debounced;
  const candidates = useQuery({ ...candidatesQueryOptions(shown), enabled: !disabled });
  // Results of an earlier search are not offered while the current one loads.
  const settled = !candidates.isPlaceholderData && debounced === search.trim();
  const items = settled || shown === '' ? (candidates.data?.items ?? []).filter((c) => !exclude.includes(c.id)) : [];
  const options = value && !items.some((c) => c.id === value.id) ? [value, ...items] : items;

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('contacts.searchMember')}
      searchable
      clearable={!clearOnPick}
      disabled={disabled}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the search text.
      filter={({ options: all }) => all}
      nothingFoundMessage={candidates.isFetching || !settled ? t('common.loading') : t('contacts.noMatch')}
      data={options.map((c) => ({ value: c.id, label: labelOf(c) }))}
      value={clearOnPick ? null : (value?.id ?? null)}
      onChange={(id) => {
        const picked = options.find((c) => c.id === id) ?? null;
        onChange(picked);
        if (clearOnPick) setSearch('');
      }}
    />
  );
}
