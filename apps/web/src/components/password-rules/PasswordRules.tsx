import { List, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconPoint, IconServer, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RuleLine, RuleState } from './password-rules.ts';

const look: Record<RuleState, { color: string; text: string; variant: 'filled' | 'light' }> = {
  met: { color: 'teal', text: 'teal.8', variant: 'filled' },
  unmet: { color: 'gray', text: 'dimmed', variant: 'light' },
  server: { color: 'gray', text: 'dimmed', variant: 'light' },
  refused: { color: 'red', text: 'red.8', variant: 'filled' },
};

const icons: Record<RuleState, typeof IconCheck> = { met: IconCheck, unmet: IconPoint, server: IconServer, refused: IconX };

/** Every rule of a new password, each marked met, not met, checked by the server on submit, or refused by it. */
export function PasswordRules({ id, lines }: { id: string; lines: readonly RuleLine[] }) {
  const { t } = useTranslation();
  return (
    <List id={id} size="sm" spacing={4} center aria-label={t('auth.changePassword.requirements.label')} data-testid="password-rules">
      {lines.map(({ code, params, state }) => {
        const Icon = icons[state];
        return (
          <List.Item
            key={code}
            c={look[state].text}
            data-rule={code}
            data-state={state}
            icon={
              <ThemeIcon size={18} radius="xl" color={look[state].color} variant={look[state].variant} aria-hidden>
                <Icon size={12} stroke={state === 'met' || state === 'refused' ? 3 : 2} />
              </ThemeIcon>
            }
          >
            {t(`auth.changePassword.requirements.rules.${code}`, params)}
            {state === 'server' ? ` (${t('auth.changePassword.requirements.checkedOnSubmit')})` : null}
            {state === 'refused' ? ` (${t('auth.changePassword.requirements.refused')})` : null}
            {state === 'met' || state === 'unmet' ? <VisuallyHidden> ({t(`auth.changePassword.requirements.${state}`)})</VisuallyHidden> : null}
          </List.Item>
        );
      })}
    </List>
  );
}
