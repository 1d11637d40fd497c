import { Alert, Anchor, Divider, Text } from '@mantine/core';
import type { SignInResponse } from '@sesame/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isSafeNext, paths } from '../../../lib/session/guards.ts';
import { setupStatusQueryOptions } from '../../../lib/setup-status.ts';
import { AuthLayout } from '../../../components/AuthLayout.tsx';
import { OrganizationLogins, SsoErrorAlert } from '../components/OrganizationLogins.tsx';
import { SignInForm } from '../components/SignInForm.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const reason = searchParams.get('reason');
  const next = searchParams.get('next');
  // A fresh instance without the demo has nobody to sign in: point to its setup.
  const setupNeeded = useQuery(setupStatusQueryOptions()).data?.needed === true;

  const onSignedIn = ({ mustChangePassword }: SignInResponse) => {
    const destination = mustChangePassword ? paths.changePassword : isSafeNext(next) ? next : paths.home;
    void navigate(destination, { replace: true });
  };

  return (
    <AuthLayout title={t('auth.signIn.title')} description={t('auth.signIn.subtitle')}>
      {reason === 'expired' || reason === 'signed-out' ? (
        <Alert variant="light" color={reason === 'expired' ? 'yellow' : 'lapis'} icon={<IconInfoCircle size={20} aria-hidden />} mb="md" role="status">
          {t(reason === 'expired' ? 'auth.signIn.sessionExpired' : 'auth.signIn.signedOut')}
        </Alert>
      ) : null}
      {setupNeeded ? (
        <Alert variant="light" color="lapis" icon={<IconInfoCircle size={20} aria-hidden />} mb="md" data-testid="setup-needed">
          {t('auth.signIn.setupNeeded')}{' '}
          <Anchor component={Link} to={paths.setup} fw={600}>
            {t('auth.signIn.setupLink')}
          </Anchor>
        </Alert>
      ) : null}
      <SsoErrorAlert />
      <SignInForm onSignedIn={onSignedIn} />
      <Divider my="lg" label={t('auth.sso.or')} labelPosition="center" />
      <OrganizationLogins />
      <Divider my="lg" />
      <Text size="sm" ta="center" c="dimmed">
        {t('auth.signIn.noAccount')}{' '}
        <Anchor component={Link} to={paths.requestAccess} fw={600}>
          {t('auth.signIn.requestAccess')}
        </Anchor>
      </Text>
    </AuthLayout>
  );
}
