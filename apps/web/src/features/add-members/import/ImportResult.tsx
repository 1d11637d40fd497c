import { Anchor, Button, Group, Loader, Text } from '@mantine/core';
import type { BatchMode } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { paths } from '../../../lib/session/guards.ts';
import { useCreatedMembers, type ImportJob } from '../api/imports.ts';
import { CreatedMembersTable } from '../components/CreatedMembersTable.tsx';
import { ResultFrame } from '../components/ResultFrame.tsx';

interface ImportResultProps {
  mode: BatchMode;
  job: ImportJob;
  onAddMore: () => void;
}

/** The members list with the newest first: where a large import's members are all found. */
export const newestMembersPath = `${paths.members}?sort=createdAt&order=desc&limit=100`;

/** What the import created, listed a page at a time. The passwords were the file's: nothing to show once. */
export function ImportResult({ mode, job, onAddMore }: ImportResultProps) {
  const { t } = useTranslation();
  const count = job.progress.total || job.counts.valid;
  const created = useCreatedMembers(job.id);
  const members = created.data?.pages.flatMap((page) => page.items) ?? [];
  const total = created.data?.pages[0]?.total ?? count;

  const footer = (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" data-testid="import-result-shown" aria-live="polite">
        {t('import.result.shown', { shown: members.length, count: total })}
      </Text>
      <Group gap="sm">
        {created.hasNextPage ? (
          <Button variant="default" size="xs" loading={created.isFetchingNextPage} onClick={() => void created.fetchNextPage()}>
            {t('import.result.showMore')}
          </Button>
        ) : null}
        {total > members.length ? (
          <Anchor component={Link} to={newestMembersPath} size="sm">
            {t('import.result.newestMembers')}
          </Anchor>
        ) : null}
      </Group>
    </Group>
  );

  return (
    <ResultFrame
      mode={mode}
      title={t('import.result.title', { count })}
      body={mode === 'invite' ? t('import.result.inviteBody') : t('import.result.credentialsBody')}
      aside={job.fileName ? <Text size="sm">{t('import.result.file', { name: job.fileName })}</Text> : null}
      onAddMore={onAddMore}
    >
      {created.isPending ? <Loader size="sm" aria-label={t('import.result.loading')} /> : null}
      {created.isError ? <ProblemAlert title={t('import.result.loadFailed')} error={created.error} /> : null}
      {created.data ? <CreatedMembersTable members={members} footer={footer} /> : null}
    </ResultFrame>
  );
}
