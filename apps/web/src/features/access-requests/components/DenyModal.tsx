import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DenyAccessRequestBody, type AccessRequest } from '@sesame/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { AlreadyDecidedError, useDenyAccessRequest } from '../api/queue.ts';
import { AlreadyDecidedAlert } from './AlreadyDecidedAlert.tsx';

/** Denying needs a reason; it is emailed to the requester. */
export function DenyModal({ request, onClose }: { request: AccessRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const deny = useDenyAccessRequest(request.id);
  const name = `${request.firstName} ${request.lastName}`;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<DenyAccessRequestBody>({ resolver: zodResolver(DenyAccessRequestBody), defaultValues: { reason: '' } });

  const onSubmit = handleSubmit((values) => {
    deny.mutate(values, {
      onSuccess: () => {
        notify({ tone: 'success', title: t('accessRequests.deny.done'), message: t('accessRequests.deny.doneBody', { name }) });
        onClose();
      },
    });
  });

  const reasonError = errors.reason ? (errors.reason.type === 'too_big' ? t('accessRequests.deny.reasonTooLong') : t('accessRequests.deny.reasonRequired')) : undefined;

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} fz="lg">{t('accessRequests.deny.title')}</Text>} centered radius="lg" padding="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('accessRequests.deny.intro', { name, email: request.email })}</Text>
          {deny.error instanceof AlreadyDecidedError ? (
            <AlreadyDecidedAlert error={deny.error} />
          ) : deny.isError ? (
            <Alert color="red" variant="light" title={t('accessRequests.deny.failedTitle')} role="alert">
              {problemMessage(deny.error, t)}
            </Alert>
          ) : null}
          <Textarea label={t('accessRequests.deny.reason')} required autosize minRows={3} maxRows={8} data-autofocus error={reasonError} {...register('reason')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={deny.isPending} disabled={deny.error instanceof AlreadyDecidedError}>
              {t('accessRequests.deny.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
