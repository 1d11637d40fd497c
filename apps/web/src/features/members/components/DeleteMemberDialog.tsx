import { Alert, Button, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { OwnsContentProblem, type MemberDetail } from '@sesame/contracts';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ownedText } from '../owned-text.ts';
import { useNavigate } from 'react-router';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useDeleteMember } from '../api/member-detail.ts';
import { OwnedLists } from './OwnedItems.tsx';

interface DeleteMemberDialogProps {
  opened: boolean;
  member: MemberDetail;
  onClose: () => void;
  /** Opens the transfer of ownership: the dialog's first step while the member owns anything. */
  onTransfer: () => void;
}

/**
 * Deleting (built-in) or unregistering (enterprise) a member. The API refuses it while the
 * member owns content or groups, so a member who owns anything is told so before any click,
 * with what they own and the transfer as the action; one who owns nothing gets the plain
 * question. Should the page be behind (something was given to them meanwhile), the API's
 * refusal says the same, with its own counts.
 */
export function DeleteMemberDialog({ opened, member, onClose, onTransfer }: DeleteMemberDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const remove = useDeleteMember(member.id);
  const name = member.fullName || member.username;
  const builtin = member.identityType === 'builtin';
  const { reset } = remove;
  // Each opening starts afresh (a refusal shown last time may no longer hold).
  useEffect(() => {
    if (opened) reset();
  }, [opened, reset]);

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: ({ outcome }) => {
        notify({ tone: 'success', title: t(outcome === 'deleted' ? 'memberActions.delete.deleted' : 'memberActions.delete.unregistered', { name }) });
        onClose();
        void navigate('/members', { replace: true });
      },
    });

  const ownsProblem = remove.isError && isApiError(remove.error, 'owns_content') ? OwnsContentProblem.safeParse(remove.error.problem) : null;
  const owns = member.ownedContentTotal + member.ownedGroupsTotal > 0;
  const owned = ownedText(t, format.language, member.ownedContentTotal, member.ownedGroupsTotal);
  const transferButton = (size: 'xs' | 'sm') => (
    <Button size={size} leftSection={<IconArrowsExchange size={size === 'xs' ? 14 : 16} aria-hidden />} onClick={onTransfer}>
      {t('memberActions.transfer.action')}
    </Button>
  );

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650} fz="lg">{t(builtin ? 'memberActions.delete.title' : 'memberActions.delete.titleUnregister', { name })}</Text>} centered radius="lg" size={owns ? 'lg' : 'md'}>
      {owns ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" title={t('memberActions.delete.ownsTitle')} data-testid="delete-owned">
            <Text size="sm">{t(builtin ? 'memberActions.delete.ownsBefore' : 'memberActions.delete.ownsBeforeUnregister', { name, owned })}</Text>
          </Alert>
          <ScrollArea.Autosize mah={260} type="auto" aria-label={t('memberDetail.owned.title')}>
            <OwnedLists member={member} ownedOnly />
          </ScrollArea.Autosize>
          <DialogActions onCancel={onClose}>{transferButton('sm')}</DialogActions>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" data-testid="delete-outcome">
            {builtin ? t('memberActions.delete.bodyBuiltin', { username: member.username }) : t('memberActions.delete.bodyEnterprise', { username: member.username })}
          </Text>
          {remove.isError ? (
            <Alert color={ownsProblem ? 'orange' : 'red'} variant="light" role="alert" title={ownsProblem ? t('memberActions.delete.refusedTitle') : undefined}>
              <Text size="sm">
                {ownsProblem
                  ? t(
                      'memberActions.delete.ownsContent',
                      ownsProblem.success
                        ? { owned: ownedText(t, format.language, ownsProblem.data.ownedContent, ownsProblem.data.ownedGroups) }
                        : { owned: ownedText(t, format.language, member.ownedContentTotal, member.ownedGroupsTotal) },
                    )
                  : problemMessage(remove.error, t)}
              </Text>
              {ownsProblem ? <Stack mt="sm" align="flex-start">{transferButton('xs')}</Stack> : null}
            </Alert>
          ) : null}
          <DialogActions onCancel={onClose}>
            <Button color="red" loading={remove.isPending} onClick={confirm} disabled={!!ownsProblem}>
              {builtin ? t('memberActions.delete.confirm') : t('memberActions.delete.confirmUnregister')}
            </Button>
          </DialogActions>
        </Stack>
      )}
    </Modal>
  );
}
