import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { License, UserType } from '@sesame/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { DeleteLicenseDialog } from './DeleteLicenseDialog.tsx';
import { LicenseFormDialog } from './LicenseFormDialog.tsx';
import { LicenseMembers } from './LicenseMembers.tsx';
import { SeatsUsage } from './SeatsUsage.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; license: License } | { kind: 'delete'; license: License } | null;

/** The add-on licences with their seats and user types; the chosen licence's members below. */
export function LicensesTab({
  licenses,
  userTypes,
  canEdit,
  openId,
  onOpen,
}: {
  licenses: License[];
  userTypes: UserType[];
  canEdit: boolean;
  /** The licence whose members are shown. */
  openId: string | null;
  onOpen: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const typesOf = (licenseId: string) => userTypes.filter((type) => type.compatibleLicenses.some((l) => l.id === licenseId));
  const open = licenses.find((l) => l.id === openId) ?? null;

  return (
    <Stack gap="lg">
      {canEdit ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('licensesAdmin.licenses.create')}
          </Button>
        </Group>
      ) : null}
      {licenses.length === 0 ? (
        <Text size="sm">{t('licensesAdmin.licenses.empty')}</Text>
      ) : (
        <Table aria-label={t('licensesAdmin.licenses.tableLabel')} verticalSpacing="sm" highlightOnHover layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">{t('licensesAdmin.licenses.name')}</Table.Th>
              <Table.Th w="18%">{t('licensesAdmin.licenses.seats')}</Table.Th>
              <Table.Th>{t('licensesAdmin.licenses.userTypes')}</Table.Th>
              <Table.Th w={canEdit ? 340 : 120}>{t('licensesAdmin.licenses.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {licenses.map((license) => {
              const types = typesOf(license.id);
              return (
                <Table.Tr key={license.id} data-testid="license-row" aria-selected={license.id === openId}>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {license.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SeatsUsage used={license.seatsUsed} total={license.seatsTotal} testId="license-seats" />
                  </Table.Td>
                  <Table.Td>
                    {types.length ? (
                      <Group gap={4}>
                        {types.map((type) => (
                          <Badge key={type.id} variant="light" color="gray" tt="none" fw={500}>
                            {format.name(type)}
                          </Badge>
                        ))}
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('licensesAdmin.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Button size="xs" variant={license.id === openId ? 'filled' : 'light'} onClick={() => onOpen(license.id === openId ? null : license.id)} aria-label={t('licensesAdmin.licenses.membersLabel', { name: license.name })}>
                        {t('licensesAdmin.licenses.members')}
                      </Button>
                      {canEdit ? (
                        <>
                          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'edit', license })} aria-label={t('licensesAdmin.licenses.editLabel', { name: license.name })}>
                            {t('licensesAdmin.licenses.edit')}
                          </Button>
                          <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'delete', license })} aria-label={t('licensesAdmin.licenses.deleteLabel', { name: license.name })}>
                            {t('licensesAdmin.licenses.delete')}
                          </Button>
                        </>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {open ? <LicenseMembers key={open.id} license={open} canEdit={canEdit} onClose={() => onOpen(null)} /> : null}
      {dialog?.kind === 'create' ? <LicenseFormDialog license={null} compatibleTypeIds={[]} userTypes={userTypes} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? (
        <LicenseFormDialog license={dialog.license} compatibleTypeIds={typesOf(dialog.license.id).map((type) => type.id)} userTypes={userTypes} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteLicenseDialog license={dialog.license} onClose={() => setDialog(null)} onDeleted={() => (dialog.license.id === openId ? onOpen(null) : undefined)} />
      ) : null}
    </Stack>
  );
}
