import { Alert, Anchor, Button, Checkbox, CloseButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { License } from '@sesame/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { paths } from '../../../lib/session/guards.ts';
import { assignmentsQueryOptions, useChangeAssignments } from '../api/licenses.ts';
import { AssignLicenseDialog } from './AssignLicenseDialog.tsx';
import { SeatsUsage } from './SeatsUsage.tsx';

const pageSize = 20;

/** A licence's members, searched and paged; with Update on licences, assigned from a picker and taken away (several at once). */
export function LicenseMembers({ license, canEdit, onClose }: { license: License; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  // The last username of each previous page: going back pops one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [picking, setPicking] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const page = useQuery(assignmentsQueryOptions(license.id, { q, cursor, limit: pageSize }));
  const remove = useChangeAssignments(license.id, 'remove');

  // A new search starts from the first page, with nothing selected.
  const [searched, setSearched] = useState(q);
  if (searched !== q) {
    setSearched(q);
    setCursors([null]);
    setSelected(new Set());
  }

  const items = page.data?.items ?? [];
  const allSelected = items.length > 0 && items.every((m) => selected.has(m.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onRemove = () => {
    const memberIds = [...selected];
    remove.mutate(memberIds, {
      onSuccess: (change) => {
        notify({ tone: 'success', title: t('licensesAdmin.members.removed', { count: change.changed }) });
        setSelected(new Set());
        setConfirmingRemove(false);
        setCursors([null]);
      },
    });
  };

  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby={headingId} data-testid="license-members">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={2} fz="lg" id={headingId}>
              {t('licensesAdmin.members.title', { name: license.name })}
            </Title>
            <SeatsUsage used={license.seatsUsed} total={license.seatsTotal} testId="license-members-seats" />
          </Stack>
          <CloseButton onClick={onClose} aria-label={t('licensesAdmin.members.close')} />
        </Group>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <TextInput
            label={t('licensesAdmin.members.search')}
            placeholder={t('licensesAdmin.members.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={360}
            maw="100%"
          />
          {canEdit ? (
            <Group gap="sm">
              {selected.size > 0 ? (
                <Button variant="light" color="red" onClick={() => setConfirmingRemove(true)}>
                  {t('licensesAdmin.members.remove', { count: selected.size })}
                </Button>
              ) : null}
              <Button onClick={() => setPicking(true)}>{t('licensesAdmin.members.assign')}</Button>
            </Group>
          ) : null}
        </Group>
        {page.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(page.error, t)}
          </Alert>
        ) : null}
        {page.data ? (
          <Text size="sm" c="dimmed" data-testid="license-members-total">
            {t('licensesAdmin.members.total', { count: page.data.total })}
          </Text>
        ) : null}
        {page.data && items.length === 0 ? (
          <Text size="sm">{q ? t('licensesAdmin.members.noMatch') : t('licensesAdmin.members.empty')}</Text>
        ) : items.length > 0 ? (
          <Table aria-label={t('licensesAdmin.members.tableLabel')} layout="fixed" verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {canEdit ? (
                  <Table.Th w={44}>
                    <Checkbox
                      aria-label={t('licensesAdmin.members.selectAll')}
                      checked={allSelected}
                      indeterminate={!allSelected && items.some((m) => selected.has(m.id))}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setSelected((current) => {
                          const next = new Set(current);
                          for (const m of items) {
                            if (on) next.add(m.id);
                            else next.delete(m.id);
                          }
                          return next;
                        });
                      }}
                    />
                  </Table.Th>
                ) : null}
                <Table.Th>{t('licensesAdmin.members.name')}</Table.Th>
                <Table.Th>{t('licensesAdmin.members.username')}</Table.Th>
                <Table.Th>{t('licensesAdmin.members.email')}</Table.Th>
                <Table.Th w={140}>{t('licensesAdmin.members.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => {
                const fullName = `${m.firstName} ${m.lastName}`.trim() || m.username;
                return (
                  <Table.Tr key={m.id}>
                    {canEdit ? (
                      <Table.Td>
                        <Checkbox aria-label={t('licensesAdmin.members.select', { name: fullName })} checked={selected.has(m.id)} onChange={(e) => toggle(m.id, e.currentTarget.checked)} />
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <Anchor component={Link} to={`${paths.members}/${m.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{m.username}</Text>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{m.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`members.status.${m.status}`)}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
        {cursors.length > 1 || page.data?.nextCursor ? (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="xs" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('licensesAdmin.members.previous')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!page.data?.nextCursor || page.isPlaceholderData}
              onClick={() => {
                const next = page.data?.nextCursor;
                if (next) setCursors((c) => [...c, next]);
              }}
            >
              {t('licensesAdmin.members.next')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      {picking ? <AssignLicenseDialog license={license} onClose={() => setPicking(false)} /> : null}
      <ConfirmDialog
        opened={confirmingRemove}
        danger
        title={t('licensesAdmin.members.removeTitle', { name: license.name })}
        confirmLabel={t('licensesAdmin.members.removeConfirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={onRemove}
        onCancel={() => setConfirmingRemove(false)}
        loading={remove.isPending}
      >
        <Stack gap="sm">
          <Text size="sm">{t('licensesAdmin.members.removeBody', { count: selected.size })}</Text>
          {remove.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(remove.error, t)}
            </Alert>
          ) : null}
        </Stack>
      </ConfirmDialog>
    </Paper>
  );
}
