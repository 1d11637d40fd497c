import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group } from '@mantine/core';
import type { BatchMode, MembersBatchResponse } from '@sesame/contracts';
import { IconCheck, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage, wordedFieldErrors } from '../../../lib/problem-message.ts';
import { useCreateMembers } from '../api/create-members.ts';
import { suggestionQueryOptions } from '../api/username-suggestion.ts';
import { AddMembersResult } from '../components/AddMembersResult.tsx';
import { MemberListStep } from '../components/MemberListStep.tsx';
import { NewMemberStep } from '../components/NewMemberStep.tsx';
import { hasMemberEntries, memberFormSchema } from '../member-form.ts';
import {
  buildBatchBody,
  defaultRoleFor,
  defaultUserTypeId,
  effectiveLicenses,
  emptyMemberForm,
  emptyProblems,
  placeServerProblems,
  type MemberFormValues,
  type OrgIdentityType,
} from '../wizard-state.ts';
import type { FlowContext, StepChrome } from './flow.ts';

interface ManualFlowOptions extends FlowContext {
  /** Polite announcement after "Next, add another"; the page clears it on every step change. */
  announcement: string;
  setAnnouncement: (text: string) => void;
  /** The organization-login identity types the organization has a provider for. */
  orgTypes: readonly OrgIdentityType[];
}

/**
 * "New members one by one": the member form (kept here, not in its step, so that going
 * back and forth keeps it), the list it fills, and the one all-or-nothing request.
 */
