import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark.tsx';
import { HeadingBlock } from './HeadingBlock.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import classes from './AuthLayout.module.css';

/** Frame of the pages seen before entering the app: sign-in, password change, access request. */
export function AuthLayout({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box className={classes.page}>
      <Group justify="flex-end" className={classes.topBar}>
        <LanguageSwitch />
      </Group>
      <main className={classes.content}>
        <Stack align="center" gap="lg" w="100%" maw={440}>
          <Stack align="center" gap={6}>
            <BrandMark size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 32 }} w="100%">
            <HeadingBlock title={title} description={description} order={1} fz={24} mb="lg" />
            {children}
          </Paper>
        </Stack>
      </main>
    </Box>
  );
}
