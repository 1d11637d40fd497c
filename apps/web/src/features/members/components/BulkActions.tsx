import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import type { BulkMembersBody, BulkMembersResponse, Member } from '@sesame/contracts';
import { IconTrash, IconUserCheck, IconUserCog, IconUserOff, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ownedText } from '../owned-text.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { Link } from 'react-router';
import { problemMessage, reasonMessage } from '../../../lib/problem-message.ts';
import { useRoles } from '../../../lib/reference/reference-queries.ts';
import { useBulkMembers } from '../api/member-detail.ts';

type Action = BulkMembersBody['action'];

interface BulkActionsProps {
  /** The selected members (those on screen carry their names). */
  selected: Member[];
  onClear: () => void;
  meIsAdministrator: boolean;
}

/** The bar above the list while rows are selected, and the summary of what was done. */
export function BulkActions({ selected, onClear, meIsAdministrator }: BulkActionsProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const roles = useRoles();
  const bulk = useBulkMembers();
  const [asking, setAsking] = useState<Action | null>(null);
  const [role, setRole] = useState<string | null>(null);
  // The names are kept with the result: the selection is cleared as soon as the action is done.
  const [result, setResult] = useState<{ action: Action; response: BulkMembersResponse; names: Map<string, string> } | null>(null);
  const count = selected.length;

  const run = (action: Action) => {
    const body: BulkMembersBody = { action, memberIds: selected.map((m) => m.id), ...(action === 'change-role' && role ? { role } : {}) };
    bulk.mutate(body, {
      onSuccess: (response) => {
        setAsking(null);
        setRole(null);
        setResult({ action, response, names: new Map(selected.map((m) => [m.id, m.fullName || m.username])) });
        onClear();
      },
    });
  };
  const ask = (action: Action) => {
    bulk.reset();
    setAsking(action);
  };
  const nameOf = (r: BulkMembersResponse['results'][number]) => result?.names.get(r.id) ?? r.username ?? r.id;

  return (
    <>
      {count > 0 ? (
        <Paper px="md" py="xs" bg="var(--mantine-color-blue-light)" radius={0} role="region" aria-label={t('bulk.label')}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" fw={600} data-testid="bulk-count">
              {t('bulk.selected', { count })}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" leftSection={<IconUserOff size={14} aria-hidden />} onClick={() => ask('disable')}>
                {t('bulk.disable')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconUserCheck size={14} aria-hidden />} onClick={() => run('enable')} loading={bulk.isPending && bulk.variables?.action === 'enable'}>
                {t('bulk.enable')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconUserCog size={14} aria-hidden />} onClick={() => ask('change-role')}>
                {t('bulk.changeRole')}
              </Button>
              <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => ask('delete')}>
                {t('bulk.delete')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} onClick={onClear}>
                {t('bulk.clear')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}

      <ConfirmDialog
        opened={asking === 'disable' || asking === 'delete'}
        title={asking === 'delete' ? t('bulk.deleteTitle', { count }) : t('bulk.disableTitle', { count })}
        confirmLabel={asking === 'delete' ? t('bulk.delete') : t('bulk.disable')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => asking && run(asking)}
        onCancel={() => setAsking(null)}
        loading={bulk.isPending}
        danger
      >
        <Stack gap="xs">
          <Text size="sm">{asking === 'delete' ? t('bulk.deleteBody') : t('bulk.disableBody')}</Text>
          {bulk.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(bulk.error, t)}
            </Alert>
          ) : null}
        </Stack>
      </ConfirmDialog>

      <Modal opened={asking === 'change-role'} onClose={() => setAsking(null)} title={<Text fw={650} fz="lg">{t('bulk.changeRoleTitle', { count })}</Text>} centered radius="lg">
        <Stack gap="md">
          <Select
            label={t('bulk.newRole')}
            description={t('bulk.newRoleHint')}
            data={(roles.data ?? []).map((r) => ({ value: r.key, label: format.name(r), disabled: r.isAdministrator && !meIsAdministrator }))}
            value={role}
            onChange={setRole}
            comboboxProps={{ withinPortal: true }}
          />
          {bulk.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(bulk.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(null)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button disabled={!role} loading={bulk.isPending} onClick={() => run('change-role')}>
              {t('bulk.changeRole')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={!!result} onClose={() => setResult(null)} title={<Text fw={650} fz="lg">{t('bulk.resultTitle')}</Text>} centered radius="lg" size="lg">
        {result ? (
          <Stack gap="md" data-testid="bulk-result">
            <Group gap="xs">
              <Badge color="teal" variant="light" tt="none">
                {t('bulk.succeeded', { count: result.response.succeeded })}
              </Badge>
              <Badge color={result.response.refused ? 'red' : 'gray'} variant="light" tt="none">
                {t('bulk.refused', { count: result.response.refused })}
              </Badge>
            </Group>
            {result.response.succeeded ? (
              <div>
                <Text size="sm" fw={600}>
                  {t(`bulk.done.${result.action}`)}
                </Text>
                <List size="sm" aria-label={t('bulk.succeededList')}>
                  {result.response.results.filter((r) => r.ok).map((r) => (
                    <List.Item key={r.id}>{nameOf(r)}</List.Item>
                  ))}
                </List>
              </div>
            ) : null}
            {result.response.refused ? (
              <div>
                <Text size="sm" fw={600}>
                  {t('bulk.refusedHeading')}
                </Text>
                <List size="sm" aria-label={t('bulk.refusedList')}>
                  {result.response.results.filter((r) => !r.ok).map((r) => (
                    <List.Item key={r.id} data-code={r.code}>
                      <Text span size="sm" fw={600}>
                        {nameOf(r)}
                      </Text>{' '}
                      —{' '}
                      {r.code === 'owns_content' ? (
                        <>
                          {t('bulk.ownsContent', { owned: ownedText(t, i18n.language, r.ownedContent ?? 0, r.ownedGroups ?? 0) })}{' '}
                          <Anchor component={Link} to={`/members/${r.id}`} size="sm" onClick={() => setResult(null)}>
                            {t('bulk.transferLink', { name: nameOf(r) })}
                          </Anchor>
                        </>
                      ) : (
                        reasonMessage(r.code, r.message, t, r.params)
                      )}
                    </List.Item>
                  ))}
                </List>
              </div>
            ) : null}
            <Group justify="flex-end">
              <Button onClick={() => setResult(null)}>{t('bulk.close')}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
