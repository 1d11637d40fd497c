import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Stepper, Text } from '@mantine/core';
import { ImportCommitStatus } from '../import/ImportCommitStatus.tsx';
import type { BatchMode, MembersBatchResponse } from '@sesame/contracts';
import { IconArrowLeft, IconArrowRight, IconCheck, IconUserPlus } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useReducer, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCreateMembers } from '../api/create-members.ts';
import { useWizardData } from '../api/wizard-data.ts';
import { AddMembersResult } from '../components/AddMembersResult.tsx';
import { LeaveWizardGuard } from '../components/LeaveWizardGuard.tsx';
import { MemberListStep } from '../components/MemberListStep.tsx';
import { MethodStep, type MemberSource } from '../components/MethodStep.tsx';
import { NewMemberStep } from '../components/NewMemberStep.tsx';
import { ProblemsAlert } from '../components/ProblemsAlert.tsx';
import { PropertiesStep } from '../components/PropertiesStep.tsx';
import { SummaryStep } from '../components/SummaryStep.tsx';
import { FileStep } from '../import/FileStep.tsx';
import { ImportResult } from '../import/ImportResult.tsx';
import { ImportRowsStep } from '../import/ImportRowsStep.tsx';
import { useFileImport, useImportCommit } from '../import/use-file-import.ts';
import { hasMemberEntries, memberFormSchema } from '../member-form.ts';
import classes from './AddMembersPage.module.css';
import {
  buildBatchBody,
  defaultRoleFor,
  defaultUserTypeId,
  effectiveLicenses,
  emptyMemberForm,
  isLicenseAssignable,
  licenseOffer,
  emptyProblems,
  hasProblems,
  initialWizardState,
  MAX_MESSAGE_LENGTH,
  placeServerProblems,
  stepIndex,
  wizardReducer,
  wizardSteps,
  type MemberFormValues,
  type WizardStep,
} from '../wizard-state.ts';

/**
 * The Add Members wizard: Method → New member → Compile member list → Set member
 * properties → Summary, then one all-or-nothing request. Going back and forth keeps
 * everything; leaving with entries asks first.
 */
