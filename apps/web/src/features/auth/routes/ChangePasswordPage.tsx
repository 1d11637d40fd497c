import { Alert, Button, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { homePathFor } from '../../../lib/session/guards.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { useSignOut } from '../../../lib/session/sign-out.ts';
import { AuthLayout } from '../../../components/AuthLayout.tsx';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';

/**
 * Reached voluntarily from the account menu, or forced: while the API reports a pending
 * change the route guards send every page here and the only other way out is signing out.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const { member, mustChangePassword } = me;
  const home = homePathFor(me);
  const signOut = useSignOut();

  const secondaryAction = mustChangePassword ? (
    <Button variant="subtle" color="gray" onClick={() => signOut.mutate()} loading={signOut.isPending}>
      {t('auth.changePassword.signOutInstead')}
    </Button>
  ) : (
    <Button component={Link} to={home} variant="default">
      {t('auth.changePassword.cancel')}
    </Button>
  );

  return (
    <AuthLayout
      title={t('auth.changePassword.title')}
      description={
        <Text component="span" size="sm" c="dimmed">
          {t('auth.changePassword.signedInAs', { username: member.username })}
        </Text>
      }
    >
      {mustChangePassword ? (
        <Alert variant="light" color="yellow" icon={<IconShieldLock size={20} aria-hidden />} mb="lg">
          {t('auth.changePassword.forcedIntro')}
        </Alert>
      ) : (
        <Text size="sm" mb="lg">
          {t('auth.changePassword.intro')}
        </Text>
      )}
      <ChangePasswordForm
        secondaryAction={secondaryAction}
        onChanged={() => void navigate(home, { replace: true, state: { flash: 'passwordChanged' } })}
      />
    </AuthLayout>
  );
}
