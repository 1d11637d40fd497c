import { ActionIcon, Alert, Anchor, Button, Checkbox, Group, List, Loader, Modal, Switch, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { BatchMode, CsvField } from '@sesame/contracts';
import { IconAlertCircle, IconAlertTriangle, IconArrowLeft, IconArrowRight, IconDownload, IconFileUpload, IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { errorReportUrl, fetchImport, importKeys, removeImportRows, type ImportRow } from '../api/imports.ts';
import type { WizardData } from '../api/wizard-data.ts';
import { problemRowClass, RowsTable } from '../components/RowsTable.tsx';
import { StepFrame } from '../components/StepFrame.tsx';
import { EditRowModal } from './EditRowModal.tsx';
import { importFields, issueText as issueIn } from './import-rules.ts';
import classes from './ImportRowsStep.module.css';
import type { FileImport } from './use-file-import.ts';

const PAGE_SIZE = 50;

interface ImportRowsStepProps {
  jobId: string;
  mode: BatchMode;
  data: WizardData;
  fileImport: FileImport;
  onChooseAnother: () => void;
  problems: ReactNode;
  actions: ReactNode;
}

/** Compile member list, for a file: every row with its errors by field; edit or remove rows. */
export function ImportRowsStep({ jobId, mode, data, fileImport, onChooseAnother, problems, actions }: ImportRowsStepProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [editing, setEditing] = useState<ImportRow | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Ticked rows, kept across pages until removed or cleared.
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirmInvalid, setConfirmInvalid] = useState(false);
  const cursor = cursors.at(-1);
  const params = { limit: PAGE_SIZE, cursor, errorsOnly };
  const page = useQuery({
    queryKey: importKeys.page(jobId, params),
    queryFn: ({ signal }) => fetchImport(jobId, params, signal),
    placeholderData: keepPreviousData,
  });
  const job = page.data;
  const fields = importFields(mode, job?.header);
  const { syncCounts } = fileImport;

  useEffect(() => {
    if (job) syncCounts(job.counts, job.status);
  }, [job, syncCounts]);

  // A page emptied by removals or fixes: step back to the previous one.
  if (job && !page.isPlaceholderData && !page.isFetching && job.rows.length === 0 && cursors.length > 1) setCursors((list) => list.slice(0, -1));

  const remove = useMutation({
    mutationFn: (body: { rowNumbers: number[] } | { invalid: true }) => removeImportRows(jobId, body),
    onSuccess: (result) => {
      fileImport.rowsRemoved(result.rowNumbers, result.counts);
      const gone = new Set(result.rowNumbers);
      setSelected((current) => new Set([...current].filter((n) => !gone.has(n))));
      setConfirmInvalid(false);
      setAnnouncement(result.removed === 1 ? t('import.rows.removed', { row: result.rowNumbers[0] }) : t('import.rows.removedMany', { count: result.removed }));
      return queryClient.invalidateQueries({ queryKey: importKeys.job(jobId) });
    },
  });
  const removingRows = remove.isPending && remove.variables && 'rowNumbers' in remove.variables ? remove.variables.rowNumbers : [];
  const removing = (rowNumber: number) => removingRows.length === 1 && removingRows[0] === rowNumber && !selected.has(rowNumber);
  const toggle = (rowNumber: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(rowNumber);
      else next.delete(rowNumber);
      return next;
    });
  const pageRows = job?.rows.map((r) => r.rowNumber) ?? [];
  const pageTicked = pageRows.filter((n) => selected.has(n)).length;

  const counts = fileImport.state.counts ?? job?.counts;
  const fileName = fileImport.state.file?.name ?? job?.fileName ?? '';
  const lang = currentLanguage();
  const issueText = (issue: Parameters<typeof issueIn>[0]) => issueIn(issue, lang);
  const failed = job?.status === 'failed';

  const fieldLabel = (field: string) => t(`import.fields.${field as CsvField}`);
  const cellText = (row: ImportRow, field: CsvField) => {
    const value = row.values[field] ?? '';
    if (field === 'password' && value) return '••••••••';
    return value;
  };

  return (
    <StepFrame title={t('addMembers.steps.list')} intro={t('import.rows.intro')} problems={problems} actions={actions}>
      {job && (job.fileErrors.length > 0 || failed) ? (
        <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={t('import.rows.fileErrorsTitle')} mb="md" role="alert" data-testid="import-file-errors">
          <List size="sm" spacing={4}>
            {job.fileErrors.map((issue, index) => (
              <List.Item key={index}>{issueText(issue)}</List.Item>
            ))}
          </List>
          <Button mt="sm" size="sm" variant="light" color="red" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={onChooseAnother}>
            {t('import.file.chooseAnother')}
          </Button>
        </Alert>
      ) : null}
      {job && job.fileWarnings.length > 0 ? (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('import.rows.fileWarningsTitle')} mb="md" data-testid="import-file-warnings">
          <List size="sm" spacing={4}>
            {job.fileWarnings.map((issue, index) => (
              <List.Item key={index}>{issueText(issue)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <Group gap="sm">
          {fileName ? (
            <Text size="sm" fw={600}>
              {t('import.rows.fileName', { name: fileName })}
            </Text>
          ) : null}
          {counts ? (
            <Text size="sm" c="dimmed" data-testid="import-counts">
              {t('import.rows.total', { count: counts.total })} · {t('import.rows.valid', { count: counts.valid })} ·{' '}
              <Text span size="sm" c={counts.invalid > 0 ? 'red.8' : 'dimmed'} fw={counts.invalid > 0 ? 600 : undefined}>
                {t('import.rows.invalid', { count: counts.invalid })}
              </Text>
            </Text>
          ) : null}
        </Group>
        <Group gap="sm">
          {counts && counts.invalid > 0 ? (
            <>
              <Button component="a" href={errorReportUrl(jobId, lang)} download variant="light" leftSection={<IconDownload size={16} aria-hidden />}>
                {t('import.rows.errorReport')}
              </Button>
              <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirmInvalid(true)}>
                {t('import.rows.removeInvalid', { count: counts.invalid })}
              </Button>
            </>
          ) : null}
          <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={onChooseAnother}>
            {t('import.file.chooseAnother')}
          </Button>
        </Group>
      </Group>

      {!failed ? (
        <Group justify="space-between" mb="sm">
          <Switch
            label={t('import.rows.errorsOnly')}
            checked={errorsOnly}
            onChange={(event) => {
              setErrorsOnly(event.currentTarget.checked);
              setCursors([undefined]);
            }}
          />
          {page.isFetching ? <Loader size="xs" aria-hidden /> : null}
        </Group>
      ) : null}
      {selected.size > 0 ? (
        <Group gap="sm" mb="sm" p="xs" className={classes.selectionBar} data-testid="import-selection">
          <Text size="sm" fw={600}>
            {t('import.rows.selected', { count: selected.size })}
          </Text>
          <Button size="xs" color="red" leftSection={<IconTrash size={14} aria-hidden />} loading={removingRows.length > 0 && removingRows.every((n) => selected.has(n))} onClick={() => remove.mutate({ rowNumbers: [...selected] })}>
            {t('import.rows.removeSelected', { count: selected.size })}
          </Button>
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} onClick={() => setSelected(new Set())}>
            {t('import.rows.clearSelection')}
          </Button>
        </Group>
      ) : null}
      <Text size="sm" c="teal.8" aria-live="polite" mb={announcement ? 'sm' : 0} data-testid="import-announcement">
        {announcement}
      </Text>
      {remove.isError ? (
        <Alert variant="light" color="red" mb="sm" role="alert">
          {problemMessage(remove.error, t)}
        </Alert>
      ) : null}
      {page.isError ? (
        <Alert variant="light" color="red" title={t('import.rows.loadFailed')} mb="sm" role="alert">
          {problemMessage(page.error, t)}
          <Anchor component="button" type="button" size="sm" ml="xs" onClick={() => void page.refetch()}>
            {t('common.retry')}
          </Anchor>
        </Alert>
      ) : null}

      {page.isPending ? (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      ) : job && !failed ? (
        job.rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="md">
            {counts && counts.total === 0 ? t('import.rows.nothingLeft') : errorsOnly ? t('import.rows.noErrors') : t('import.rows.noRows')}
          </Text>
        ) : (
          <RowsTable
            label={t('import.rows.tableLabel')}
            verticalSpacing="xs"
            head={
              <>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('import.rows.selectPage')}
                    checked={pageRows.length > 0 && pageTicked === pageRows.length}
                    indeterminate={pageTicked > 0 && pageTicked < pageRows.length}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      setSelected((current) => {
                        const next = new Set(current);
                        for (const n of pageRows) {
                          if (on) next.add(n);
                          else next.delete(n);
                        }
                        return next;
                      });
                    }}
                  />
                </Table.Th>
                <Table.Th w={64}>{t('import.rows.row')}</Table.Th>
                {fields.map((field) => (
                  <Table.Th key={field} title={fieldLabel(field)}>
                    {fieldLabel(field)}
                  </Table.Th>
                ))}
                <Table.Th w={88}>
                  <VisuallyHidden>{t('import.rows.actions')}</VisuallyHidden>
                </Table.Th>
              </>
            }
          >
            {job.rows.map((row) => {
              const invalid = row.errors.length > 0;
              const byField = (field: CsvField) => row.errors.filter((issue) => issue.field === field);
              const other = row.errors.filter((issue) => !issue.field || !fields.includes(issue.field as CsvField));
              const warnings = row.warnings.filter((issue) => issue.code !== 'trimmed' || !invalid);
              const extra = other.length > 0 || warnings.length > 0;
              return (
                <Fragment key={row.rowNumber}>
                  <Table.Tr className={classes.row} data-invalid={invalid || undefined} data-with-problems={extra || undefined} data-testid="import-row" data-row={row.rowNumber}>
                    <Table.Td className={classes.cell}>
                      <Checkbox aria-label={t('import.rows.select', { row: row.rowNumber })} checked={selected.has(row.rowNumber)} onChange={(event) => toggle(row.rowNumber, event.currentTarget.checked)} />
                    </Table.Td>
                    <Table.Td className={`${classes.cell} ${classes.rowNumber}`}>
                      <Group gap={4} wrap="nowrap">
                        {invalid ? <IconAlertTriangle size={15} color="var(--mantine-color-red-7)" aria-hidden /> : null}
                        {row.rowNumber}
                      </Group>
                    </Table.Td>
                    {fields.map((field) => {
                      const issues = byField(field);
                      const text = cellText(row, field);
                      return (
                        <Table.Td key={field} className={classes.cell} data-invalid={issues.length > 0 || undefined} data-field={field}>
                          <Text size="sm" className={classes.value} title={text || undefined} c={text ? undefined : 'dimmed'} fs={text ? undefined : 'italic'}>
                            {text || t('import.rows.empty')}
                          </Text>
                          {issues.map((issue, index) => (
                            <Text key={index} size="xs" c="red.8" fw={500} mt={2} data-testid="import-cell-error">
                              <VisuallyHidden>{`${fieldLabel(field)} — `}</VisuallyHidden>
                              {issueText(issue)}
                            </Text>
                          ))}
                        </Table.Td>
                      );
                    })}
                    <Table.Td className={classes.cell}>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t('import.rows.edit', { row: row.rowNumber })} withArrow>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('import.rows.edit', { row: row.rowNumber })} onClick={() => setEditing(row)}>
                            <IconPencil size={17} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('import.rows.remove', { row: row.rowNumber })} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('import.rows.remove', { row: row.rowNumber })}
                            loading={removing(row.rowNumber)}
                            onClick={() => remove.mutate({ rowNumbers: [row.rowNumber] })}
                          >
                            <IconTrash size={17} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {extra ? (
                    <Table.Tr className={invalid ? problemRowClass : undefined}>
                      <Table.Td />
                      <Table.Td />
                      <Table.Td colSpan={fields.length + 1}>
                        <List size="xs" spacing={2}>
                          {other.map((issue, index) => (
                            <List.Item key={`e${index}`} c="red.8" data-testid="import-row-error">
                              {issue.field ? t('addMembers.problems.fieldMessage', { field: fieldLabel(issue.field), message: issueText(issue) }) : issueText(issue)}
                            </List.Item>
                          ))}
                          {warnings.map((issue, index) => (
                            <List.Item key={`w${index}`} c="yellow.9">
                              {t('addMembers.problems.fieldMessage', { field: t('import.rows.warning'), message: issueText(issue) })}
                            </List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </RowsTable>
        )
      ) : null}

      {job && !failed && (cursors.length > 1 || job.nextCursor) ? (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed" className="tabular">
            {job.rows.length > 0 ? t('import.rows.pageOf', { from: job.rows[0]!.rowNumber, to: job.rows.at(-1)!.rowNumber }) : ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconArrowLeft size={14} aria-hidden />} disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
              {t('import.rows.previous')}
            </Button>
            <Button
              variant="default"
              size="xs"
              rightSection={<IconArrowRight size={14} aria-hidden />}
              disabled={!job.nextCursor}
              onClick={() => job.nextCursor && setCursors((list) => [...list, job.nextCursor ?? undefined])}
            >
              {t('import.rows.nextPage')}
            </Button>
          </Group>
        </Group>
      ) : null}

      <Modal opened={confirmInvalid} onClose={() => setConfirmInvalid(false)} title={t('import.rows.removeInvalidTitle', { count: counts?.invalid ?? 0 })} centered>
        <Text size="sm">{t('import.rows.removeInvalidText', { count: counts?.invalid ?? 0 })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirmInvalid(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ invalid: true })} data-testid="confirm-remove-invalid">
            {t('import.rows.removeInvalidConfirm', { count: counts?.invalid ?? 0 })}
          </Button>
        </Group>
      </Modal>

      {editing ? (
        <EditRowModal
          jobId={jobId}
          row={editing}
          mode={mode}
          header={job?.header ?? []}
          data={data}
          onClose={() => setEditing(null)}
          onSaved={(result) => {
            fileImport.rowEdited(result.row.rowNumber, result.row.values, result.counts);
            const fixed = result.row.errors.length === 0;
            setAnnouncement(t(fixed ? 'import.rows.fixed' : 'import.rows.stillInvalid', { row: result.row.rowNumber }));
            if (fixed) setEditing(null);
            else setEditing(result.row);
            void queryClient.invalidateQueries({ queryKey: importKeys.job(jobId) });
          }}
        />
      ) : null}
    </StepFrame>
  );
}