export function AddMembersPage() {
  const { t } = useTranslation();
  const data = useWizardData();
  const { organization, roles, userTypes } = data;
  const [state, dispatch] = useReducer(wizardReducer, organization, initialWizardState);
  const [result, setResult] = useState<{ mode: BatchMode; response: MembersBatchResponse } | null>(null);
  const [methodSubmitted, setMethodSubmitted] = useState(false);
  const [usernameEdited, setUsernameEdited] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const createMembers = useCreateMembers();
  // "New members from a file": the uploaded file, then its commit.
  const [source, setSource] = useState<MemberSource>('single');
  const [fileSubmitted, setFileSubmitted] = useState(false);
  const fileImport = useFileImport(data);
  const importCommit = useImportCommit();
  const fromFile = source === 'file';
  const importState = fileImport.state;
  const importCount = importState.counts?.valid ?? 0;
  const importTypes = useMemo(() => fileImport.typeIds.map((userType) => ({ userType })), [fileImport.typeIds]);
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });

  // The member form lives here, not in its step, so that going back and forth keeps it.
  const blankForm = (keep?: Pick<MemberFormValues, 'userType' | 'role'>) => {
    const userType = keep?.userType ?? defaultUserTypeId(userTypes, organization);
    const role = keep?.role ?? defaultRoleFor(roles, userTypes.find((type) => type.id === userType), organization, data.giver);
    return emptyMemberForm(userType, role);
  };
  const otherUsernames = useMemo(
    () => state.members.filter((member) => member.id !== state.editingId).map((member) => member.username),
    [state.members, state.editingId],
  );
  const resolver = useMemo(() => zodResolver(memberFormSchema(state.mode, otherUsernames)), [state.mode, otherUsernames]);
  const form = useForm<MemberFormValues>({ defaultValues: blankForm(), resolver });
  const typed = useWatch({ control: form.control, name: ['firstName', 'lastName', 'email', 'password'] });
  const formHasEntries = hasMemberEntries({ firstName: typed[0], lastName: typed[1], email: typed[2], password: typed[3] });

  const editing = state.members.find((member) => member.id === state.editingId) ?? null;
  const mode = state.mode ?? 'credentials';
  const importDone = importCommit.state.phase === 'committed';
  const dirty =
    !result && !importDone && (state.members.length > 0 || formHasEntries || state.message.trim() !== '' || (fromFile && importState.file !== null));
  const licenses = fromFile ? fileLicenses() : effectiveLicenses(state, data.licenses, userTypes);

  /** The chosen licences every user type of the file may have, with a seat for every row. */
  function fileLicenses() {
    const { offered } = licenseOffer(data.licenses, userTypes, importTypes);
    const usable = new Set(offered.filter((license) => isLicenseAssignable(license, importCount)).map((license) => license.id));
    return state.properties.licenses.filter((id) => usable.has(id));
  }

  const goTo = (step: WizardStep) => {
    setAnnouncement('');
    dispatch({ type: 'goTo', step });
  };

  const clearForm = (keep?: Pick<MemberFormValues, 'userType' | 'role'>) => {
    form.reset(blankForm(keep));
    setUsernameEdited(false);
  };

  // --- Step actions ------------------------------------------------------------------

  const leaveMethod = () => {
    setMethodSubmitted(true);
    if (!state.mode || state.message.length > MAX_MESSAGE_LENGTH) return;
    if (fromFile) {
      // A file checked for the other mode (Password column or not) must be checked again.
      if (importState.mode && importState.mode !== state.mode) fileImport.reset();
      const checked = importState.mode === state.mode && importState.phase === 'done';
      goTo(checked ? 'list' : 'member');
      return;
    }
    goTo(state.members.length > 0 && !formHasEntries ? 'list' : 'member');
  };

  const addMember = (then: 'another' | 'list') =>
    form.handleSubmit((values) => {
      dispatch({ type: 'addMember', member: values });
      clearForm({ userType: values.userType, role: values.role });
      if (then === 'another') {
        setAnnouncement(t('addMembers.member.added', { name: `${values.firstName} ${values.lastName}`.trim() }));
        // After the reset has re-rendered the form, so that the focus is not lost again.
        requestAnimationFrame(() => form.setFocus('firstName'));
      } else {
        goTo('list');
      }
    })();

  const saveEdit = () =>
    form.handleSubmit((values) => {
      if (!state.editingId) return;
      dispatch({ type: 'updateMember', id: state.editingId, member: values });
      clearForm({ userType: values.userType, role: values.role });
      goTo('list');
    })();

  const nextFromMember = () => {
    if (editing) return saveEdit();
    // An empty form after "Next, add another" means the admin is done adding.
    if (!formHasEntries && state.members.length > 0) {
      clearForm({ userType: form.getValues('userType'), role: form.getValues('role') });
      return goTo('list');
    }
    return addMember('list');
  };

  const cancelEdit = () => {
    dispatch({ type: 'editMember', id: null });
    clearForm();
    goTo('list');
  };

  const editMember = (id: string) => {
    const member = state.members.find((candidate) => candidate.id === id);
    if (!member) return;
    const { id: _id, ...values } = member;
    dispatch({ type: 'editMember', id });
    form.reset(values);
    setUsernameEdited(true);
    // What the server said about this member is shown on its fields.
    for (const problem of state.problems?.members[id] ?? []) {
      if (problem.field) form.setError(problem.field, { type: 'server', message: problem.message });
    }
    goTo('member');
  };

  const addFromList = () => {
    if (editing) {
      dispatch({ type: 'editMember', id: null });
      clearForm();
    }
    goTo('member');
  };

  const chooseAnotherFile = () => {
    fileImport.reset();
    importCommit.clear();
    setFileSubmitted(false);
    goTo('member');
  };

  const submitFile = () => {
    if (!importState.jobId) return;
    const message = state.message.trim();
    const properties = { licenses, groups: state.properties.groups, categories: state.properties.categories, settings: state.properties.settings };
    void importCommit.commit(importState.jobId, { properties, ...(mode === 'invite' && message ? { message } : {}) }).then((error) => {
      // A refusal of the properties is placed on them, like the manual entry's refusals.
      if (isApiError(error) && error.status === 400 && error.fieldErrors.length > 0) {
        dispatch({ type: 'refused', problems: placeServerProblems(error.fieldErrors, [], properties.licenses) });
      }
    });
  };

  const submit = () => {
    const body = buildBatchBody(state, licenses);
    createMembers.mutate(body, {
      onSuccess: (response) => setResult({ mode: body.mode, response }),
      onError: (error) => {
        if (!isApiError(error) || (error.status !== 400 && error.status !== 409)) return;
        const problems = error.fieldErrors.length
          ? placeServerProblems(error.fieldErrors, state.members, licenses)
          : { ...emptyProblems(), general: [problemMessage(error, t)] };
        dispatch({ type: 'refused', problems });
      },
    });
  };

  const startOver = () => {
    createMembers.reset();
    setResult(null);
    setMethodSubmitted(false);
    setFileSubmitted(false);
    fileImport.reset();
    importCommit.clear();
    clearForm();
    dispatch({ type: 'reset', state: initialWizardState(organization) });
  };

  // --- Rendering ---------------------------------------------------------------------

  const active = stepIndex(state.step);
  const stepLabel = (step: WizardStep) => (fromFile && step === 'member' ? t('import.steps.file') : t(`addMembers.steps.${step}`));
  const canEnter = (step: WizardStep) => {
    const index = stepIndex(step);
    if (index > state.reached) return false;
    if (fromFile) {
      if (step === 'list') return importState.jobId !== null && importState.phase === 'done';
      if (step === 'properties' || step === 'summary') return fileImport.ready;
      return true;
    }
    if (step === 'properties' || step === 'summary') return state.members.length > 0;
    return true;
  };
  const problems = hasProblems(state.problems) ? <ProblemsAlert problems={state.problems} members={state.members} data={data} /> : null;
  const back = (step: WizardStep) => (
    <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => goTo(step)}>
      {t('common.back')}
    </Button>
  );
  const next = (onClick: () => void, disabled = false) => (
    <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={onClick} disabled={disabled}>
      {t('common.next')}
    </Button>
  );

  let content;
  switch (state.step) {
    case 'method':
      content = (
        <MethodStep
          mode={state.mode}
          source={source}
          onSource={setSource}
          message={state.message}
          invitationTtlDays={organization.invitationTtlDays}
          hasPasswords={!fromFile && state.members.some((member) => member.password !== '')}
          showErrors={methodSubmitted}
          messageProblems={state.problems?.message ?? []}
          onMode={(value) => dispatch({ type: 'setMode', mode: value })}
          onMessage={(message) => dispatch({ type: 'setMessage', message })}
          problems={problems}
          actions={
            <>
              <span />
              {next(leaveMethod)}
            </>
          }
        />
      );
      break;
    case 'member':
      if (fromFile) {
        content = (
          <FileStep
            mode={mode}
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
        break;
      }
      content = (
        <NewMemberStep
          form={form}
          data={data}
          mode={mode}
          members={state.members}
          editing={editing}
          usernameEdited={usernameEdited}
          onUsernameEdited={setUsernameEdited}
          announcement={announcement}
          onViewList={() => goTo('list')}
          onSubmit={() => (editing ? saveEdit() : addMember('another'))}
          problems={problems}
          actions={
            editing ? (
              <>
                <Button variant="default" onClick={cancelEdit}>
                  {t('addMembers.member.cancelEdit')}
                </Button>
                <Button type="submit" leftSection={<IconCheck size={16} aria-hidden />}>
                  {t('addMembers.member.save')}
                </Button>
              </>
            ) : (
              <>
                {back('method')}
                <Group gap="sm">
                  <Button type="submit" variant="outline" leftSection={<IconUserPlus size={16} aria-hidden />}>
                    {t('addMembers.member.addAnother')}
                  </Button>
                  {next(nextFromMember)}
                </Group>
              </>
            )
          }
        />
      );
      break;
    case 'list':
      if (fromFile && importState.jobId) {
        const invalid = importState.counts?.invalid ?? 0;
        content = (
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
        break;
      }
      content = (
        <MemberListStep
          data={data}
          mode={mode}
          members={state.members}
          memberProblems={state.problems?.members ?? {}}
          onRemove={(ids) => dispatch({ type: 'removeMembers', ids })}
          onEdit={editMember}
          onAdd={addFromList}
          problems={problems}
          actions={
            <>
              {back('member')}
              {next(() => goTo('properties'), state.members.length === 0)}
            </>
          }
        />
      );
      break;
    case 'properties':
      content = (
        <PropertiesStep
          data={data}
          members={fromFile ? importTypes : state.members}
          {...(fromFile ? { memberCount: importCount } : {})}
          properties={state.properties}
          licenseProblems={state.problems?.licenses ?? {}}
          onChange={(properties) => dispatch({ type: 'setProperties', properties })}
          onBackToList={() => goTo('list')}
          problems={problems}
          actions={
            <>
              {back('list')}
              {next(() => goTo('summary'))}
            </>
          }
        />
      );
      break;
    case 'summary':
      content = (
        <SummaryStep
          data={data}
          mode={mode}
          message={state.message}
          members={state.members}
          properties={state.properties}
          licenses={licenses}
          onEdit={goTo}
          file={fromFile ? { name: importState.file?.name ?? '', count: importCount } : undefined}
          footer={fromFile ? <ImportCommitStatus commit={importCommit.state} mode={mode} onReview={() => goTo('list')} /> : null}
          problems={problems}
          error={
            fromFile ? null : createMembers.isError && !(isApiError(createMembers.error) && [400, 409].includes(createMembers.error.status)) ? (
              <ProblemAlert title={t('addMembers.problems.title')} error={createMembers.error} />
            ) : null
          }
          actions={
            <>
              {back('properties')}
              {fromFile ? (
                <Button
                  onClick={submitFile}
                  loading={importCommit.state.phase === 'starting' || importCommit.state.phase === 'committing'}
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                  disabled={!fileImport.ready}
                >
                  {t('import.commit.submit')}
                </Button>
              ) : (
                <Button onClick={submit} loading={createMembers.isPending} leftSection={<IconUserPlus size={16} aria-hidden />} disabled={state.members.length === 0}>
                  {t('addMembers.summary.submit')}
                </Button>
              )}
            </>
          }
        />
      );
      break;
  }

  return (
    <>
      <PageHeader title={t('addMembers.title')} description={t('addMembers.subtitle')} />
      <LeaveWizardGuard
        when={dirty && !createMembers.isPending && importCommit.state.phase !== 'committing' && importCommit.state.phase !== 'starting'}
        memberCount={fromFile ? (importState.counts?.total ?? 0) : state.members.length}
      />
      {importDone && importCommit.state.job ? (
        <ImportResult mode={importCommit.state.job.mode} job={importCommit.state.job} onAddMore={startOver} />
      ) : result ? (
        <AddMembersResult mode={result.mode} response={result.response} invitationTtlDays={organization.invitationTtlDays} onAddMore={startOver} />
      ) : (
        <Paper withBorder radius="lg" shadow="xs" className={classes.wizard}>
          <nav aria-label={t('addMembers.stepperLabel')} className={classes.steps}>
            <Stepper
              active={active}
              onStepClick={(index) => {
                const step = wizardSteps[index];
                if (step && canEnter(step)) goTo(step);
              }}
              orientation={wide ? 'vertical' : 'horizontal'}
              size="sm"
              iconSize={wide ? 34 : 28}
              wrap={false}
              contentPadding={0}
            >
              {wizardSteps.map((step, index) => (
                <Stepper.Step
                  key={step}
                  label={wide ? stepLabel(step) : undefined}
                  aria-label={stepLabel(step)}
                  allowStepSelect={index !== active && canEnter(step)}
                  aria-current={index === active ? 'step' : undefined}
                />
              ))}
            </Stepper>
            <Text size="xs" c="dimmed" mt={wide ? 'lg' : 'xs'} aria-live="polite" data-testid="wizard-step-status">
              {t('addMembers.stepOf', { current: active + 1, total: wizardSteps.length })}
            </Text>
          </nav>
          <div className={classes.content}>{content}</div>
        </Paper>
      )}
    </>
  );
}
