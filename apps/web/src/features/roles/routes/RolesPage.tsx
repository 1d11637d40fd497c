import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { RoleDetail } from '@sesame/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Section } from '../../../components/settings/Section.tsx';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useRoles, useUserTypes } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { BuiltInRolesTable } from '../components/BuiltInRolesTable.tsx';
import { CustomRolesTable } from '../components/CustomRolesTable.tsx';
import { DeleteRoleDialog } from '../components/DeleteRoleDialog.tsx';
import { RoleFormModal } from '../components/RoleFormModal.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; id: string } | { kind: 'delete'; id: string } | null;

/** Administration › Roles: built-in roles read-only, custom roles created, changed and deleted (Update on organization settings). */
export function RolesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = useRoles();
  const userTypes = useUserTypes();
  const canUpdate = hasPrivilege(me.privileges, { area: 'organization_settings', level: 'update' });
  const giver = { isAdministrator: me.isAdministrator, privileges: me.privileges };
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  // The dialogs read the role from the list, so a refreshed count (a refusal in use) shows at once.
  const selected = dialog && dialog.kind !== 'create' ? roles.data?.find((r) => r.id === dialog.id) : undefined;

  const builtIn = roles.data?.filter((r) => r.builtIn) ?? [];
  const custom = roles.data?.filter((r) => !r.builtIn) ?? [];

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        description={t('roles.subtitle')}
        actions={
          canUpdate ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              {t('roles.create')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {!canUpdate ? (
          <Alert variant="light" color="gray">
            {t('common.readOnly', { area: t('privileges.areas.organization_settings') })}
          </Alert>
        ) : null}
        {roles.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : roles.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(roles.error, t)}
          </Alert>
        ) : (
          <>
            <Section title={t('roles.custom.title')} description={t('roles.custom.description')} testId="custom-roles-section">
              {custom.length ? (
                <CustomRolesTable
                  roles={custom}
                  userTypes={userTypes.data ?? []}
                  me={giver}
                  canUpdate={canUpdate}
                  onEdit={(role: RoleDetail) => setDialog({ kind: 'edit', id: role.id })}
                  onDelete={(role: RoleDetail) => setDialog({ kind: 'delete', id: role.id })}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('roles.custom.empty')}
                </Text>
              )}
            </Section>
            <Section title={t('roles.builtIn.title')} description={t('roles.builtIn.description')} testId="built-in-roles-section">
              <BuiltInRolesTable roles={builtIn} />
            </Section>
          </>
        )}
      </Stack>
      {dialog?.kind === 'create' ? <RoleFormModal role={null} userTypes={userTypes.data ?? []} me={giver} onClose={close} /> : null}
      {dialog?.kind === 'edit' && selected ? <RoleFormModal role={selected} userTypes={userTypes.data ?? []} me={giver} onClose={close} /> : null}
      {dialog?.kind === 'delete' && selected ? <DeleteRoleDialog role={selected} onClose={close} /> : null}
    </>
  );
}
