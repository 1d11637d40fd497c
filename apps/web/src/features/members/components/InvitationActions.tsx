import { ActionIcon, Menu } from '@mantine/core';
import type { Member } from '@sesame/contracts';
import { IconDots, IconMailForward, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface InvitationActionsProps {
  member: Member;
  onResend: (member: Member) => void;
  onRevoke: (member: Member) => void;
}

/** A pending member's two invitation actions, as items of a menu (the list's row menu, the member page's Actions). */
export function InvitationMenuItems({ member, onResend, onRevoke }: InvitationActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => onResend(member)}>
        {t('members.invitation.resend')}
      </Menu.Item>
      <Menu.Item color="red" leftSection={<IconMailOff size={16} aria-hidden />} onClick={() => onRevoke(member)}>
        {t('members.invitation.revoke')}
      </Menu.Item>
    </>
  );
}

/** Row menu of a pending member: resend or revoke the emailed invitation. */
export function InvitationActions({ busy, ...props }: InvitationActionsProps & { busy: boolean }) {
  const { t } = useTranslation();
  const name = props.member.fullName || props.member.username;
  return (
    <Menu position="bottom-end" shadow="md" width={240} withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('members.invitation.menu', { name })} loading={busy}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <InvitationMenuItems {...props} />
      </Menu.Dropdown>
    </Menu>
  );
}
