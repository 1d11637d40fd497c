import { List, Paper, Text, Title } from '@mantine/core';
import type { MemberDetail } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';

type Owned = Pick<MemberDetail, 'ownedContent' | 'ownedContentTotal' | 'ownedGroups' | 'ownedGroupsTotal'>;

/**
 * What the member owns: the counts, then the content items and the groups by name (the first
 * ones when there are many). `ownedOnly` leaves out a kind the member owns none of.
 */
export function OwnedLists({ member, ownedOnly = false }: { member: Owned; ownedOnly?: boolean }) {
  const { t } = useTranslation();
  const content = (
    <>
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
    </>
  );
  const groups = (
    <>
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
    </>
  );
  return (
    <>
      {ownedOnly && member.ownedContentTotal === 0 ? null : content}
      {ownedOnly && member.ownedGroupsTotal === 0 ? null : groups}
    </>
  );
}

/** The member page's panel of owned content and groups. */
export function OwnedItems({ member }: { member: Owned }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="owned-items">
      <Title order={2} fz="lg" mb="sm">
        {t('memberDetail.owned.title')}
      </Title>
      <OwnedLists member={member} />
    </Paper>
  );
}
