import { Alert, Anchor, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { SsoFailureReason } from '@sesame/contracts';
import { IconAlertCircle, IconBuilding } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { problemMessage } from '../../../lib/problem-message.ts';
import { signInProvidersQueryOptions, ssoStartUrl } from '../api/organization-logins.ts';

/** Why an organization login failed (`?sso_error=`), worded in the interface language. */
export function SsoErrorAlert() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const raw = searchParams.get('sso_error');
  if (!raw) return null;
  const reason = SsoFailureReason.safeParse(raw);
  return (
    <Alert variant="light" color="red" icon={<IconAlertCircle size={20} aria-hidden />} title={t('auth.sso.errorTitle')} mb="md" role="alert" data-testid="sso-error">
      {t(`auth.sso.errors.${reason.success ? reason.data : 'unknown'}`)}
    </Alert>
  );
}

/**
 * Organization logins on the sign-in page: with `?organization=<slug>`, a button per identity
 * provider of that organization; otherwise a link that asks for the organization's identifier.
 */
export function OrganizationLogins() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const organization = searchParams.get('organization')?.trim() ?? '';
  const [asking, setAsking] = useState(false);
  const [identifier, setIdentifier] = useState('');
  const [missing, setMissing] = useState(false);
  const providers = useQuery(signInProvidersQueryOptions(organization));

  const choose = () => {
    const slug = identifier.trim();
    if (!slug) {
      setMissing(true);
      return;
    }
    setAsking(false);
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      next.set('organization', slug);
      next.delete('sso_error');
      return next;
    });
  };

  if (organization) {
    return (
      <Stack gap="sm" data-testid="organization-logins">
        {providers.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} mx="auto" />
        ) : providers.error ? (
          <Alert variant="light" color="red" role="alert">
            {problemMessage(providers.error, t)}
          </Alert>
        ) : providers.data.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.sso.noProvider', { organization })}
          </Text>
        ) : (
          providers.data.map((provider) => (
            <Button key={provider.id} component="a" href={ssoStartUrl(provider.id)} variant="default" size="md" fullWidth leftSection={<IconBuilding size={18} aria-hidden />}>
              {t('auth.sso.signInWith', { name: provider.name })}
            </Button>
          ))
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="center"
          onClick={() => {
            setIdentifier(organization);
            setSearchParams((params) => {
              const next = new URLSearchParams(params);
              next.delete('organization');
              return next;
            });
            setAsking(true);
          }}
        >
          {t('auth.sso.otherOrganization')}
        </Anchor>
      </Stack>
    );
  }

  if (!asking) {
    return (
      <Text size="sm" ta="center">
        <Anchor component="button" type="button" fw={600} onClick={() => setAsking(true)}>
          {t('auth.sso.useOrganization')}
        </Anchor>
      </Text>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        choose();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('auth.sso.organization')}
          description={t('auth.sso.organizationHint')}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          autoFocus
          value={identifier}
          error={missing && !identifier.trim() ? t('auth.sso.organizationRequired') : undefined}
          onChange={(event) => setIdentifier(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('auth.sso.continue')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
