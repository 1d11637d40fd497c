import { Alert, Button, Checkbox, Modal, MultiSelect, NumberInput, Stack, Text } from '@mantine/core';
import type { License, Role, UserType } from '@sesame/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useUpdateUserType } from '../api/licenses.ts';
import { serverProblems } from '../server-problems.ts';

/**
 * A user type's seats (or unlimited), compatible roles and add-on licences. The server refuses
 * seats below the members of the type and removing what members rely on; its refusals are
 * shown at their fields.
 */
export function UserTypeDialog({ userType, roles, licenses, onClose }: { userType: UserType; roles: Role[]; licenses: License[]; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const update = useUpdateUserType(userType.id);
  const name = format.name(userType);
  const [unlimited, setUnlimited] = useState(userType.seatLimit === null);
  const [seats, setSeats] = useState<number | string>(userType.seatLimit ?? userType.seatsUsed);
  const [roleIds, setRoleIds] = useState(userType.compatibleRoles.map((r) => r.id));
  const [licenseIds, setLicenseIds] = useState(userType.compatibleLicenses.map((l) => l.id));
  const [seatsInvalid, setSeatsInvalid] = useState(false);
  const problems = serverProblems(update.error, ['seats', 'roleIds', 'licenseIds'] as const, t);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const value = typeof seats === 'number' ? seats : Number.NaN;
    if (!unlimited && !(Number.isInteger(value) && value >= 0)) {
      setSeatsInvalid(true);
      return;
    }
    setSeatsInvalid(false);
    update.mutate(
      { seats: unlimited ? null : value, roleIds, licenseIds },
      {
        onSuccess: () => {
          notify({ tone: 'success', title: t('licensesAdmin.userTypeDialog.saved', { name }) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} fz="lg">{t('licensesAdmin.userTypeDialog.title', { name })}</Text>} centered radius="lg" padding="lg" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problems.general ? (
            <Alert color="red" variant="light" role="alert">
              {problems.general}
            </Alert>
          ) : null}
          <Checkbox label={t('licensesAdmin.userTypeDialog.unlimited')} checked={unlimited} onChange={(e) => setUnlimited(e.currentTarget.checked)} />
          {!unlimited ? (
            <NumberInput
              label={t('licensesAdmin.userTypeDialog.seats')}
              description={t('licensesAdmin.userTypeDialog.seatsHint', { count: userType.seatsUsed })}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={seats}
              onChange={setSeats}
              error={seatsInvalid ? t('licensesAdmin.userTypeDialog.seatsInvalid') : problems.fields.seats}
            />
          ) : problems.fields.seats ? (
            <Text size="sm" c="red">
              {problems.fields.seats}
            </Text>
          ) : null}
          <MultiSelect
            label={t('licensesAdmin.userTypeDialog.roles')}
            data={roles.map((r) => ({ value: r.id, label: format.name(r) }))}
            value={roleIds}
            onChange={setRoleIds}
            searchable
            error={problems.fields.roleIds}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('licensesAdmin.userTypeDialog.licenses')}
            data={licenses.map((l) => ({ value: l.id, label: l.name }))}
            value={licenseIds}
            onChange={setLicenseIds}
            searchable
            error={problems.fields.licenseIds}
            comboboxProps={{ withinPortal: true }}
          />
          <DialogActions onCancel={onClose}>
            <Button type="submit" loading={update.isPending}>
              {t('licensesAdmin.userTypeDialog.save')}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
