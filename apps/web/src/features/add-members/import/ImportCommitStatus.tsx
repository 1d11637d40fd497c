import { Alert, Anchor, List, Progress, Stack, Text } from '@mantine/core';
import { capacityErrorMessage, unbreakableEmailWord, type BatchMode } from '@sesame/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useFormatters } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import type { CommitState } from './use-file-import.ts';

interface ImportCommitStatusProps {
  commit: CommitState;
  mode: BatchMode;
  onReview: () => void;
}

/** The commit's progress bar, or why it was refused or stopped (nothing was created then). */
export function ImportCommitStatus({ commit, mode, onReview }: ImportCommitStatusProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = currentLanguage();
  const { phase, job, error, failure } = commit;

  if (phase === 'starting' || phase === 'committing') {
    const progress = job?.progress ?? { processed: 0, total: 0, percent: 0 };
    return (
      <Stack gap={6} data-testid="import-commit-progress">
        <Text size="sm" fw={600} aria-live="polite">
          {mode === 'credentials' ? t('import.commit.hashing') : t('import.commit.creating')}
        </Text>
        <Progress value={progress.percent} aria-label={t('import.commit.progressLabel')} animated striped transitionDuration={200} size="lg" />
        {progress.total > 0 ? (
          <Text size="xs" c="dimmed" className="tabular">
            {t('import.commit.progress', { processed: format.number(progress.processed), total: format.number(progress.total) })}
          </Text>
        ) : null}
      </Stack>
    );
  }

  if (phase !== 'failed') return null;
  // Refusals of the properties (400 with fields) are shown on the properties step instead.
  if (isApiError(error) && error.status === 400 && error.fieldErrors.length > 0) return null;
  return (
    <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={t('import.commit.failedTitle')} role="alert" data-testid="import-commit-error">
      {!failure && isApiError(error) && error.fieldErrors.length > 0 ? (
        // Capacity refusals name each licence or user type that is short, and by how many.
        <List size="sm" spacing={2}>
          {error.fieldErrors.map((problem, index) => (
            <List.Item key={index}>{unbreakableEmailWord(capacityErrorMessage(problem, language))}</List.Item>
          ))}
        </List>
      ) : (
        <>
          <Text size="sm">{failure ?? problemMessage(error, t)}</Text>
          {/* A commit stopped in the background says why in the job, worded by the API in this language. */}
          {failure && job?.errorDetails.length ? (
            <List size="sm" spacing={2} mt={4}>
              {job.errorDetails.map((detail, index) => (
                <List.Item key={index}>{detail.message}</List.Item>
              ))}
            </List>
          ) : null}
        </>
      )}
      {failure || (isApiError(error) && error.status === 409) ? (
        <Anchor component="button" type="button" size="sm" mt={6} onClick={onReview}>
          {t('import.commit.backToRows')}
        </Anchor>
      ) : null}
    </Alert>
  );
}
