import { DataList, Text } from '@mantine/core';
import type { OrganizationDefaults } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/settings/Section.tsx';
import { useFormatters } from '../../../lib/format.ts';

/** The named-user limit (set by the instance's operators) and the members it counts: read only. */
export function LimitsSection({ organization }: { organization: OrganizationDefaults }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Section title={t('organizationSettings.limits.title')} description={t('organizationSettings.limits.description')} testId="limits-section">
      <DataList orientation="horizontal" size="sm" gap={6} labelWidth={260}>
        <DataList.Item>
          <DataList.ItemLabel>{t('organizationSettings.limits.namedUserLimit')}</DataList.ItemLabel>
          <DataList.ItemValue fw={600} data-testid="named-user-limit">
            {organization.namedUserLimit === null ? t('organizationSettings.limits.unlimited') : format.number(organization.namedUserLimit)}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('organizationSettings.limits.memberCount')}</DataList.ItemLabel>
          <DataList.ItemValue fw={600} data-testid="member-count">
            {format.number(organization.memberCount)}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Text size="sm" c="dimmed" mt="md">
        {t('organizationSettings.limits.operators')}
      </Text>
    </Section>
  );
}
