import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { License, LicenseCandidate } from '@sesame/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage, reasonMessage } from '../../../lib/problem-message.ts';
import { candidatesQueryOptions, useChangeAssignments } from '../api/licenses.ts';

const step = 50;

/**
 * The member picker of a licence: search, choose several, assign. Members whose user type the
 * licence does not suit are shown disabled with the server's reason (the same refusal an
 * assignment gives); no more members can be chosen than seats are left, and the server checks
 * the seats again under its locks (another administrator may have taken them meanwhile).
 */
export function AssignLicenseDialog({ license, onClose }: { license: License; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [limit, setLimit] = useState(step);
  const [selected, setSelected] = useState<Map<string, LicenseCandidate>>(new Map());
  const candidates = useQuery(candidatesQueryOptions(license.id, { q, cursor: null, limit }));
  const assign = useChangeAssignments(license.id, 'add');

  const page = candidates.data;
  const seatsLeft = page ? Math.max(0, page.seatsTotal - page.seatsUsed) : Math.max(0, license.seatsTotal - license.seatsUsed);
  const full = selected.size >= seatsLeft;
  const fullName = (m: LicenseCandidate) => `${m.firstName} ${m.lastName}`.trim() || m.username;

  /** Why a member can't be chosen, or null. */
  const refusal = (m: LicenseCandidate): string | null => {
    if (m.holds) return t('licensesAdmin.picker.holds');
    if (!m.eligible && m.refusal) return reasonMessage(m.refusal.code, undefined, t, m.refusal.params);
    if (full && !selected.has(m.id)) return t('licensesAdmin.picker.noSeatLeft');
    return null;
  };

  const toggle = (m: LicenseCandidate, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(m.id, m);
      else next.delete(m.id);
      return next;
    });

  const onAssign = () => {
    assign.mutate([...selected.keys()], {
      onSuccess: (change) => {
        notify({ tone: 'success', title: t('licensesAdmin.picker.assigned', { count: change.changed }) });
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} fz="lg">{t('licensesAdmin.picker.title', { name: license.name })}</Text>} centered radius="lg" padding="lg" size="xl">
      <Stack gap="md">
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          <Badge size="lg" variant="light" color={seatsLeft === 0 ? 'orange' : 'blue'} tt="none" data-testid="picker-seats-left">
            {seatsLeft === 0 ? t('licensesAdmin.picker.seatsLeftNone') : t('licensesAdmin.picker.seatsLeft', { count: seatsLeft })}
          </Badge>
          <Text size="sm" c="dimmed" data-testid="picker-selected">
            {t('licensesAdmin.picker.selected', { count: selected.size })}
          </Text>
        </Group>
        <TextInput
          label={t('licensesAdmin.picker.search')}
          placeholder={t('licensesAdmin.picker.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
        />
        {assign.isError ? (
          <Alert color="red" variant="light" role="alert" data-testid="picker-refusal">
            {problemMessage(assign.error, t)}
          </Alert>
        ) : null}
        {candidates.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(candidates.error, t)}
          </Alert>
        ) : null}
        <ScrollArea.Autosize mah={380} type="auto" offsetScrollbars>
          <Stack gap={0} role="group" aria-label={t('licensesAdmin.picker.listLabel')}>
            {candidates.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
            {page && page.items.length === 0 ? <Text size="sm">{t('licensesAdmin.picker.noMatch')}</Text> : null}
            {page?.items.map((m) => {
              const reason = refusal(m);
              return (
                <div key={m.id} data-testid="picker-candidate" style={{ padding: '8px 4px', borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                  <Checkbox
                    label={`${fullName(m)} (${m.username})`}
                    description={
                      <>
                        {format.name(m.userType)}
                        {reason ? ` — ${reason}` : ''}
                      </>
                    }
                    checked={m.holds || selected.has(m.id)}
                    disabled={reason !== null}
                    onChange={(e) => toggle(m, e.currentTarget.checked)}
                  />
                </div>
              );
            })}
            {page?.nextCursor && limit < 200 ? (
              <Group justify="center" mt="sm">
                <Button variant="subtle" size="xs" onClick={() => setLimit((l) => Math.min(200, l + step))} loading={candidates.isFetching}>
                  {t('licensesAdmin.picker.more')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </ScrollArea.Autosize>
        <DialogActions onCancel={onClose}>
          <Button onClick={onAssign} disabled={selected.size === 0} loading={assign.isPending}>
            {selected.size ? t('licensesAdmin.picker.assign', { count: selected.size }) : t('licensesAdmin.picker.assignNone')}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
