import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { MemberDetail } from '@sesame/contracts';
import { IconAlertCircle, IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { hasPrivilege } from '../../../lib/privileges.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useRoles, useUserTypes } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { useMemberDetail } from '../api/member-detail.ts';
import { MemberActions } from '../components/MemberActions.tsx';
import { MemberForm } from '../components/MemberForm.tsx';
import { MemberPicture } from '../components/MemberPicture.tsx';
import { MemberStatusBadge } from '../components/MemberStatusBadge.tsx';

export function MemberPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const detail = useMemberDetail(id);
  const roles = useRoles();
  const userTypes = useUserTypes();

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
  if (!detail.data || !roles.data || !userTypes.data) {
    return (
      <Stack>
        {back}
        <Skeleton height={140} radius="lg" />
        <Skeleton height={420} radius="lg" />
      </Stack>
    );
  }

  const member = detail.data;
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
        actions={<MemberActions member={member} isSelf={isSelf} canUpdate={canUpdate} meIsAdministrator={meIsAdministrator} />}
      />
      <Grid gap="lg" mt="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <MemberForm
            key={member.id}
            member={member}
            roles={roles.data}
            userTypes={userTypes.data}
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

function OwnedItems({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="owned-items">
      <Title order={2} fz="lg" mb="sm">
        {t('memberDetail.owned.title')}
      </Title>
      <Text size="sm" fw={600} mb={4}>
        {t('memberDetail.owned.contentCount', { count: member.ownedContentTotal })}
      </Text>
      {member.ownedContent.length ? (
        <List size="sm" spacing={2} mb="md" aria-label={t('memberDetail.owned.content')}>
          {member.ownedContent.map((item) => (
            <List.Item key={item.id}>
              {item.title}{' '}
              <Text span size="xs" c="dimmed">
                ({item.kind})
              </Text>
            </List.Item>
          ))}
          {member.ownedContentTotal > member.ownedContent.length ? (
            <List.Item>
              <Text span size="sm" c="dimmed" data-testid="owned-content-more">
                {t('memberDetail.owned.more', { count: member.ownedContentTotal - member.ownedContent.length })}
              </Text>
            </List.Item>
          ) : null}
        </List>
      ) : (
        <Text size="sm" c="dimmed" mb="md">
          {t('memberDetail.owned.noContent')}
        </Text>
      )}
      <Text size="sm" fw={600} mb={4}>
        {t('memberDetail.owned.groupsCount', { count: member.ownedGroupsTotal })}
      </Text>
      {member.ownedGroups.length ? (
        <List size="sm" spacing={2} aria-label={t('memberDetail.owned.groups')}>
          {member.ownedGroups.map((group) => (
            <List.Item key={group.id}>{group.name}</List.Item>
          ))}
          {member.ownedGroupsTotal > member.ownedGroups.length ? (
            <List.Item>
              <Text span size="sm" c="dimmed">
                {t('memberDetail.owned.more', { count: member.ownedGroupsTotal - member.ownedGroups.length })}
              </Text>
            </List.Item>
          ) : null}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('memberDetail.owned.noGroups')}
        </Text>
      )}
    </Paper>
  );
}