export function useManualFlow({ data, state, dispatch, goTo, announcement, setAnnouncement, orgTypes }: ManualFlowOptions) {
  const { t } = useTranslation();
  const { organization, roles, userTypes } = data;
  const [result, setResult] = useState<{ mode: BatchMode; response: MembersBatchResponse } | null>(null);
  const [usernameEdited, setUsernameEditedState] = useState(false);
  // Read after an await (a click waits for the username proposal): the latest value, not the render's.
  const usernameEditedNow = useRef(false);
  const setUsernameEdited = (edited: boolean) => {
    usernameEditedNow.current = edited;
    setUsernameEditedState(edited);
  };
  const submitting = useRef(false);
  const queryClient = useQueryClient();
  const createMembers = useCreateMembers();

  const defaultIdentityType = state.login === 'organization' ? (orgTypes[0] ?? '') : '';
  const blankForm = (keep?: Pick<MemberFormValues, 'userType' | 'role'>) => {
    const userType = keep?.userType ?? defaultUserTypeId(userTypes, organization);
    const role = keep?.role ?? defaultRoleFor(roles, userTypes.find((type) => type.id === userType), organization, data.giver);
    return emptyMemberForm(userType, role, defaultIdentityType);
  };
  const otherUsernames = useMemo(
    () => state.members.filter((member) => member.id !== state.editingId).map((member) => member.username),
    [state.members, state.editingId],
  );
  const resolver = useMemo(() => zodResolver(memberFormSchema(state.mode, otherUsernames, state.login)), [state.mode, otherUsernames, state.login]);
  const form = useForm<MemberFormValues>({ defaultValues: blankForm(), resolver });
  const typed = useWatch({ control: form.control, name: ['firstName', 'lastName', 'email', 'password'] });
  const formHasEntries = hasMemberEntries({ firstName: typed[0], lastName: typed[1], email: typed[2], password: typed[3] });

  const editing = state.members.find((member) => member.id === state.editingId) ?? null;
  const mode = state.mode ?? 'credentials';
  const licenses = effectiveLicenses(state, data.licenses, userTypes);

  const clearForm = (keep?: Pick<MemberFormValues, 'userType' | 'role'>) => {
    form.reset(blankForm(keep));
    setUsernameEdited(false);
  };

  /**
   * A click that comes before the username proposal (typing pauses 300 ms before one is
   * asked) waits for it instead of failing on an empty username: the proposal for what is
   * typed now is fetched (or the request already running is joined) and filled in, unless
   * the administrator has typed a username of their own meanwhile.
   */
  const fillProposedUsername = async () => {
    // An organization login's username is the provider's identifier, never proposed.
    if (usernameEditedNow.current || state.login === 'organization') return;
    const { firstName, lastName, email } = form.getValues();
    const params = { firstName: firstName.trim(), lastName: lastName.trim(), email: email.trim(), exclude: otherUsernames };
    if (`${params.firstName}${params.lastName}${params.email}` === '') return;
    try {
      const { username } = await queryClient.fetchQuery(suggestionQueryOptions(params));
      if (!usernameEditedNow.current && username !== form.getValues('username')) form.setValue('username', username, { shouldDirty: true });
    } catch {
      // No proposal: the form's own check says the username is missing.
    }
  };

  /** One submission at a time: a second click while the first waits for the proposal is the same click. */
  const submitOnce = async (submit: () => Promise<void>) => {
    if (submitting.current) return;
    submitting.current = true;
    try {
      await fillProposedUsername();
      await submit();
    } finally {
      submitting.current = false;
    }
  };

  const addMember = (then: 'another' | 'list') =>
    submitOnce(form.handleSubmit((values) => {
      dispatch({ type: 'addMember', member: values });
      clearForm({ userType: values.userType, role: values.role });
      if (then === 'another') {
        setAnnouncement(t('addMembers.member.added', { name: `${values.firstName} ${values.lastName}`.trim() }));
        // After the reset has re-rendered the form, so that the focus is not lost again.
        requestAnimationFrame(() => form.setFocus('firstName'));
      } else {
        goTo('list');
      }
    }));

  const saveEdit = () =>
    submitOnce(form.handleSubmit((values) => {
      if (!state.editingId) return;
      dispatch({ type: 'updateMember', id: state.editingId, member: values });
      clearForm({ userType: values.userType, role: values.role });
      goTo('list');
    }));

  const nextFromMember = () => {
    if (editing) {
      void saveEdit();
      return;
    }
    // An empty form after "Next, add another" means the admin is done adding.
    if (!formHasEntries && state.members.length > 0) {
      clearForm({ userType: form.getValues('userType'), role: form.getValues('role') });
      goTo('list');
      return;
    }
    void addMember('list');
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

  const submit = () => {
    const body = buildBatchBody(state, licenses);
    createMembers.mutate(body, {
      onSuccess: (response) => setResult({ mode: body.mode, response }),
      onError: (error) => {
        if (!isApiError(error) || (error.status !== 400 && error.status !== 409)) return;
        const problems = error.fieldErrors.length
          ? placeServerProblems(wordedFieldErrors(error.fieldErrors, t), state.members, licenses)
          : { ...emptyProblems(), general: [problemMessage(error, t)] };
        dispatch({ type: 'refused', problems });
      },
    });
  };

  /** The method's login changed: the form's identity type and password follow it. */
  const loginChanged = (identityType: string) => {
    form.setValue('identityType', identityType);
    form.setValue('password', '');
    if (identityType) setUsernameEdited(form.getValues('username') !== '');
  };

  const startOver = () => {
    createMembers.reset();
    setResult(null);
    clearForm();
  };

  const memberStep = ({ problems, back, next }: StepChrome) => (
    <NewMemberStep
      form={form}
      data={data}
      mode={mode}
      login={state.login}
      orgTypes={orgTypes}
      members={state.members}
      editing={editing}
      usernameEdited={usernameEdited}
      onUsernameEdited={setUsernameEdited}
      announcement={announcement}
      onViewList={() => goTo('list')}
      onSubmit={() => void (editing ? saveEdit() : addMember('another'))}
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

  const listStep = ({ problems, back, next }: StepChrome) => (
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

  const summaryError =
    createMembers.isError && !(isApiError(createMembers.error) && [400, 409].includes(createMembers.error.status)) ? (
      <ProblemAlert title={t('addMembers.problems.title')} error={createMembers.error} />
    ) : null;

  const submitButton = (
    <Button onClick={submit} loading={createMembers.isPending} leftSection={<IconUserPlus size={16} aria-hidden />} disabled={state.members.length === 0}>
      {t('addMembers.summary.submit')}
    </Button>
  );

  const resultScreen = (onAddMore: () => void) =>
    result ? <AddMembersResult mode={result.mode} response={result.response} invitationTtlDays={organization.invitationTtlDays} onAddMore={onAddMore} /> : null;

  return {
    formHasEntries,
    done: result !== null,
    sending: createMembers.isPending,
    licenses,
    /** Where "Next" on the method step leads: back to the list when the form is empty. */
    afterMethod: state.members.length > 0 && !formHasEntries ? ('list' as const) : ('member' as const),
    memberStep,
    listStep,
    summaryError,
    submitButton,
    resultScreen,
    startOver,
    loginChanged,
  };
}
