import { Alert, Button, Checkbox, Group, Modal, Radio, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { MemberDetail } from '@sesame/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ownedText } from '../owned-text.ts';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useActiveMemberSearch, useTransferOwnership } from '../api/member-detail.ts';
import { DialogActions } from '../../../components/DialogActions.tsx';

interface TransferOwnershipModalProps {
  opened: boolean;
  member: MemberDetail;
  onClose: () => void;
  /** After a transfer went through (the member's page is refreshed by then). */
  onTransferred?: (() => void) | undefined;
}

/** Gives all (or some) of a member's content and groups to another active member. */
export function TransferOwnershipModal({ opened, member, onClose, onTransferred }: TransferOwnershipModalProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [target, setTarget] = useState<{ id: string; label: string } | null>(null);
  const [scope, setScope] = useState<'all' | 'selected'>('all');
  const [contentIds, setContentIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const candidates = useActiveMemberSearch(debounced.trim());
  const transfer = useTransferOwnership(member.id);

  const options = (candidates.data?.items ?? [])
    .filter((m) => m.id !== member.id)
    .map((m) => ({ value: m.id, label: `${m.fullName || `${m.firstName} ${m.lastName}`} (${m.username})` }));
  if (target && !options.some((o) => o.value === target.id)) options.unshift({ value: target.id, label: target.label });

  const close = () => {
    transfer.reset();
    setTarget(null);
    setSearch('');
    setScope('all');
    setContentIds([]);
    setGroupIds([]);
    onClose();
  };
  const nothingSelected = scope === 'selected' && contentIds.length === 0 && groupIds.length === 0;

  const submit = () => {
    if (!target) return;
    transfer.mutate(
      { toMemberId: target.id, ...(scope === 'selected' ? { contentIds, groupIds } : {}) },
      {
        onSuccess: (result) => {
          notify({
            tone: 'success',
            title: t('memberActions.transfer.done'),
            message: t('memberActions.transfer.doneBody', { owned: ownedText(t, i18n.language, result.contentTransferred, result.groupsTransferred), name: target.label }),
          });
          close();
          onTransferred?.();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650} fz="lg">{t('memberActions.transfer.title')}</Text>} centered radius="lg" size="lg">
      <Stack gap="md">
        <Text size="sm">{t('memberActions.transfer.body', { owned: ownedText(t, i18n.language, member.ownedContentTotal, member.ownedGroupsTotal) })}</Text>
        <Select
          label={t('memberActions.transfer.to')}
          placeholder={t('memberActions.transfer.toPlaceholder')}
          searchable
          data={options}
          value={target?.id ?? null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(value, option) => setTarget(value && option ? { id: value, label: option.label } : null)}
          filter={({ options: all }) => all}
          nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('memberActions.transfer.noMatch')}
          comboboxProps={{ withinPortal: true }}
        />
        <Radio.Group label={t('memberActions.transfer.what')} value={scope} onChange={(value) => setScope(value === 'selected' ? 'selected' : 'all')}>
          <Group mt={6}>
            <Radio value="all" label={t('memberActions.transfer.all')} />
            <Radio value="selected" label={t('memberActions.transfer.selected')} />
          </Group>
        </Radio.Group>
        {scope === 'selected' ? (
          <ScrollArea.Autosize mah={260}>
            <Stack gap="sm">
              {member.ownedContent.length ? (
                <Checkbox.Group label={t('memberDetail.owned.content')} value={contentIds} onChange={setContentIds}>
                  <Stack gap={4} mt={4}>
                    {member.ownedContent.map((item) => (
                      <Checkbox key={item.id} value={item.id} label={`${item.title} (${item.kind})`} />
                    ))}
                    {member.ownedContentTotal > member.ownedContent.length ? (
                      <Text size="xs" c="dimmed">
                        {t('memberActions.transfer.moreNotListed', { count: member.ownedContentTotal - member.ownedContent.length })}
                      </Text>
                    ) : null}
                  </Stack>
                </Checkbox.Group>
              ) : null}
              {member.ownedGroups.length ? (
                <Checkbox.Group label={t('memberDetail.owned.groups')} value={groupIds} onChange={setGroupIds}>
                  <Stack gap={4} mt={4}>
                    {member.ownedGroups.map((group) => (
                      <Checkbox key={group.id} value={group.id} label={group.name} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              ) : null}
            </Stack>
          </ScrollArea.Autosize>
        ) : null}
        {transfer.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(transfer.error, t)}
          </Alert>
        ) : null}
        <DialogActions onCancel={close}>
          <Button onClick={submit} disabled={!target || nothingSelected} loading={transfer.isPending}>
            {t('memberActions.transfer.confirm')}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
