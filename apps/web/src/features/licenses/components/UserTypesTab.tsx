import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { License, Role, UserType } from '@sesame/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { SeatsUsage } from './SeatsUsage.tsx';
import { UserTypeDialog } from './UserTypeDialog.tsx';

function Names({ names }: { names: string[] }) {
  const { t } = useTranslation();
  if (!names.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('licensesAdmin.none')}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {names.map((name) => (
        <Badge key={name} variant="light" color="gray" tt="none" fw={500}>
          {name}
        </Badge>
      ))}
    </Group>
  );
}

/** Each user type with its seats and what goes with it; Update on licences edits them. */
export function UserTypesTab({ userTypes, roles, licenses, canEdit }: { userTypes: UserType[]; roles: Role[]; licenses: License[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [editing, setEditing] = useState<UserType | null>(null);
  const roleName = (id: string) => {
    const role = roles.find((r) => r.id === id);
    return role ? format.name(role) : id;
  };
  const licenseName = (id: string) => licenses.find((l) => l.id === id)?.name ?? id;

  return (
    <>
      <Table.ScrollContainer minWidth={0}>
        <Table aria-label={t('licensesAdmin.userTypes.tableLabel')} verticalSpacing="sm" highlightOnHover layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="18%">{t('licensesAdmin.userTypes.name')}</Table.Th>
              <Table.Th w="16%">{t('licensesAdmin.userTypes.seats')}</Table.Th>
              <Table.Th>{t('licensesAdmin.userTypes.roles')}</Table.Th>
              <Table.Th>{t('licensesAdmin.userTypes.licenses')}</Table.Th>
              {canEdit ? <Table.Th w={120}>{t('licensesAdmin.userTypes.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {userTypes.map((type) => (
              <Table.Tr key={type.id} data-testid={`user-type-${type.key}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {format.name(type)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SeatsUsage used={type.seatsUsed} total={type.seatLimit} testId="user-type-seats" />
                </Table.Td>
                <Table.Td>
                  <Names names={type.compatibleRoles.map((r) => roleName(r.id))} />
                </Table.Td>
                <Table.Td>
                  <Names names={type.compatibleLicenses.map((l) => licenseName(l.id))} />
                </Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setEditing(type)} aria-label={t('licensesAdmin.userTypes.editLabel', { name: format.name(type) })}>
                      {t('licensesAdmin.userTypes.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? <UserTypeDialog userType={editing} roles={roles} licenses={licenses} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
