import { ActionIcon, Menu } from '@mantine/core';
import type { Member } from '@sesame/contracts';
import { IconDots, IconMailForward, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface InvitationActionsProps {
  member: Member;
  busy: boolean;
  onResend: (member: Member) => void;
  onRevoke: (member: Member) => void;
}

/** Row menu of a pending member: resend or revoke the emailed invitation. */
export function InvitationActions({ member, busy, onResend, onRevoke }: InvitationActionsProps) {
  const { t } = useTranslation();
  const name = member.fullName || member.username;
  return (
    <Menu position="bottom-end" shadow="md" width={240} withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('members.invitation.menu', { name })} loading={busy}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => onResend(member)}>
          {t('members.invitation.resend')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconMailOff size={16} aria-hidden />} onClick={() => onRevoke(member)}>
          {t('members.invitation.revoke')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
