import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { privilegeAreas, type RoleDetail, type RoleGiver, type UserType } from '@sesame/contracts';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/format.ts';
import { areasAboveOwn } from '../role-rules.ts';

interface Props {
  roles: readonly RoleDetail[];
  userTypes: readonly UserType[];
  me: RoleGiver;
  canUpdate: boolean;
  onEdit: (role: RoleDetail) => void;
  onDelete: (role: RoleDetail) => void;
}

/** The custom roles, one a row: the levels they give, the user types they suit, who holds them. */
export function CustomRolesTable({ roles, userTypes, me, canUpdate, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table verticalSpacing="sm" aria-label={t('roles.custom.title')} data-testid="custom-roles" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">{t('roles.table.role')}</Table.Th>
          <Table.Th>{t('roles.table.levels')}</Table.Th>
          <Table.Th w="22%">{t('roles.table.userTypes')}</Table.Th>
          <Table.Th w={110}>{t('roles.table.members')}</Table.Th>
          {canUpdate ? <Table.Th w={96}>{t('roles.table.actions')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {roles.map((role) => {
          const name = format.name(role);
          const given = privilegeAreas.filter((a) => (role.levels[a] ?? 'none') !== 'none');
          const above = areasAboveOwn(me, role.levels);
          const locked = above.length > 0;
          const reason = t('roles.aboveOwn', { areas: above.map((a) => t(`privileges.areas.${a}`)).join(', ') });
          const types = userTypes.filter((u) => role.userTypeIds.includes(u.id));
          return (
            <Table.Tr key={role.id} data-testid={`role-row-${role.key}`}>
              <Table.Td>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {name}
                </Text>
              </Table.Td>
              <Table.Td>
                {given.length ? (
                  <Group gap={6}>
                    {given.map((area) => (
                      <Badge key={area} variant="light" color={role.levels[area] === 'update' ? 'blue' : 'gray'} tt="none" fw={500} style={{ maxWidth: '100%' }}>
                        {t(`privileges.areas.${area}`)}
                        {'\u00A0'}: {t(`privileges.levels.${role.levels[area] ?? 'none'}`)}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('roles.table.noLevel')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{types.length ? types.map((u) => format.name(u)).join(', ') : t('roles.table.noUserType')}</Text>
              </Table.Td>
              <Table.Td>
                {role.memberCount > 0 ? (
                  <Anchor component={Link} to={`/members?role=${encodeURIComponent(role.id)}`} size="sm">
                    {t('roles.memberCount', { count: role.memberCount })}
                  </Anchor>
                ) : (
                  <Text size="sm">{t('roles.memberCount', { count: 0 })}</Text>
                )}
              </Table.Td>
              {canUpdate ? (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={locked ? reason : t('roles.edit', { name })} multiline w={locked ? 320 : undefined}>
                      {/* A disabled button gets no pointer events: the tooltip giving the reason hangs on its wrapper. */}
                      <span>
                        <ActionIcon variant="subtle" aria-label={t('roles.edit', { name })} disabled={locked} onClick={() => onEdit(role)}>
                          <IconPencil size={18} aria-hidden />
                        </ActionIcon>
                      </span>
                    </Tooltip>
                    <Tooltip label={locked ? reason : t('roles.delete', { name })} multiline w={locked ? 320 : undefined}>
                      <span>
                        <ActionIcon variant="subtle" color="red" aria-label={t('roles.delete', { name })} disabled={locked} onClick={() => onDelete(role)}>
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </span>
                    </Tooltip>
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
