import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLock, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../lib/session/guards.ts';
import { useMe } from '../lib/session/session-queries.ts';
import { useSignOut } from '../lib/session/sign-out.ts';
import { useFormatters } from '../lib/format.ts';
import { initials } from '../lib/initials.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const { member } = useMe();
  const format = useFormatters();
  const signOut = useSignOut();
  const name = member.fullName || member.username;
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.button', { name, role: format.name(member.role) })} px={6} py={4} style={{ borderRadius: 8 }}>
          <Group gap="xs" wrap="nowrap">
            {/* Drawn by CSS: a decorative monogram, not part of the button's label (WCAG 2.5.3). */}
            <Avatar color="lapis" radius="xl" size={34} aria-hidden>
              <span className="monogram" data-initials={initials(member.firstName, member.lastName, member.username)} />
            </Avatar>
            <div style={{ lineHeight: 1.2 }}>
              <Text size="sm" fw={600} visibleFrom="sm" lineClamp={1}>
                {name}
              </Text>
              {/* A space between the lines: the visible text reads "Alice Martin Administrateur", as the label does (WCAG 2.5.3). */}
              {' '}
              <Text size="xs" c="dimmed" visibleFrom="sm" lineClamp={1}>
                {format.name(member.role)}
              </Text>
            </div>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.signedInAs')}</Menu.Label>
        <Text size="sm" fw={600} px="sm" lineClamp={1}>
          {member.username}
        </Text>
        <Text size="xs" c="dimmed" px="sm" pb="xs" lineClamp={1}>
          {member.email}
        </Text>
        <Menu.Divider />
        <Menu.Item component={Link} to={paths.changePassword} leftSection={<IconLock size={16} aria-hidden />}>
          {t('userMenu.changePassword')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
