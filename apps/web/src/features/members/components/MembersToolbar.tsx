import { Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconColumns3, IconDownload } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { memberColumns, type MemberColumn } from '../member-columns.ts';
import { phoneQuery } from './MembersTable.tsx';

const columnLabelKeys = {
  username: 'members.table.username',
  email: 'members.table.email',
  role: 'members.table.role',
  userType: 'members.table.userType',
  status: 'members.table.status',
  lastSignInAt: 'members.table.lastSignIn',
  createdAt: 'members.table.createdAt',
} as const satisfies Record<MemberColumn, string>;

interface MembersToolbarProps {
  columns: readonly MemberColumn[];
  onColumns: (columns: MemberColumn[]) => void;
  /** The CSV download of the list as it is filtered, with the shown columns. */
  exportHref: string;
}

/** The column chooser and the CSV export, above the members table. */
export function MembersToolbar({ columns, onColumns, exportHref }: MembersToolbarProps) {
  const { t } = useTranslation();
  // A phone shows each member on two lines, whatever the columns chosen.
  const phone = useMediaQuery(phoneQuery) ?? false;
  return (
    <Group gap="xs" wrap="nowrap">
      {phone ? null : (
      <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
        <Popover.Target>
          <Button variant="default" size="xs" leftSection={<IconColumns3 size={16} aria-hidden />}>
            {t('members.columns.button')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Checkbox.Group
            label={<Text size="sm" fw={600}>{t('members.columns.label')}</Text>}
            value={['name', ...columns]}
            onChange={(value) => onColumns(memberColumns.filter((column) => value.includes(column)))}
          >
            <Stack gap={8} mt="xs">
              <Checkbox value="name" label={t('members.table.name')} disabled />
              {memberColumns.map((column) => (
                <Checkbox key={column} value={column} label={t(columnLabelKeys[column])} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Popover.Dropdown>
      </Popover>
      )}
      <Button component="a" href={exportHref} download variant="default" size="xs" leftSection={<IconDownload size={16} aria-hidden />}>
        {t('members.export')}
      </Button>
    </Group>
  );
}
