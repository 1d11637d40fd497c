import { Alert, Button, Checkbox, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { CreateGroupBody, type GroupDetail } from '@sesame/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notify } from '../../../lib/notifications.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useCreateGroup, useUpdateGroup } from '../api/groups.ts';
import { OwnerPicker, ownerLabel, type OwnerChoice } from './OwnerPicker.tsx';

/** What the form edits; an existing group's values, or empty for a new one. */
export type GroupFormValues = { id?: string; name: string; description: string; owner: OwnerChoice | null; isDefault: boolean };

export const emptyGroup: GroupFormValues = { name: '', description: '', owner: null, isDefault: false };

export const valuesOf = (g: GroupDetail): GroupFormValues => ({ id: g.id, name: g.name, description: g.description ?? '', owner: { id: g.owner.id, label: ownerLabel(g.owner) }, isDefault: g.isDefault });

/**
 * Creating and editing a group share this one form (name, description, owner, default group),
 * checked with the API's own schema; the server's refusals land on their field (a taken name on
 * the name). Choosing an owner needs View on members (the members list's search); without it a
 * new group is owned by its creator.
 */
export function GroupFormModal({ opened, initial, canPickOwner, onClose }: { opened: boolean; initial: GroupFormValues; canPickOwner: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<'name' | 'description' | 'ownerId', string>>>({});
  const create = useCreateGroup();
  const update = useUpdateGroup(initial.id ?? '');
  const mutation = initial.id ? update : create;
  const editing = initial.id !== undefined;

  const change = (patch: Partial<GroupFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k === 'owner' ? 'ownerId' : k, undefined])) }));
  };

  const submit = async () => {
    const body = {
      name: values.name,
      description: values.description.trim() ? values.description : null,
      ...(values.owner ? { ownerId: values.owner.id } : {}),
      isDefault: values.isDefault,
    };
    const parsed = CreateGroupBody.safeParse(body);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.path[0] === 'name' ? t('groups.form.nameRequired') : issue.message])));
      return;
    }
    const changes = changedFields(initial, parsed.data);
    if (editing && Object.keys(changes).length === 0) return onClose();
    try {
      const saved = editing ? await update.mutateAsync(changes) : await create.mutateAsync(parsed.data);
      notify({ tone: 'success', title: t(editing ? 'groups.saved' : 'groups.created', { name: saved.name }) });
      onClose();
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length) {
        setErrors(Object.fromEntries(error.fieldErrors.map((e) => [String(e.path).split('.')[0], fieldErrorMessage(e, t)])));
      }
    }
  };

  const fieldErrorShown = Object.values(errors).some(Boolean);
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650} fz="lg">{t(editing ? 'groups.form.editTitle' : 'groups.form.createTitle')}</Text>} centered radius="lg" padding="lg" size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <TextInput label={t('groups.form.name')} description={t('groups.form.nameHint')} required value={values.name} maxLength={100} onChange={(e) => change({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <Textarea label={t('groups.form.description')} value={values.description} autosize minRows={2} maxRows={6} maxLength={4000} onChange={(e) => change({ description: e.currentTarget.value })} error={errors.description} />
          {canPickOwner ? (
            <OwnerPicker value={values.owner} onChange={(owner) => change({ owner })} error={errors.ownerId} description={editing ? t('groups.form.ownerHint') : `${t('groups.form.ownerSelf')} ${t('groups.form.ownerHint')}`} />
          ) : null}
          <Checkbox label={t('groups.form.isDefault')} description={t('groups.form.isDefaultHint')} checked={values.isDefault} onChange={(e) => change({ isDefault: e.currentTarget.checked })} />
          {mutation.error && !fieldErrorShown ? (
            <Alert color="red" role="alert">
              {problemMessage(mutation.error, t)}
            </Alert>
          ) : null}
          <DialogActions onCancel={onClose} cancelLabel={t('common.cancel')}>
            <Button type="submit" loading={mutation.isPending}>
              {t(editing ? 'groups.form.save' : 'groups.form.create')}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** Only what changed goes in the PATCH (the audit then records just that). */
function changedFields(initial: GroupFormValues, body: CreateGroupBody) {
  return {
    ...(body.name !== initial.name ? { name: body.name } : {}),
    ...((body.description ?? '') !== initial.description ? { description: body.description ?? null } : {}),
    ...(body.ownerId && body.ownerId !== initial.owner?.id ? { ownerId: body.ownerId } : {}),
    ...(body.isDefault !== initial.isDefault ? { isDefault: body.isDefault ?? false } : {}),
  };
}
