import { Alert, Center, Loader, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { licensesQueryOptions, rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { LicensesTab } from '../components/LicensesTab.tsx';
import { UserTypesTab } from '../components/UserTypesTab.tsx';

type Tab = 'user-types' | 'licenses';

/**
 * Administration › Licences: user types (seats, compatible roles and licences) and add-on
 * licences (seats, compatible user types, members). Without Update on licences, read only.
 * The tab and the licence whose members are shown are kept in the URL.
 */
export function LicensesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = hasPrivilege(me.privileges, { area: 'licenses', level: 'update' });
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'licenses' ? 'licenses' : 'user-types';
  const openId = params.get('license');
  const userTypes = useQuery(userTypesQueryOptions());
  const licenses = useQuery(licensesQueryOptions());
  const roles = useQuery(rolesQueryOptions());

  const go = (next: Tab, license: string | null = null) => {
    const search = new URLSearchParams();
    if (next === 'licenses') search.set('tab', 'licenses');
    if (license) search.set('license', license);
    setParams(search, { replace: true });
  };
  const error = userTypes.error ?? licenses.error;

  return (
    <>
      <PageHeader title={t('licensesAdmin.title')} description={t('licensesAdmin.subtitle')} />
      <Stack gap="lg">
        {!canEdit ? (
          <Alert variant="light" color="gray">
            {t('common.readOnly', { area: t('privileges.areas.licenses') })}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert" title={t('licensesAdmin.error')}>
            {problemMessage(error, t)}
          </Alert>
        ) : !userTypes.data || !licenses.data ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : (
          <Tabs value={tab} onChange={(value) => go(value === 'licenses' ? 'licenses' : 'user-types')} keepMounted={false}>
            <Tabs.List aria-label={t('licensesAdmin.tabs.label')}>
              <Tabs.Tab value="user-types">{t('licensesAdmin.tabs.userTypes')}</Tabs.Tab>
              <Tabs.Tab value="licenses">{t('licensesAdmin.tabs.licenses')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="user-types" pt="lg">
              <UserTypesTab userTypes={userTypes.data} roles={roles.data ?? []} licenses={licenses.data} canEdit={canEdit} />
            </Tabs.Panel>
            <Tabs.Panel value="licenses" pt="lg">
              <LicensesTab licenses={licenses.data} userTypes={userTypes.data} canEdit={canEdit} openId={openId} onOpen={(id) => go('licenses', id)} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </>
  );
}
