import { List, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

// Mirrors the built-in password rule of @sesame/contracts (`Password`): the server also
// refuses the most common breached passwords, which the UI cannot know in advance.
const checks = [
  { key: 'length', test: (p: string) => p.length >= 8 },
  { key: 'letter', test: (p: string) => /\p{L}/u.test(p) },
  { key: 'digit', test: (p: string) => /\d/.test(p) },
] as const;

export function PasswordRequirements({ password, id }: { password: string; id: string }) {
  const { t } = useTranslation();
  return (
    <List id={id} size="sm" spacing={4} center aria-label={t('auth.changePassword.requirements.label')}>
      {checks.map(({ key, test }) => {
        const met = test(password);
        return (
          <List.Item
            key={key}
            c={met ? 'teal.8' : 'dimmed'}
            icon={
              <ThemeIcon size={18} radius="xl" color={met ? 'teal' : 'gray'} variant={met ? 'filled' : 'light'} aria-hidden>
                {met ? <IconCheck size={12} stroke={3} /> : <IconPoint size={12} />}
              </ThemeIcon>
            }
          >
            {t(`auth.changePassword.requirements.${key}`)}
            <VisuallyHidden>
              {' '}({t(met ? 'auth.changePassword.requirements.met' : 'auth.changePassword.requirements.unmet')})
            </VisuallyHidden>
          </List.Item>
        );
      })}
    </List>
  );
}
