import { MantineProvider, mergeThemeOverrides, type MantineThemeOverride } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from '../theme.ts';

/**
 * Mantine with the app's theme, plus the accessible names Mantine leaves out, in the
 * interface language: every dialog's close button is named (axe-core's button-name rule).
 */
export function AppMantineProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.closeDialog');
  const localized = useMemo(() => {
    const labels: MantineThemeOverride = {
      components: {
        Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
        Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      },
    };
    return mergeThemeOverrides(theme, labels);
  }, [closeLabel]);
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
