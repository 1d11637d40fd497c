import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { BatchMode, CsvFormat } from '@sesame/contracts';
import { IconAlertCircle, IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { templateUrl } from '../api/imports.ts';
import { StepFrame } from '../components/StepFrame.tsx';
import { looksLikeCsv } from './import-rules.ts';
import { DropZone } from './DropZone.tsx';
import type { FileImport } from './use-file-import.ts';

interface FileStepProps {
  mode: BatchMode;
  /** Built-in accounts, or organization logins (the `org-login` format). */
  format: CsvFormat;
  fileImport: FileImport;
  showErrors: boolean;
  /** The file is checked: on to its rows. */
  onUploaded: () => void;
  problems: ReactNode;
  actions: ReactNode;
}

function formatSize(bytes: number, language: string) {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)}\u00A0${units[unit]}`;
}

/** Choose the CSV file: templates, drop zone, instant preview and upload progress. */
export function FileStep({ mode, format, fileImport, showErrors, onUploaded, problems, actions }: FileStepProps) {
  const { t, i18n } = useTranslation();
  const { state } = fileImport;
  const [rejected, setRejected] = useState<'notCsv' | 'tooMany' | null>(null);
  // The upload outlives the step if the admin goes back meanwhile: only move on from here.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const send = (file: File) =>
    void fileImport.choose(file, mode).then((done) => {
      if (done && mounted.current) onUploaded();
    });
  const busy = state.phase === 'reading' || state.phase === 'uploading' || state.phase === 'checking';
  const { preview } = state;
  const percent = Math.round(state.progress * 100);
  const phaseText =
    state.phase === 'uploading' || state.phase === 'reading'
      ? t('import.file.uploading')
      : state.phase === 'checking'
        ? t('import.file.checking')
        : state.phase === 'done'
          ? t('import.file.uploaded')
          : '';
  const dropError = rejected ? t(`import.file.${rejected}`) : showErrors && !state.file ? t('import.file.required') : null;

  return (
    <StepFrame title={t('import.steps.file')} intro={t('import.file.intro')} problems={problems} actions={actions}>
      <Stack gap="lg">
        <Text size="sm">{format === 'org-login' ? t('import.file.columnsOrgLogin') : mode === 'invite' ? t('import.file.columnsInvite') : t('import.file.columnsCredentials')}</Text>
        <Group gap="lg" role="group" aria-label={t('import.file.templates')}>
          <Text size="sm" fw={600}>
            {t('import.file.templates')}
          </Text>
          <Anchor href={templateUrl(mode, 'fr', format)} download size="sm" data-testid="template-fr">
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden />
              {t('import.file.templateFr')}
            </Group>
          </Anchor>
          <Anchor href={templateUrl(mode, 'en', format)} download size="sm" data-testid="template-en">
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden />
              {t('import.file.templateEn')}
            </Group>
          </Anchor>
        </Group>

        <DropZone
          accept={looksLikeCsv}
          disabled={busy}
          error={dropError}
          onReject={setRejected}
          onFile={(file) => {
            setRejected(null);
            send(file);
          }}
        />

        {state.file ? (
          <Paper withBorder radius="md" p="md" data-testid="import-file-status">
            <Stack gap="sm">
              <Group gap="xs" wrap="nowrap">
                <IconFileTypeCsv size={20} aria-hidden />
                <Text size="sm" fw={600}>
                  {t('import.file.selected', { name: state.file.name, size: formatSize(state.file.size, i18n.language) })}
                </Text>
              </Group>
              {preview ? (
                <Group gap="xs" aria-label={t('import.file.previewTitle')} role="group" data-testid="import-preview">
                  <Badge variant="light" color="gray" tt="none">
                    {t('import.file.previewRows', { count: preview.total })}
                  </Badge>
                  <Badge variant="light" color="teal" tt="none">
                    {t('import.file.previewValid', { count: preview.valid })}
                  </Badge>
                  {preview.invalid > 0 ? (
                    <Badge variant="light" color="red" tt="none">
                      {t('import.file.previewInvalid', { count: preview.invalid })}
                    </Badge>
                  ) : null}
                  <Badge variant="outline" color="gray" tt="none">
                    {t('import.file.previewSeparator', { separator: t(preview.delimiter === ';' ? 'import.file.semicolon' : 'import.file.comma') })}
                  </Badge>
                  {preview.bom ? (
                    <Badge variant="outline" color="gray" tt="none">
                      {t('import.file.bom')}
                    </Badge>
                  ) : null}
                  {preview.encoding === 'windows-1252' ? (
                    <Badge variant="outline" color="yellow" tt="none" data-testid="import-preview-encoding">
                      {t('import.file.windows1252')}
                    </Badge>
                  ) : null}
                </Group>
              ) : null}
              {state.phase !== 'error' && state.phase !== 'idle' ? (
                <Stack gap={4}>
                  <Text size="sm" c="dimmed" aria-live="polite" data-testid="import-phase">
                    {phaseText}
                  </Text>
                  <Progress
                    value={state.phase === 'done' ? 100 : percent}
                    animated={state.phase === 'checking'}
                    striped={state.phase === 'checking'}
                    aria-label={t('import.file.progressLabel')}
                    transitionDuration={150}
                  />
                </Stack>
              ) : null}
              {state.phase === 'error' ? (
                <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={t('import.file.uploadFailed')} role="alert">
                  <Text size="sm">{problemMessage(state.error, t)}</Text>
                  {/* Sending the same file again can't help when it is too large. */}
                  {isApiError(state.error, 'file_too_large') ? null : (
                    <Button mt="sm" size="xs" variant="light" onClick={() => state.file && send(state.file)}>
                      {t('import.file.retry')}
                    </Button>
                  )}
                </Alert>
              ) : null}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </StepFrame>
  );
}
