import { Text } from '@mantine/core';
import type { BatchMode } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../api/imports.ts';
import { ResultFrame } from '../components/ResultFrame.tsx';

interface ImportResultProps {
  mode: BatchMode;
  job: ImportJob;
  onAddMore: () => void;
}

/** What the import created. The passwords were the file's: nothing to show once. */
export function ImportResult({ mode, job, onAddMore }: ImportResultProps) {
  const { t } = useTranslation();
  const count = job.progress.total || job.counts.valid;

  return (
    <ResultFrame
      mode={mode}
      title={t('import.result.title', { count })}
      body={mode === 'invite' ? t('import.result.inviteBody') : t('import.result.credentialsBody')}
      aside={job.fileName ? <Text size="sm">{t('import.result.file', { name: job.fileName })}</Text> : null}
      onAddMore={onAddMore}
    />
  );
}
