import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Textarea, ThemeIcon } from '@mantine/core';
import { CreateAccessRequestBody } from '@sesame/contracts';
import { IconAlertCircle, IconArrowLeft, IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/AuthLayout.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { paths } from '../../../lib/session/guards.ts';
import { useSubmitAccessRequest } from '../api/public.ts';

type FormValues = CreateAccessRequestBody;

/** Public form: a person without an account asks the organization's contacts for access. */
export function RequestAccessPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const submit = useSubmitAccessRequest();
  const [sent, setSent] = useState<{ organization: string; email: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    getValues,
    formState: { errors },
  } = useForm<FormValues>({
    resolver: zodResolver(CreateAccessRequestBody),
    defaultValues: { organization: searchParams.get('organization') ?? '', firstName: '', lastName: '', email: '', message: '' },
  });

  const onSubmit = handleSubmit((values) => {
    const body: CreateAccessRequestBody = { ...values, message: values.message || undefined, language: currentLanguage() };
    submit.mutate(body, { onSuccess: () => setSent({ organization: values.organization, email: values.email }) });
  });

  if (sent) {
    return (
      <AuthLayout title={t('accessRequests.request.sent.title')}>
        <Stack gap="md" align="flex-start" data-testid="access-request-sent">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
            <IconMailForward size={26} />
          </ThemeIcon>
          <Text>{t('accessRequests.request.sent.body', { organization: sent.organization, email: sent.email })}</Text>
          <Text fw={600}>{t('accessRequests.request.sent.onlyAfterConfirm')}</Text>
          <Text size="sm" c="dimmed">
            {t('accessRequests.request.sent.noMail')}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              onClick={() => {
                submit.reset();
                reset({ ...getValues(), message: '' });
                setSent(null);
              }}
            >
              {t('accessRequests.request.sent.again')}
            </Button>
            <Button component={Link} to={paths.signIn} variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
              {t('accessRequests.request.back')}
            </Button>
          </Group>
        </Stack>
      </AuthLayout>
    );
  }

  const fieldError = (field: keyof FormValues) => (errors[field] ? t(`accessRequests.request.errors.${field as Exclude<keyof FormValues, 'language'>}`) : undefined);

  return (
    <AuthLayout title={t('accessRequests.request.title')} description={t('accessRequests.request.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {submit.isError ? (
            <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={t('accessRequests.request.failedTitle')} role="alert">
              {isApiError(submit.error, 'rate_limited') ? t('accessRequests.request.rateLimited') : problemMessage(submit.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t('accessRequests.request.organization')}
            description={t('accessRequests.request.organizationHint')}
            autoCapitalize="none"
            spellCheck={false}
            required
            error={fieldError('organization')}
            {...register('organization')}
          />
          <Group grow align="flex-start">
            <TextInput label={t('accessRequests.request.firstName')} autoComplete="given-name" required error={fieldError('firstName')} {...register('firstName')} />
            <TextInput label={t('accessRequests.request.lastName')} autoComplete="family-name" required error={fieldError('lastName')} {...register('lastName')} />
          </Group>
          <TextInput
            type="email"
            label={t('accessRequests.request.email')}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={fieldError('email')}
            {...register('email')}
          />
          <Textarea
            label={t('accessRequests.request.message')}
            description={t('accessRequests.request.messageHint')}
            autosize
            minRows={3}
            maxRows={8}
            error={fieldError('message')}
            {...register('message')}
          />
          <Button type="submit" size="md" fullWidth loading={submit.isPending} mt="xs">
            {t('accessRequests.request.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to={paths.signIn}>
              {t('accessRequests.request.back')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
