import { Button, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DropZone.module.css';

interface DropZoneProps {
  onFile: (file: File) => void;
  /** Why the last file was refused (not a CSV, several files…). */
  error?: string | null;
  onReject: (reason: 'notCsv' | 'tooMany') => void;
  accept: (file: File) => boolean;
  disabled?: boolean;
}

/**
 * Drag and drop or browse for one CSV file. The hidden file input does the choosing; the
 * visible button opens it, so the keyboard and screen readers get an ordinary button.
 */
export function DropZone({ onFile, error, onReject, accept, disabled = false }: DropZoneProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  const id = useId();

  const take = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    if (files.length > 1) return onReject('tooMany');
    const file = files[0]!;
    if (!accept(file)) return onReject('notCsv');
    onFile(file);
  };

  const onDragEnter = (event: DragEvent) => {
    event.preventDefault();
    depth.current += 1;
    if (!disabled) setActive(true);
  };
  const onDragLeave = (event: DragEvent) => {
    event.preventDefault();
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setActive(false);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setActive(false);
    if (!disabled) take(event.dataTransfer.files);
  };

  return (
    <div
      className={classes.zone}
      data-active={active || undefined}
      data-invalid={error ? true : undefined}
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      data-testid="import-drop-zone"
    >
      <Stack align="center" gap="xs">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          {active ? <IconUpload size={26} /> : <IconFileTypeCsv size={26} />}
        </ThemeIcon>
        <Text fw={600} id={`${id}-title`}>
          {t('import.file.dropTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('import.file.dropOr')}
        </Text>
        <Button variant="default" onClick={() => input.current?.click()} disabled={disabled} leftSection={<IconUpload size={16} aria-hidden />}>
          {t('import.file.browse')}
        </Button>
        <Text size="xs" c="dimmed" id={`${id}-hint`}>
          {t('import.file.dropHint')}
        </Text>
        {error ? (
          <Text size="sm" c="red.8" id={`${id}-error`} role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-label={t('import.file.dropLabel')}
        tabIndex={-1}
        style={{ display: 'none' }}
        onChange={(event) => {
          take(event.currentTarget.files);
          // Choosing the same file again must fire `change` again.
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
