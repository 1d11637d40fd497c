import { Button, EmptyState } from '@mantine/core';
import { IconFilterOff, IconUserSearch, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function MembersEmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      py={56}
      px="md"
      variant="light"
      icon={filtered ? <IconUserSearch size={28} aria-hidden /> : <IconUsers size={28} aria-hidden />}
    >
      <EmptyState.Title order={2}>{t(filtered ? 'members.empty.filteredTitle' : 'members.empty.title')}</EmptyState.Title>
      <EmptyState.Description>{t(filtered ? 'members.empty.filteredBody' : 'members.empty.body')}</EmptyState.Description>
      {filtered ? (
        <EmptyState.Actions>
          <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            {t('members.filters.clear')}
          </Button>
        </EmptyState.Actions>
      ) : null}
    </EmptyState>
  );
}
