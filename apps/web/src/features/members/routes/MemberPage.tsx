import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { isFullMember, type DirectoryMember, type MemberDetail } from '@sesame/contracts';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { membersView, sectionById } from '../../../lib/sections.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { useMemberDetail } from '../api/member-detail.ts';
import { MemberActions } from '../components/MemberActions.tsx';
import { MemberForm } from '../components/MemberForm.tsx';
import { MemberPicture } from '../components/MemberPicture.tsx';
import { MemberStatusBadge } from '../components/MemberStatusBadge.tsx';
import { OwnedItems } from '../components/OwnedItems.tsx';

/**
 * A member's page. With View on members, or for one's own record: the full record and what
 * the signed-in member may change. Otherwise (the directory) another member's name and
 * picture, read-only; a private profile is not found.
 */
export function MemberPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const full = hasPrivilege(me.privileges, membersView);
  const detail = useMemberDetail(id);
  // The form's choices come from routes that need View on members.
  const roles = useQuery({ ...rolesQueryOptions(), enabled: full });
  const userTypes = useQuery({ ...userTypesQueryOptions(), enabled: full });

  const back = (
    <Anchor component={Link} to="/members" size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden /> {t('memberDetail.back')}
    </Anchor>
  );

  if (detail.isError) {
    const missing = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <>
        {back}
        <Alert color="red" variant="light" icon={<IconAlertCircle size={20} aria-hidden />} title={missing ? t('memberDetail.notFound') : t('memberDetail.loadFailed')} role="alert">
          {missing ? null : (
            <>
              <Text size="sm" mb="sm">
                {problemMessage(detail.error, t)}
              </Text>
              <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void detail.refetch()}>
                {t('common.retry')}
              </Button>
            </>
          )}
        </Alert>
      </>
    );
  }
  if (!detail.data || (full && (!roles.data || !userTypes.data))) {
    return (
      <Stack>
        {back}
        <Skeleton height={140} radius="lg" />
        <Skeleton height={420} radius="lg" />
      </Stack>
    );
  }

  const member = detail.data;
  if (!isFullMember<MemberDetail>(member)) {
    return (
      <>
        {back}
        <DirectoryProfile member={member} />
      </>
    );
  }
  const meIsAdministrator = me.isAdministrator;
  const isSelf = member.id === me.member.id;
  const canUpdate = hasPrivilege(me.privileges, { area: 'members', level: 'update' });
  const canEditAccess = canUpdate && (!member.isAdministrator || meIsAdministrator);
  const canEditProfile = canEditAccess || isSelf;

  return (
    <>
      {back}
      <MemberHeader
        member={member}
        picture={<MemberPicture member={member} canEdit={canUpdate || isSelf} />}
        actions={
          <MemberActions
            member={member}
            isSelf={isSelf}
            canUpdate={canUpdate}
            canManageInvitations={hasPrivilege(me.privileges, sectionById('addMembers').privilege)}
            meIsAdministrator={meIsAdministrator}
          />
        }
      />
      <Grid gap="lg" mt="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <MemberForm
            key={member.id}
            member={member}
            reference={roles.data && userTypes.data ? { roles: roles.data, userTypes: userTypes.data } : null}
            canEditProfile={canEditProfile}
            canEditAccess={canEditAccess}
            meIsAdministrator={meIsAdministrator}
            giver={me}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <OwnedItems member={member} />
        </Grid.Col>
      </Grid>
    </>
  );
}

function MemberHeader({ member, picture, actions }: { member: MemberDetail; picture: React.ReactNode; actions: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const date = (iso: string | null) =>
    iso ? (
      <time dateTime={iso} title={format.longDateTime(iso)}>
        {format.dateTime(iso)}
      </time>
    ) : (
      <Text span c="dimmed" size="sm">
        {t('common.never')}
      </Text>
    );
  return (
    <Paper withBorder radius="lg" p="lg">
      <Group align="flex-start" gap="xl" wrap="wrap">
        {picture}
        <Stack gap={6} style={{ flex: 1, minWidth: 260 }}>
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <div>
              <Title order={1} fz={28}>
                {member.fullName || `${member.firstName} ${member.lastName}`}
              </Title>
              <Text c="dimmed" size="sm" data-testid="member-username">
                {member.username} · {member.email}
              </Text>
            </div>
            {actions}
          </Group>
          <Group gap="xs">
            <span data-testid="member-status">
              <MemberStatusBadge status={member.status} />
            </span>
            <Badge variant="light" color="gray" tt="none">
              {t(`memberDetail.identity.${member.identityType}`)}
            </Badge>
            <Badge variant="light" tt="none">
              {format.name(member.role)}
            </Badge>
            <Badge variant="light" color="grape" tt="none">
              {format.name(member.userType)}
            </Badge>
          </Group>
          <Group gap="xl" mt={4} wrap="wrap">
            <Fact label={t('memberDetail.dates.created')}>{date(member.createdAt)}</Fact>
            <Fact label={t('memberDetail.dates.activated')}>{date(member.activatedAt)}</Fact>
            <Fact label={t('memberDetail.dates.lastSignIn')}>{date(member.lastSignInAt)}</Fact>
            {member.disabledAt ? <Fact label={t('memberDetail.dates.disabled')}>{date(member.disabledAt)}</Fact> : null}
            {member.pendingInvitation ? <Fact label={t('memberDetail.dates.invitationExpires')}>{date(member.pendingInvitation.expiresAt)}</Fact> : null}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** Another member in the directory (no View on members): their name and picture, as their profile visibility allows. */
function DirectoryProfile({ member }: { member: DirectoryMember }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="directory-profile">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <MemberPicture member={member} canEdit={false} />
        <Stack gap={6} style={{ flex: 1, minWidth: 260 }}>
          <Title order={1} fz={28}>
            {member.fullName || `${member.firstName} ${member.lastName}`}
          </Title>
          <Text c="dimmed" size="sm" data-testid="member-username">
            {member.username}
          </Text>
          <Text size="sm" mt="sm">
            {t('memberDetail.directory.note')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
