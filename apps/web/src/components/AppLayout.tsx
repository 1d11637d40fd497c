import { Alert, AppShell, Box, Burger, Divider, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { paths } from '../lib/session/guards.ts';
import { useMe } from '../lib/session/session-queries.ts';
import { AppNavigation } from './AppNavigation.tsx';
import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import classes from './AppLayout.module.css';

const flashMessages = ['passwordChanged', 'accountActivated'] as const;
export type FlashMessage = (typeof flashMessages)[number];

/** A one-time message handed over in the navigation state by the page that led here. */
function flashOf(state: unknown): FlashMessage | null {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null;
  return flashMessages.find((message) => message === state.flash) ?? null;
}

/** Frame of the signed-in area: header, section navigation and the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { organization } = useMe();
  const [navOpened, nav] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const flash = flashOf(location.state);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
      className={classes.shell}
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Link to={paths.home} className={classes.brandLink} aria-label={t('app.name')}>
              <BrandMark />
            </Link>
            <Divider orientation="vertical" my={18} visibleFrom="xs" />
            <Text fw={500} c="dimmed" truncate="end" visibleFrom="xs" data-testid="organization-name">
              {organization.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" className={classes.navbar} aria-label={t('nav.label')}>
        <AppNavigation onNavigate={nav.close} />
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Box maw={1440} mx="auto">
          {flash ? (
            <Alert
              variant="light"
              color="teal"
              icon={<IconCircleCheck size={20} aria-hidden />}
              withCloseButton
              closeButtonLabel={t('flash.dismiss')}
              onClose={() => void navigate(location.pathname + location.search, { replace: true, state: null })}
              mb="lg"
              role="status"
            >
              {t(`flash.${flash}`)}
            </Alert>
          ) : null}
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
