import { Blockquote, Button, Center, DataList, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import type { InvitationDetails } from '@sesame/contracts';
import { IconClockX, IconLinkOff, IconMailOff, IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { homePathFor, paths } from '../../../lib/session/guards.ts';
import { invitationQueryOptions } from '../api/invitation.ts';
import { ActivationForm } from '../components/ActivationForm.tsx';
import { AuthLayout } from '../../../components/AuthLayout.tsx';

/** Public page of an emailed activation link: the invited member chooses a password. */
export function ActivatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const invitation = useQuery(invitationQueryOptions(token));
  // Set when the invitation stops being usable while the page is open.
  const [goneError, setGoneError] = useState<unknown>(null);

  if (invitation.isPending) {
    return (
      <AuthLayout title={t('activation.title')}>
        <Center py="xl">
          <Loader aria-label={t('activation.checking')} />
        </Center>
      </AuthLayout>
    );
  }
  const error = goneError ?? invitation.error;
  if (error || !invitation.data) return <InvitationUnavailable error={error} />;

  const details = invitation.data;
  return (
    <AuthLayout
      title={t('activation.title')}
      description={
        details.invitedBy
          ? t('activation.invitedBy', { name: details.invitedBy, organization: details.organization.name })
          : t('activation.invited', { organization: details.organization.name })
      }
    >
      <Stack gap="lg">
        <InvitationSummary details={details} />
        <ActivationForm
          token={token}
          username={details.username}
          withPassword={details.identityType === 'builtin'}
          onGone={setGoneError}
          onActivated={(me) => void navigate(homePathFor(me), { replace: true, state: { flash: 'accountActivated' } })}
        />
      </Stack>
    </AuthLayout>
  );
}

function InvitationSummary({ details }: { details: InvitationDetails }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="md">
      <DataList orientation="horizontal" size="sm" gap={6} labelWidth={140} data-testid="invitation-details">
        <DataList.Item>
          <DataList.ItemLabel>{t('activation.organization')}</DataList.ItemLabel>
          <DataList.ItemValue fw={600}>{details.organization.name}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('activation.username')}</DataList.ItemLabel>
          <DataList.ItemValue fw={600} ff="monospace" data-testid="invitation-username">
            {details.username}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('activation.email')}</DataList.ItemLabel>
          <DataList.ItemValue>{details.email}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Text size="xs" c="dimmed">
        {t('activation.usernameHint')} {t('activation.expires', { date: format.longDateTime(details.expiresAt) })}
      </Text>
      {details.message ? (
        <Blockquote
          color="lapis"
          p="sm"
          iconSize={0}
          cite={details.invitedBy ? t('activation.messageFrom', { name: details.invitedBy }) : t('activation.messageAnonymous')}
          data-testid="invitation-message"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {details.message}
          </Text>
        </Blockquote>
      ) : null}
    </Stack>
  );
}

type Unavailable = 'notFound' | 'expired' | 'used' | 'revoked';

function unavailableKind(error: unknown): Unavailable | null {
  if (isApiError(error, 'invitation_expired')) return 'expired';
  if (isApiError(error, 'invitation_used')) return 'used';
  if (isApiError(error, 'invitation_revoked')) return 'revoked';
  // A malformed token is refused as invalid (400): for the visitor it is an unknown link.
  if (isApiError(error) && (error.status === 404 || error.status === 400)) return 'notFound';
  return null;
}

const icons = { notFound: IconLinkOff, expired: IconClockX, used: IconUserCheck, revoked: IconMailOff } as const;

/** Expired, used, revoked or unknown links: a plain explanation and a way to sign in. */
function InvitationUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const kind = unavailableKind(error);
  const Icon = kind ? icons[kind] : IconLinkOff;
  return (
    <AuthLayout title={kind ? t(`activation.invalid.${kind}.title`) : t('activation.invalid.failed.title')}>
      <Stack gap="lg" align="flex-start" data-testid="invitation-unavailable">
        <ThemeIcon size={48} radius="xl" variant="light" color={kind === 'used' ? 'teal' : kind ? 'orange' : 'red'} aria-hidden>
          <Icon size={26} />
        </ThemeIcon>
        <Text>{kind ? t(`activation.invalid.${kind}.body`) : problemMessage(error, t)}</Text>
        <Button component={Link} to={paths.signIn} variant={kind === 'used' ? 'filled' : 'default'}>
          {t('activation.signIn')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
