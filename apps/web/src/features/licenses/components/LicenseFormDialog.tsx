import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { CreateLicenseBody, type License, type UserType } from '@sesame/contracts';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useCreateLicense, useUpdateLicense } from '../api/licenses.ts';
import { serverProblems } from '../server-problems.ts';

const fields = ['name', 'seats', 'userTypeIds'] as const;

/**
 * One form for creating and editing an add-on licence (name, seats, compatible user types),
 * checked with the API's own schema; the server's refusals (a taken name, seats below those
 * used, a user type whose members hold it) are shown at their fields.
 */
export function LicenseFormDialog({ license, compatibleTypeIds, userTypes, onClose }: { license: License | null; compatibleTypeIds: string[]; userTypes: UserType[]; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const create = useCreateLicense();
  const update = useUpdateLicense(license?.id ?? '');
  const mutation = license ? update : create;
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreateLicenseBody>({
    resolver: zodResolver(CreateLicenseBody),
    defaultValues: { name: license?.name ?? '', seats: license?.seatsTotal ?? 1, userTypeIds: compatibleTypeIds },
  });
  const problems = serverProblems(mutation.error, fields, t);
  useEffect(() => {
    for (const field of fields) {
      const message = problems.fields[field];
      if (message) setError(field, { type: 'server', message });
    }
    // Placed once per refusal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mutation.error]);

  const messageOf = (field: (typeof fields)[number]): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    if (error.type === 'server') return error.message;
    if (field === 'name') return error.type === 'too_big' ? t('licensesAdmin.licenseDialog.nameTooLong') : t('licensesAdmin.licenseDialog.nameRequired');
    if (field === 'seats') return t('licensesAdmin.licenseDialog.seatsInvalid');
    return error.message;
  };

  const onSubmit = handleSubmit((values) => {
    const done = (saved: { name: string }) => {
      notify({ tone: 'success', title: t(license ? 'licensesAdmin.licenseDialog.saved' : 'licensesAdmin.licenseDialog.created', { name: saved.name }) });
      onClose();
    };
    if (license) update.mutate(values, { onSuccess: done });
    else create.mutate(values, { onSuccess: done });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650} fz="lg">{license ? t('licensesAdmin.licenseDialog.editTitle', { name: license.name }) : t('licensesAdmin.licenseDialog.createTitle')}</Text>}
      centered
      radius="lg"
      padding="lg"
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {problems.general ? (
            <Alert color="red" variant="light" role="alert">
              {problems.general}
            </Alert>
          ) : null}
          <TextInput label={t('licensesAdmin.licenseDialog.name')} required error={messageOf('name')} {...register('name')} />
          <Controller
            control={control}
            name="seats"
            render={({ field }) => (
              <NumberInput
                label={t('licensesAdmin.licenseDialog.seats')}
                description={license && license.seatsUsed > 0 ? t('licensesAdmin.licenseDialog.seatsHint', { count: license.seatsUsed }) : undefined}
                required
                min={0}
                allowDecimal={false}
                allowNegative={false}
                name={field.name}
                ref={field.ref}
                onBlur={field.onBlur}
                value={Number.isNaN(field.value) ? '' : field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                error={messageOf('seats')}
              />
            )}
          />
          <Controller
            control={control}
            name="userTypeIds"
            render={({ field }) => (
              <Checkbox.Group label={t('licensesAdmin.licenseDialog.userTypes')} description={t('licensesAdmin.licenseDialog.userTypesHint')} value={field.value} onChange={field.onChange} error={messageOf('userTypeIds')}>
                <Stack gap={6} mt="xs">
                  {userTypes.map((type) => (
                    <Checkbox key={type.id} value={type.id} label={format.name(type)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          />
          <DialogActions onCancel={onClose}>
            <Button type="submit" loading={mutation.isPending}>
              {license ? t('licensesAdmin.licenseDialog.save') : t('licensesAdmin.licenseDialog.create')}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
