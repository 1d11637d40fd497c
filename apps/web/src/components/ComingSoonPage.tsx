import { Button, EmptyState, Paper } from '@mantine/core';
import { IconArrowLeft, IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sectionById, type SectionId } from '../lib/sections.ts';
import { PageHeader } from './PageHeader.tsx';

/** Placeholder for sections that are planned but not built yet. */
export function ComingSoonPage({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(sectionById(section).labelKey)} />
      <Paper withBorder radius="lg" py={64} px="xl">
        <EmptyState
          variant="light"
          size="lg"
          icon={<IconTools size={32} aria-hidden />}
          title={t('placeholder.title')}
          description={t('placeholder.body')}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/members" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
              {t('placeholder.back')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </>
  );
}
