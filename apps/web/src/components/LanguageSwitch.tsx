import { Button, Menu } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, supportedLanguages, type AppLanguage } from '../lib/i18n.ts';

function isSupported(value: string): value is AppLanguage {
  return (supportedLanguages as readonly string[]).includes(value);
}

/** FR / EN switch; the choice is kept in localStorage and sets <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: AppLanguage = i18n.resolvedLanguage === 'en' ? 'en' : 'fr';
  return (
    <Menu position="bottom-end" width={180} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.button', { language: t(`language.${current}`), code: current.toUpperCase() })}
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        <Menu.RadioGroup
          value={current}
          onChange={(value) => {
            if (isSupported(value)) void changeLanguage(value);
          }}
        >
          {supportedLanguages.map((language) => (
            <Menu.RadioItem key={language} value={language} lang={language} closeMenuOnClick>
              {t(`language.${language}`)}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </Menu.Dropdown>
    </Menu>
  );
}
