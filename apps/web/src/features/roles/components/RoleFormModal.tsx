import { Alert, Button, Modal, MultiSelect, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { privilegeAreas, viewOnlyAreas, type PrivilegeLevel, type Privileges, type RoleDetail, type RoleGiver, type UserType } from '@sesame/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useCreateRole, useUpdateRole } from '../api/roles.ts';
import { choicesFor, levelAllowed, levelsBody, noLevels } from '../role-rules.ts';

interface Props {
  /** The role to edit; none: a new role. */
  role: RoleDetail | null;
  userTypes: readonly UserType[];
  me: RoleGiver;
  onClose: () => void;
}

/** Create or edit a custom role: a name, a level per area (never above one's own), its compatible user types. */
export function RoleFormModal({ role, userTypes, me, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const [name, setName] = useState(role ? format.name(role) : '');
  const [levels, setLevels] = useState<Privileges>(role ? { ...noLevels(), ...role.levels } : noLevels());
  const [userTypeIds, setUserTypeIds] = useState<string[]>(role ? role.userTypeIds : []);
  const [nameMissing, setNameMissing] = useState(false);

  const fieldError = (path: string) => {
    const error = isApiError(mutation.error) ? mutation.error.fieldErrors.find((e) => e.path === path || e.path.startsWith(`${path}.`)) : undefined;
    return error ? fieldErrorMessage(error, t) : undefined;
  };
  const nameError = nameMissing ? t('roles.form.nameRequired') : fieldError('name');
  // Field errors of the name are shown on the field; every other refusal above the buttons.
  const otherError = mutation.error && !(isApiError(mutation.error) && mutation.error.fieldErrors.length > 0 && mutation.error.fieldErrors.every((e) => e.path === 'name')) ? mutation.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) {
      setNameMissing(true);
      return;
    }
    const body = { name: trimmed, levels: levelsBody(levels), userTypeIds };
    const done = (saved: RoleDetail) => {
      notify({ tone: 'success', title: role ? t('common.saved') : t('roles.create'), message: t(role ? 'roles.form.saved' : 'roles.form.created', { name: format.name(saved) }) });
      onClose();
    };
    if (role) update.mutate({ id: role.id, body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  const title = role ? t('roles.form.editTitle', { name: format.name(role) }) : t('roles.form.createTitle');
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} fz="lg">{title}</Text>} size="xl" centered radius="lg" padding="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <TextInput
            label={t('roles.form.name')}
            description={t('roles.form.nameHint')}
            value={name}
            maxLength={100}
            required
            data-autofocus
            error={nameError}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameMissing(false);
            }}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="role-levels-label">
              {t('roles.form.levels')}
            </Text>
            <Table verticalSpacing={4} aria-labelledby="role-levels-label" data-testid="role-levels">
              <Table.Tbody>
                {privilegeAreas.map((area) => (
                  <Table.Tr key={area}>
                    <Table.Td>
                      <Text size="sm" id={`role-level-${area}`}>
                        {t(`privileges.areas.${area}`)}
                      </Text>
                      {viewOnlyAreas.includes(area) ? (
                        <Text size="xs" c="dimmed">
                          {t('roles.form.viewOnly')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">
                      <SegmentedControl
                        size="xs"
                        aria-labelledby={`role-level-${area}`}
                        data-testid={`role-level-${area}`}
                        value={levels[area]}
                        onChange={(value) => setLevels((current) => ({ ...current, [area]: value as PrivilegeLevel }))}
                        data={choicesFor(area).map((level) => {
                          const allowed = levelAllowed(me, area, level);
                          const label = t(`privileges.levels.${level}`);
                          return {
                            value: level,
                            disabled: !allowed,
                            label: allowed ? (
                              label
                            ) : (
                              <Tooltip label={t('roles.form.levelAboveOwn')}>
                                <span title={t('roles.form.levelAboveOwn')}>{label}</span>
                              </Tooltip>
                            ),
                          };
                        })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <MultiSelect
            label={t('roles.form.userTypes')}
            description={t('roles.form.userTypesHint')}
            placeholder={userTypeIds.length ? undefined : t('roles.form.userTypesPlaceholder')}
            data={userTypes.map((u) => ({ value: u.id, label: format.name(u) }))}
            value={userTypeIds}
            onChange={setUserTypeIds}
            error={fieldError('userTypeIds')}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          {otherError ? (
            <Alert color="red" role="alert">
              {problemMessage(otherError, t)}
            </Alert>
          ) : null}
          <DialogActions onCancel={onClose}>
            <Button type="submit" loading={mutation.isPending}>
              {role ? t('roles.form.submitEdit') : t('roles.form.submitCreate')}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
