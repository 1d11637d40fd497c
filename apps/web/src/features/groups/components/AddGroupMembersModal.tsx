import { Alert, Button, Checkbox, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { MemberSummary } from '@sesame/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { groupCandidatesQueryOptions, useChangeGroupMembers } from '../api/groups.ts';

export const memberName = (m: Pick<MemberSummary, 'firstName' | 'lastName' | 'username'>) => `${m.firstName} ${m.lastName}`.trim() || m.username;

/**
 * The add-members picker: the organization's members who are not in the group yet, searched
 * on the server; several are ticked (the choice survives a new search) and added at once.
 */
export function AddGroupMembersModal({ group, opened, onClose }: { group: { id: string; name: string }; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<ReadonlyMap<string, MemberSummary>>(new Map());
  const candidates = useQuery(groupCandidatesQueryOptions(group.id, debounced));
  const add = useChangeGroupMembers(group.id, 'add');
  const items = candidates.data?.items ?? [];

  const toggle = (m: MemberSummary, on: boolean) =>
    setPicked((current) => {
      const next = new Map(current);
      if (on) next.set(m.id, m);
      else next.delete(m.id);
      return next;
    });

  const confirm = async () => {
    const result = await add.mutateAsync([...picked.keys()]);
    notify({ tone: 'success', title: t('groups.add.added', { count: result.changed }) });
    setPicked(new Map());
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650} fz="lg">{t('groups.add.title', { name: group.name })}</Text>} centered radius="lg" padding="lg" size="lg">
      <Stack gap="md">
        <TextInput
          type="search"
          label={t('groups.add.searchLabel')}
          placeholder={t('groups.add.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          autoComplete="off"
          maxLength={200}
          data-autofocus
        />
        <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
          <Stack gap={6} role="group" aria-label={t('groups.add.searchLabel')} data-testid="group-candidates">
            {items.length === 0 && !candidates.isFetching ? (
              <Text size="sm" c="dimmed">
                {t('groups.add.empty')}
              </Text>
            ) : null}
            {items.map((m) => (
              <Checkbox
                key={m.id}
                checked={picked.has(m.id)}
                onChange={(e) => toggle(m, e.currentTarget.checked)}
                label={memberName(m)}
                description={`${m.username} · ${m.email}`}
                styles={{ description: { wordBreak: 'break-all' } }}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Text size="sm" aria-live="polite" data-testid="group-candidates-selected">
          {t('groups.add.selected', { count: picked.size })}
        </Text>
        {add.error ? (
          <Alert color="red" role="alert">
            {problemMessage(add.error, t)}
          </Alert>
        ) : null}
        <DialogActions onCancel={onClose} cancelLabel={t('common.cancel')}>
          <Button onClick={() => void confirm().catch(() => undefined)} disabled={picked.size === 0} loading={add.isPending}>
            {t('groups.add.confirm', { count: picked.size })}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
