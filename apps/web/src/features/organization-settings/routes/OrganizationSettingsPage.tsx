import { Alert, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard.tsx';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { groupsQueryOptions, licensesQueryOptions, organizationQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { GeneralSection } from '../components/GeneralSection.tsx';
import { IdentityProvidersSection } from '../components/IdentityProvidersSection.tsx';
import { LimitsSection } from '../components/LimitsSection.tsx';
import { NewMembersSection } from '../components/NewMembersSection.tsx';
import { SecuritySection } from '../components/SecuritySection.tsx';

type Part = 'general' | 'newMembers' | 'security';

/** Administration › Organization settings: each section saved on its own; View sees them read only. */
export function OrganizationSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = hasPrivilege(me.privileges, { area: 'organization_settings', level: 'update' });
  const organization = useQuery(organizationQueryOptions());
  const roles = useQuery(rolesQueryOptions());
  const userTypes = useQuery(userTypesQueryOptions());
  const groups = useQuery(groupsQueryOptions());
  const licenses = useQuery(licensesQueryOptions());
  const [dirty, setDirty] = useState<Record<Part, boolean>>({ general: false, newMembers: false, security: false });
  const anyDirty = dirty.general || dirty.newMembers || dirty.security;
  const onGeneral = useCallback((value: boolean) => setDirty((d) => ({ ...d, general: value })), []);
  const onNewMembers = useCallback((value: boolean) => setDirty((d) => ({ ...d, newMembers: value })), []);
  const onSecurity = useCallback((value: boolean) => setDirty((d) => ({ ...d, security: value })), []);

  const error = organization.error ?? roles.error ?? userTypes.error ?? groups.error ?? licenses.error;
  const ready = organization.data && roles.data && userTypes.data && groups.data && licenses.data;

  return (
    <>
      <PageHeader title={t('organizationSettings.title')} description={t('organizationSettings.subtitle')} />
      <UnsavedChangesGuard when={anyDirty} title={t('organizationSettings.leave.title')} confirmLabel={t('organizationSettings.leave.confirm')} cancelLabel={t('common.cancel')}>
        {t('organizationSettings.leave.body')}
      </UnsavedChangesGuard>
      <Stack gap="lg" maw={960}>
        {!canEdit ? (
          <Alert variant="light" color="gray" data-testid="read-only">
            {t('common.readOnly', { area: t('privileges.areas.organization_settings') })}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {problemMessage(error, t)}
          </Alert>
        ) : !ready ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : (
          <>
            <GeneralSection organization={organization.data} canEdit={canEdit} onDirtyChange={onGeneral} />
            <NewMembersSection
              organization={organization.data}
              roles={roles.data}
              userTypes={userTypes.data}
              groups={groups.data}
              licenses={licenses.data}
              canEdit={canEdit}
              onDirtyChange={onNewMembers}
            />
            <SecuritySection organization={organization.data} canEdit={canEdit} onDirtyChange={onSecurity} />
            <IdentityProvidersSection organization={organization.data} canEdit={canEdit} />
            <LimitsSection organization={organization.data} />
          </>
        )}
      </Stack>
    </>
  );
}
