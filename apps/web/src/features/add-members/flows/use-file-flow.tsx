import { Button, Group, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wordedFieldErrors } from '../../../lib/problem-message.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { FileStep } from '../import/FileStep.tsx';
import { ImportCommitStatus } from '../import/ImportCommitStatus.tsx';
import { ImportResult } from '../import/ImportResult.tsx';
import { ImportRowsStep } from '../import/ImportRowsStep.tsx';
import { useFileImport, useImportCommit } from '../import/use-file-import.ts';
import { isLicenseAssignable, licenseOffer, placeServerProblems, stepIndex, type WizardStep } from '../wizard-state.ts';
import type { CsvFormat } from '@sesame/contracts';
import type { FlowContext, StepChrome } from './flow.ts';

/**
 * "New members from a file": the uploaded file checked by the server, its rows to fix,
 * then its commit. Method, properties and summary are the manual flow's steps.
 */
export function useFileFlow({ data, state, dispatch, goTo, format }: FlowContext & { format: CsvFormat }) {
  const { t } = useTranslation();
  const [fileSubmitted, setFileSubmitted] = useState(false);
  const fileImport = useFileImport(data, format);
  const importCommit = useImportCommit();
  const importState = fileImport.state;
  const importCount = importState.counts?.valid ?? 0;
  const importTypes = useMemo(() => fileImport.typeIds.map((userType) => ({ userType })), [fileImport.typeIds]);
  const mode = state.mode ?? 'credentials';
  const commitPhase = importCommit.state.phase;

  /** The chosen licences every user type of the file may have, with a seat for every row. */
  const licenses = (() => {
    const { offered } = licenseOffer(data.licenses, data.userTypes, importTypes);
    const usable = new Set(offered.filter((license) => isLicenseAssignable(license, importCount)).map((license) => license.id));
    return state.properties.licenses.filter((id) => usable.has(id));
  })();

  /** "Next" on the method step: a file checked for the other mode (Password column or not) must be checked again. */
  const afterMethod = (): WizardStep => {
    if ((importState.mode && importState.mode !== state.mode) || (importState.format && importState.format !== format)) fileImport.reset();
    const checked = importState.mode === state.mode && importState.format === format && importState.phase === 'done';
    return checked ? 'list' : 'member';
  };

  const canEnter = (step: WizardStep) => {
    if (stepIndex(step) > state.reached) return false;
    if (step === 'list') return importState.jobId !== null && importState.phase === 'done';
    if (step === 'properties' || step === 'summary') return fileImport.ready;
    return true;
  };

  const chooseAnotherFile = () => {
    fileImport.reset();
    importCommit.clear();
    setFileSubmitted(false);
    goTo('member');
  };

  const submit = () => {
    if (!importState.jobId) return;
    const message = state.message.trim();
    const properties = { licenses, groups: state.properties.groups, categories: state.properties.categories, settings: state.properties.settings };
    void importCommit.commit(importState.jobId, { properties, ...(mode === 'invite' && message ? { message } : {}) }).then((error) => {
      // A refusal of the properties is placed on them, like the manual entry's refusals.
      if (isApiError(error) && error.status === 400 && error.fieldErrors.length > 0) {
        dispatch({ type: 'refused', problems: placeServerProblems(wordedFieldErrors(error.fieldErrors, t), [], properties.licenses) });
      }
    });
  };

  const startOver = () => {
    setFileSubmitted(false);
    fileImport.reset();
    importCommit.clear();
  };

  const fileStep = ({ problems, back, next }: StepChrome) => (
    <FileStep
      mode={mode}
      format={format}
      fileImport={fileImport}
      showErrors={fileSubmitted}
      onUploaded={() => goTo('list')}
      problems={problems}
      actions={
        <>
          {back('method')}
          {next(() => {
            setFileSubmitted(true);
            if (importState.phase === 'done') goTo('list');
          }, importState.phase === 'reading' || importState.phase === 'uploading' || importState.phase === 'checking')}
        </>
      }
    />
  );

  /** The file's rows, once the server has them; none before. */
  const rowsStep = ({ problems, back, next }: StepChrome) => {
    if (!importState.jobId) return null;
    const invalid = importState.counts?.invalid ?? 0;
    return (
      <ImportRowsStep
        key={importState.jobId}
        jobId={importState.jobId}
        mode={mode}
        data={data}
        fileImport={fileImport}
        onChooseAnother={chooseAnotherFile}
        problems={problems}
        actions={
          <>
            {back('member')}
            <Group gap="sm">
              {invalid > 0 ? (
                <Text size="sm" c="red.8" data-testid="import-blocking" aria-live="polite">
                  {t('import.rows.blocking', { count: invalid })}
                </Text>
              ) : null}
              {next(() => goTo('properties'), !fileImport.ready)}
            </Group>
          </>
        }
      />
    );
  };

  const summaryFooter = <ImportCommitStatus commit={importCommit.state} mode={mode} onReview={() => goTo('list')} />;

  const submitButton = (
    <Button onClick={submit} loading={commitPhase === 'starting' || commitPhase === 'committing'} leftSection={<IconUserPlus size={16} aria-hidden />} disabled={!fileImport.ready}>
      {t('import.commit.submit')}
    </Button>
  );

  const done = commitPhase === 'committed';
  const job = importCommit.state.job;
  const resultScreen = (onAddMore: () => void) => (done && job ? <ImportResult mode={job.mode} job={job} onAddMore={onAddMore} /> : null);

  return {
    hasFile: importState.file !== null,
    done,
    sending: commitPhase === 'committing' || commitPhase === 'starting',
    /** Rows in the file, for the leave question. */
    rowCount: importState.counts?.total ?? 0,
    licenses,
    propertiesMembers: importTypes,
    memberCount: importCount,
    summaryFile: { name: importState.file?.name ?? '', count: importCount },
    afterMethod,
    canEnter,
    fileStep,
    rowsStep,
    summaryFooter,
    submitButton,
    resultScreen,
    startOver,
  };
}
