import { Avatar, Button, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/format.ts';
import { initials } from '../../../lib/initials.ts';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { sections } from '../../../lib/sections.ts';
import { paths } from '../../../lib/session/guards.ts';
import { useMe } from '../../../lib/session/session-queries.ts';

/** Start page of members whose role does not let them see the members list. */
export function WelcomePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { member, organization, privileges } = useMe();
  const reachable = sections.some((section) => hasPrivilege(privileges, section.privilege));
  const name = member.firstName || member.username;

  return (
    <Paper withBorder radius="lg" shadow="xs" p={{ base: 'lg', sm: 40 }} maw={760}>
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap">
          <Avatar color="lapis" radius="xl" size={56}>
            {initials(member.firstName, member.lastName, member.username)}
          </Avatar>
          <Stack gap={2}>
            <Title order={1} fz={26}>
              {t('welcome.heading', { name })}
            </Title>
            <Text c="dimmed">{t('welcome.body', { organization: organization.name })}</Text>
          </Stack>
        </Group>
        {reachable ? null : <Text size="sm">{t('welcome.noSection')}</Text>}
        <div>
          <Title order={2} fz="md" mb="xs">
            {t('welcome.account')}
          </Title>
          <DataList orientation="horizontal" size="sm" gap={6} labelWidth={180}>
            <DataList.Item>
              <DataList.ItemLabel>{t('welcome.username')}</DataList.ItemLabel>
              <DataList.ItemValue ff="monospace">{member.username}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('welcome.email')}</DataList.ItemLabel>
              <DataList.ItemValue>{member.email}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('welcome.role')}</DataList.ItemLabel>
              <DataList.ItemValue>{format.name(member.role)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('welcome.userType')}</DataList.ItemLabel>
              <DataList.ItemValue>{format.name(member.userType)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </div>
        <Group>
          <Button component={Link} to={paths.changePassword} variant="default" leftSection={<IconLock size={16} aria-hidden />}>
            {t('welcome.changePassword')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
