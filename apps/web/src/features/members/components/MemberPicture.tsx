import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import type { DirectoryMember } from '@sesame/contracts';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { initials } from '../../../lib/initials.ts';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_TYPES, thumbnailUrl, useThumbnail } from '../api/member-detail.ts';

/** The member's picture (a full record or a directory one: both have a name and the picture), with upload (checked here before it is sent) and removal. */
export function MemberPicture({ member, canEdit }: { member: DirectoryMember; canEdit: boolean }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(() => Date.now());
  // Only ask for the picture when the member has one (no request, no 404, for everyone else).
  const [hasPicture, setHasPicture] = useState(member.hasThumbnail);
  const [error, setError] = useState<string | null>(null);
  const thumbnail = useThumbnail(member.id);
  // Cleared after each choice, so that choosing the same file again (once fixed) is noticed.
  const resetFile = useRef<() => void>(null);

  // The server checks the bytes, not the declared type; its refusals get the same words as ours.
  const refusal = (err: unknown) => {
    if (isApiError(err) && err.status === 415) return t('memberDetail.picture.wrongType');
    if (isApiError(err) && err.status === 413) return t('memberDetail.picture.tooBig');
    return problemMessage(err, t);
  };

  const upload = (file: File | null) => {
    setError(null);
    resetFile.current?.();
    if (!file) return;
    if (!(THUMBNAIL_TYPES as readonly string[]).includes(file.type)) return setError(t('memberDetail.picture.wrongType'));
    if (file.size > THUMBNAIL_MAX_BYTES) return setError(t('memberDetail.picture.tooBig'));
    if (file.size === 0) return setError(t('memberDetail.picture.empty'));
    thumbnail.mutate(file, {
      onSuccess: () => {
        setHasPicture(true);
        setVersion(Date.now());
        notify({ tone: 'success', title: t('memberDetail.picture.changed') });
      },
      onError: (err) => setError(refusal(err)),
    });
  };
  const remove = () =>
    thumbnail.mutate(null, {
      onSuccess: () => {
        setHasPicture(false);
        setVersion(Date.now());
        notify({ tone: 'success', title: t('memberDetail.picture.removed') });
      },
      onError: (err) => setError(problemMessage(err, t)),
    });

  return (
    <Stack gap={6} align="center">
      <Avatar
        size={96}
        radius="xl"
        color="initials"
        name={`${member.firstName} ${member.lastName}`}
        src={hasPicture ? thumbnailUrl(member.id, version) : null}
        alt={t('memberDetail.picture.alt', { name: member.fullName || member.username })}
        imageProps={{ onError: () => setHasPicture(false) }}
      >
        {initials(member.firstName, member.lastName, member.username)}
      </Avatar>
      {canEdit ? (
        <Group gap={4}>
          <FileButton onChange={upload} accept={THUMBNAIL_TYPES.join(',')} resetRef={resetFile}>
            {(props) => (
              <Button {...props} size="compact-xs" variant="subtle" leftSection={<IconPhotoUp size={14} aria-hidden />} loading={thumbnail.isPending}>
                {t('memberDetail.picture.upload')}
              </Button>
            )}
          </FileButton>
          {hasPicture ? (
            <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={remove} disabled={thumbnail.isPending}>
              {t('memberDetail.picture.remove')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <Text size="xs" c={error ? 'red' : 'dimmed'} maw={200} ta="center" role={error ? 'alert' : undefined} data-testid="picture-message">
        {error ?? (canEdit ? t('memberDetail.picture.limits') : null)}
      </Text>
    </Stack>
  );
}
