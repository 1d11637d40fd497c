import { Button } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onClick}>
      {t('common.back')}
    </Button>
  );
}

export function NextButton({ onClick, disabled = false }: { onClick: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={onClick} disabled={disabled}>
      {t('common.next')}
    </Button>
  );
}
