import { Alert, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard.tsx';
import { myContactStatusQueryOptions } from '../../../lib/access-requests-nav.ts';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { approvedDomainsQueryOptions, contactsQueryOptions } from '../api/contacts.ts';
import { ContactsCard } from '../components/ContactsCard.tsx';
import { DomainsCard } from '../components/DomainsCard.tsx';
import { LevelsCard } from '../components/LevelsCard.tsx';

type Part = 'contacts' | 'levels' | 'domains';

/** Contact updates: contacts, per-member levels and approved domains. Nothing applies before Save. */
export function ContactsSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const contact = useQuery(myContactStatusQueryOptions());
  const contacts = useQuery(contactsQueryOptions());
  const mayViewDomains = hasPrivilege(me.privileges, { area: 'organization_settings', level: 'view' });
  const domains = useQuery({ ...approvedDomainsQueryOptions(), enabled: mayViewDomains });
  const mayUpdate = hasPrivilege(me.privileges, { area: 'contact_updates', level: 'update' });
  const [dirty, setDirty] = useState<Record<Part, boolean>>({ contacts: false, levels: false, domains: false });
  const anyDirty = dirty.contacts || dirty.levels || dirty.domains;
  const onContacts = useCallback((value: boolean) => setDirty((d) => ({ ...d, contacts: value })), []);
  const onLevels = useCallback((value: boolean) => setDirty((d) => ({ ...d, levels: value })), []);
  const onDomains = useCallback((value: boolean) => setDirty((d) => ({ ...d, domains: value })), []);

  return (
    <>
      <PageHeader title={t('contacts.title')} description={t('contacts.subtitle')} />
      <UnsavedChangesGuard when={anyDirty} title={t('contacts.leave.title')} confirmLabel={t('contacts.leave.confirm')} cancelLabel={t('common.cancel')}>
        {t('contacts.leave.body')}
      </UnsavedChangesGuard>
      <Stack gap="lg" maw={960}>
        {!mayUpdate ? (
          <Alert variant="light" color="gray">
            {t('common.readOnly', { area: t('privileges.areas.contact_updates') })}
          </Alert>
        ) : null}
        {contacts.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : contacts.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(contacts.error, t)}
          </Alert>
        ) : (
          <ContactsCard contacts={contacts.data} canEdit={mayUpdate && contact.data?.kind === 'primary'} onDirtyChange={onContacts} />
        )}
        <LevelsCard canEdit={mayUpdate} myId={me.member.id} myPrivileges={me.privileges} onDirtyChange={onLevels} />
        {mayViewDomains ? (
          domains.data ? (
            <DomainsCard saved={domains.data} canEdit={hasPrivilege(me.privileges, { area: 'organization_settings', level: 'update' })} onDirtyChange={onDomains} />
          ) : domains.isError ? (
            <Alert color="red" role="alert">
              {problemMessage(domains.error, t)}
            </Alert>
          ) : null
        ) : null}
      </Stack>
    </>
  );
}
