import { Table, Text } from '@mantine/core';
import { privilegeAreas, type RoleDetail } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';

/** The built-in roles side by side: one row per area, the level each role gives there (read-only). */
export function BuiltInRolesTable({ roles }: { roles: readonly RoleDetail[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table verticalSpacing={6} striped aria-label={t('roles.builtIn.title')} data-testid="built-in-roles" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t('roles.table.area')}</Table.Th>
          {roles.map((role) => (
            <Table.Th key={role.id} scope="col">
              {format.name(role)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {privilegeAreas.map((area) => (
          <Table.Tr key={area}>
            <Table.Th scope="row" fw={500}>
              {t(`privileges.areas.${area}`)}
            </Table.Th>
            {roles.map((role) => {
              const level = role.levels[area] ?? 'none';
              return (
                <Table.Td key={role.id}>
                  <Text size="sm" c={level === 'none' ? 'dimmed' : undefined} fw={level === 'update' ? 600 : undefined}>
                    {t(`privileges.levels.${level}`)}
                  </Text>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row" fw={500}>
            {t('roles.table.members')}
          </Table.Th>
          {roles.map((role) => (
            <Table.Td key={role.id}>
              <Text size="sm">{t('roles.memberCount', { count: role.memberCount })}</Text>
            </Table.Td>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
