import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { MemberDetail } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';

/**
 * Role, user type, licences, groups and categories as they are, read-only: one's own page
 * without View on members (the choices come from routes that need it, and changing them
 * needs Update on members anyway).
 */
export function MemberAccessSummary({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = (items: { name: string }[], none: string) => (items.length ? items.map((item) => item.name).join(', ') : none);
  const facts = [
    { label: t('memberDetail.form.userType'), value: format.name(member.userType) },
    { label: t('memberDetail.form.role'), value: format.name(member.role) },
    { label: t('memberDetail.form.licenses'), value: names(member.licenses, t('memberDetail.accessSummary.noLicenses')) },
    { label: t('memberDetail.form.groups'), value: names(member.groups, t('memberDetail.accessSummary.noGroups')) },
    { label: t('memberDetail.form.categories'), value: names(member.categories, t('memberDetail.accessSummary.noCategories')) },
  ];
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="member-access-summary">
      <Title order={2} fz="lg" mb={4}>
        {t('memberDetail.form.access')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('memberDetail.accessSummary.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        {facts.map((fact) => (
          <div key={fact.label}>
            <Text component="dt" size="sm" fw={500}>
              {fact.label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {fact.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
