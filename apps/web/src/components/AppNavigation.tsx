import { Badge, NavLink, Stack, Text } from '@mantine/core';
import {
  IconActivity,
  IconAddressBook,
  IconMailbox,
  IconCertificate,
  IconInbox,
  IconSettings,
  IconShieldLock,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAccessRequestsNav, useIsContact } from '../lib/access-requests-nav.ts';
import { useDevMailAvailable } from '../lib/dev-mail.ts';
import { useGroupsSectionVisible } from '../lib/groups-nav.ts';
import { hasPrivilege } from '../lib/privileges.ts';
import { paths } from '../lib/session/guards.ts';
import { sections, type AppSection, type SectionId } from '../lib/sections.ts';
import { useMe } from '../lib/session/session-queries.ts';

const icons: Record<SectionId, Icon> = {
  members: IconUsers,
  addMembers: IconUserPlus,
  accessRequests: IconInbox,
  groups: IconUsersGroup,
  licenses: IconCertificate,
  roles: IconShieldLock,
  activity: IconActivity,
  organizationSettings: IconSettings,
  contacts: IconAddressBook,
};

const groups: ReadonlyArray<AppSection['group']> = ['directory', 'administration'];

export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { privileges, isAdministrator } = useMe();
  const { pathname } = useLocation();
  const accessRequests = useAccessRequestsNav();
  const isContact = useIsContact();
  const groupsVisible = useGroupsSectionVisible();
  // The access-request queue and the contact screens are the contacts' only, whatever their levels;
  // the groups section is also its owners'.
  const visible = sections.filter(
    (section) => (hasPrivilege(privileges, section.privilege) || (section.alsoForGroupOwners === true && groupsVisible)) && (!section.contactsOnly || isContact),
  );
  const devMail = useDevMailAvailable(isAdministrator);

  return (
    <Stack gap="lg">
      {groups.map((group) => {
        const items = visible.filter((section) => section.group === group);
        if (items.length === 0) return null;
        return (
          <div key={group}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={6} lts={0.4}>
              {t(`nav.sections.${group}`)}
            </Text>
            <Stack gap={2}>
              {items.map((section) => {
                const SectionIcon = icons[section.id];
                const active = pathname === section.path;
                return (
                  <NavLink
                    key={section.id}
                    component={Link}
                    to={section.path}
                    onClick={onNavigate}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    label={t(section.labelKey)}
                    leftSection={<SectionIcon size={19} stroke={1.7} aria-hidden />}
                    rightSection={
                      section.id === 'accessRequests' && accessRequests.pending ? (
                        <Badge size="sm" variant="filled" aria-label={t('accessRequests.queue.pendingCount', { count: accessRequests.pending })} data-testid="access-requests-badge">
                          {accessRequests.pending}
                        </Badge>
                      ) : undefined
                    }
                    style={{ borderRadius: 8 }}
                    fw={active ? 600 : 500}
                  />
                );
              })}
            </Stack>
          </div>
        );
      })}
      {devMail ? (
        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={6} lts={0.4}>
            {t('nav.sections.development')}
          </Text>
          <NavLink
            component={Link}
            to={paths.devMail}
            onClick={onNavigate}
            active={pathname === paths.devMail}
            aria-current={pathname === paths.devMail ? 'page' : undefined}
            label={t('nav.devMail')}
            leftSection={<IconMailbox size={19} stroke={1.7} aria-hidden />}
            style={{ borderRadius: 8 }}
            fw={pathname === paths.devMail ? 600 : 500}
          />
        </div>
      ) : null}
    </Stack>
  );
}
