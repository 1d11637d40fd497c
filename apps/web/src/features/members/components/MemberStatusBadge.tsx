import { Badge } from '@mantine/core';
import type { MemberStatus } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<MemberStatus, string> = {
  active: 'teal',
  pending: 'yellow',
  disabled: 'gray',
};

export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={colors[status]} tt="none" fw={600} size="md" style={{ minWidth: 'max-content' }}>
      {t(`members.status.${status}`)}
    </Badge>
  );
}
