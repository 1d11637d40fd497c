import { Paper, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useOrganizationLoginTypes } from '../api/organization-logins.ts';
import { useWizardData } from '../api/wizard-data.ts';
import { LeaveWizardGuard } from '../components/LeaveWizardGuard.tsx';
import { MethodStep, type MemberSource } from '../components/MethodStep.tsx';
import { ProblemsAlert } from '../components/ProblemsAlert.tsx';
import { PropertiesStep } from '../components/PropertiesStep.tsx';
import { SummaryStep } from '../components/SummaryStep.tsx';
import type { StepChrome } from '../flows/flow.ts';
import { BackButton, NextButton } from '../flows/StepButtons.tsx';
import { useFileFlow } from '../flows/use-file-flow.tsx';
import { useManualFlow } from '../flows/use-manual-flow.tsx';
import classes from './AddMembersPage.module.css';
import { hasProblems, initialWizardState, MAX_MESSAGE_LENGTH, stepIndex, wizardReducer, wizardSteps, type WizardStep } from '../wizard-state.ts';

/**
 * The Add Members wizard: Method → New member → Compile member list → Set member
 * properties → Summary. Members come one by one (flows/use-manual-flow) or from a file
 * (flows/use-file-flow); both share the method, properties and summary steps. Going back
 * and forth keeps everything; leaving with entries asks first.
 */
export function AddMembersPage() {
  const { t } = useTranslation();
  const data = useWizardData();
  const { organization } = data;
  const [state, dispatch] = useReducer(wizardReducer, organization, initialWizardState);
  const [methodSubmitted, setMethodSubmitted] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [source, setSource] = useState<MemberSource>('single');
  const fromFile = source === 'file';
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });

  const goTo = (step: WizardStep) => {
    setAnnouncement('');
    dispatch({ type: 'goTo', step });
  };
  const orgTypes = useOrganizationLoginTypes(organization.allowedIdentityTypes);
  const flow = { data, state, dispatch, goTo };
  const manual = useManualFlow({ ...flow, announcement, setAnnouncement, orgTypes });
  const file = useFileFlow({ ...flow, format: state.login === 'organization' ? 'org-login' : 'builtin' });

  const mode = state.mode ?? 'credentials';
  const dirty =
    !manual.done && !file.done && (state.members.length > 0 || manual.formHasEntries || state.message.trim() !== '' || (fromFile && file.hasFile));
  const licenses = fromFile ? file.licenses : manual.licenses;

  const leaveMethod = () => {
    setMethodSubmitted(true);
    if (!state.mode || state.message.length > MAX_MESSAGE_LENGTH) return;
    goTo(fromFile ? file.afterMethod() : manual.afterMethod);
  };

  const startOver = () => {
    manual.startOver();
    file.startOver();
    setMethodSubmitted(false);
    dispatch({ type: 'reset', state: initialWizardState(organization) });
  };

  const active = stepIndex(state.step);
  const stepLabel = (step: WizardStep) => (fromFile && step === 'member' ? t('import.steps.file') : t(`addMembers.steps.${step}`));
  const canEnter = (step: WizardStep) => {
    if (fromFile) return file.canEnter(step);
    if (stepIndex(step) > state.reached) return false;
    if (step === 'properties' || step === 'summary') return state.members.length > 0;
    return true;
  };
  const chrome: StepChrome = {
    problems: hasProblems(state.problems) ? <ProblemsAlert problems={state.problems} members={state.members} data={data} /> : null,
    back: (step) => <BackButton onClick={() => goTo(step)} />,
    next: (onClick, disabled) => <NextButton onClick={onClick} disabled={disabled} />,
  };
  const { problems, back, next } = chrome;

  let content;
  switch (state.step) {
    case 'method':
      content = (
        <MethodStep
          login={state.login}
          organizationLoginsAvailable={orgTypes.length > 0}
          onLogin={(login) => {
            const identityType = login === 'organization' ? (orgTypes[0] ?? '') : '';
            dispatch({ type: 'setLogin', login, identityType });
            manual.loginChanged(identityType);
          }}
          mode={state.mode}
          source={source}
          onSource={setSource}
          message={state.message}
          invitationTtlDays={organization.invitationTtlDays}
          hasPasswords={!fromFile && state.login === 'builtin' && state.members.some((member) => member.password !== '')}
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
      content = fromFile ? file.fileStep(chrome) : manual.memberStep(chrome);
      break;
    case 'list':
      content = (fromFile ? file.rowsStep(chrome) : null) ?? manual.listStep(chrome);
      break;
    case 'properties':
      content = (
        <PropertiesStep
          data={data}
          members={fromFile ? file.propertiesMembers : state.members}
          {...(fromFile ? { memberCount: file.memberCount } : {})}
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
          login={state.login}
          mode={mode}
          message={state.message}
          members={state.members}
          properties={state.properties}
          licenses={licenses}
          onEdit={goTo}
          file={fromFile ? file.summaryFile : undefined}
          footer={fromFile ? file.summaryFooter : null}
          problems={problems}
          error={fromFile ? null : manual.summaryError}
          actions={
            <>
              {back('properties')}
              {fromFile ? file.submitButton : manual.submitButton}
            </>
          }
        />
      );
      break;
  }

  return (
    <>
      <PageHeader title={t('addMembers.title')} description={t('addMembers.subtitle')} />
      <LeaveWizardGuard when={dirty && !manual.sending && !file.sending} memberCount={fromFile ? file.rowCount : state.members.length} />
      {file.resultScreen(startOver) ?? manual.resultScreen(startOver) ?? (
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
                  aria-label={t('addMembers.stepButton', { number: index + 1, label: stepLabel(step) })}
                  // The number drawn by CSS: the button's visible text is its label, part of "Étape 1 : Méthode" (WCAG 2.5.3).
                  icon={<span className="step-number" data-number={index + 1} />}
                  progressIcon={<span className="step-number" data-number={index + 1} />}
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
